"""Welzijn as a sounding board: a gangmaker's question without names reaches only the wijk's
welzijn staff, and the answer only that gangmaker; apart from care signals."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from insights.models import CareSignal, WelzijnQuestion
from insights.services import answer_question, ask_question
from tests.streets.factories import GangmakerMembershipFactory

pytestmark = pytest.mark.django_db

QUESTION = "Ik maak me zorgen om een buurvrouw die weinig buiten komt. Wat kan ik doen?"


def questions_url(street):
    return reverse("insights:questions", args=[street.pk])


def test_gangmakers_see_the_wijks_welzijn_contact_and_a_warning_not_to_name_anyone(world, login):
    wijk = world.wijk
    wijk.welzijn_contact_name = "Fatima Yilmaz"
    wijk.welzijn_contact_phone = "010 4445566"
    wijk.welzijn_contact_hours = "ma-do 9-12 uur"
    wijk.save()

    page = login(world.gangmaker_a).get(questions_url(world.street_a)).text

    assert "Fatima Yilmaz" in page
    assert "010 4445566" in page
    assert "ma-do 9-12 uur" in page
    assert "Noem geen namen" in page
    # Not on the public wijk page.
    assert "010 4445566" not in login(world.bewoner_a).get(wijk.url).text


def test_a_question_reaches_only_the_wijks_welzijn_staff_and_is_no_care_signal(
    world, login, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = login(world.gangmaker_a).post(
            questions_url(world.street_a), {"question": QUESTION}
        )

    assert response.status_code == 302
    asked = WelzijnQuestion.objects.get()
    assert asked.asked_by == world.gangmaker_a
    assert not CareSignal.objects.exists()
    assert [m.to for m in mail.outbox] == [[world.welzijn_a.email]]
    assert "weinig buiten" not in mail.outbox[0].body
    staff_url = reverse("insights:staff_question", args=[asked.pk])
    assert QUESTION in login(world.welzijn_a).get(staff_url).text
    assert login(world.welzijn_other).get(staff_url).status_code == 404
    assert login(world.coordinator).get(staff_url).status_code == 404
    listing = login(world.welzijn_other).get(reverse("insights:staff_questions")).text
    assert "weinig buiten" not in listing


def test_the_answer_reaches_only_the_gangmaker_who_asked(
    world, login, django_capture_on_commit_callbacks
):
    other_gangmaker = GangmakerMembershipFactory(street=world.street_a).user
    asked = ask_question(world.street_a, world.gangmaker_a, QUESTION)
    mail.outbox.clear()
    client = login(world.welzijn_a)
    url = reverse("insights:staff_question", args=[asked.pk])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"answer": "Bel gerust, dan gaan we samen langs."})

    asked.refresh_from_db()
    assert asked.answered_by == world.welzijn_a
    assert [m.to for m in mail.outbox] == [[world.gangmaker_a.email]]
    assert "samen langs" in login(world.gangmaker_a).get(questions_url(world.street_a)).text
    assert "samen langs" not in login(other_gangmaker).get(questions_url(world.street_a)).text
    assert "samen langs" not in login(world.gangmaker_b).get(questions_url(world.street_b)).text


def test_an_empty_answer_is_refused_and_a_second_answer_changes_nothing(world, login):
    asked = ask_question(world.street_a, world.gangmaker_a, QUESTION)
    client = login(world.welzijn_a)
    url = reverse("insights:staff_question", args=[asked.pk])
    assert "Schrijf eerst een antwoord." in client.post(url, {"answer": ""}).text
    answer_question(asked, world.welzijn_a, "Eerste antwoord")

    client.post(url, {"answer": "Tweede antwoord"})

    asked.refresh_from_db()
    assert asked.answer == "Eerste antwoord"


def test_an_empty_question_is_refused(world, login):
    response = login(world.gangmaker_a).post(questions_url(world.street_a), {"question": ""})
    assert "Schrijf eerst uw vraag." in response.text
    assert not WelzijnQuestion.objects.exists()


def test_a_wijk_without_welzijn_staff_cannot_be_asked(world, login):
    world.welzijn_other.welzijn_assignments.all().delete()
    gangmaker_c = GangmakerMembershipFactory(street=world.street_c).user
    response = login(gangmaker_c).post(questions_url(world.street_c), {"question": QUESTION})
    assert "nog geen welzijnsmedewerker" in response.text
    assert not WelzijnQuestion.objects.exists()


def test_the_staff_list_takes_the_same_queries_for_one_or_six_questions(world, login):
    client = login(world.welzijn_a)
    url = reverse("insights:staff_questions")
    counts = []
    for added in (1, 5):
        for _ in range(added):
            ask_question(world.street_a, world.gangmaker_a, QUESTION)
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        counts.append(len(captured))
    assert response.text.count("Zwaanshals") >= 6
    assert counts[0] == counts[1]
