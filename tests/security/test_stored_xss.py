"""Script typed into any field is shown as text to gangmakers, welzijn staff and in the admin.

A corpus of payloads is stored in every field a person can fill in (names, house numbers,
posts, report reasons, tips, expenses, reminders, events, survey answers, care signals and
their notes, membership messages); then the pages where others read them are rendered and
must hold each payload only escaped.
"""

import pytest
from django.urls import reverse

from insights.models import CareSignalNote, WelzijnQuestion
from matching.models import HelpOffer, HelpRequest, PostReport
from pot.models import Expense, Reminder, Tip
from streets.models import EmergencyContact, EventPage, StreetMembership
from surveys.models import SurveyResponse
from tests.security.conftest import street_objects

pytestmark = pytest.mark.django_db

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SVG = "<svg onload=alert(1)>"
JAVASCRIPT_LINK = "javascript:alert(1)"
TEMPLATE = "{{7*7}}"
SHORT = "<i>9</i>"  # fits a house number (10 characters)

# Anything of these in a page means a payload became markup.
LIVE = (SCRIPT, "<img src=x onerror", SVG, SHORT, 'href="javascript:')
ESCAPED = ("&lt;script&gt;", "&lt;img src=x", "&lt;svg onload", "&lt;i&gt;9&lt;/i&gt;")


@pytest.fixture
def poisoned(world):
    """Street A with every user-editable field holding a payload."""
    objects = street_objects(world, world.street_a, world.gangmaker_a, world.bewoner_a)
    world.bewoner_a.first_name = SCRIPT
    world.bewoner_a.last_name = IMG
    world.bewoner_a.save()
    StreetMembership.objects.filter(pk=objects["member_membership_id"]).update(house_number=SHORT)
    applicant = StreetMembership.objects.get(pk=objects["membership_id"])
    StreetMembership.objects.filter(pk=applicant.pk).update(
        message=f"{SVG} {JAVASCRIPT_LINK} {TEMPLATE}", house_number=SHORT
    )
    applicant.user.first_name = IMG
    applicant.user.save()
    HelpRequest.objects.filter(pk=objects["post_id"]).update(description=f"{SCRIPT} {TEMPLATE}")
    HelpOffer.objects.filter(pk=objects["offer_id"]).update(description=f"{SVG} {IMG}")
    PostReport.objects.filter(pk=objects["report_id"]).update(reason=f"{IMG} {SCRIPT}")
    Tip.objects.filter(pk=objects["tip_id"]).update(note=SCRIPT, about=SHORT)
    Expense.objects.filter(pk=objects["expense_id"]).update(for_whom=IMG)
    Reminder.objects.filter(pk=objects["reminder_id"]).update(text=SVG)
    event = EventPage.objects.get(pk=objects["event_id"])
    event.title = SCRIPT
    event.location = IMG
    event.save_revision().publish()
    SurveyResponse.objects.filter(pk=objects["response_id"]).update(
        name=SVG, contact_detail=JAVASCRIPT_LINK
    )
    signal_note = CareSignalNote(signal_id=objects["signal_id"], author=world.welzijn_a, text=SVG)
    signal_note.save()
    from insights.models import CareSignal

    CareSignal.objects.filter(pk=objects["signal_id"]).update(
        concern=f"{SCRIPT} {TEMPLATE}", consent_given_by=IMG
    )
    EmergencyContact.objects.filter(pk=objects["contact_id"]).update(name=SCRIPT, phone=SHORT)
    WelzijnQuestion.objects.filter(pk=objects["question_id"]).update(question=f"{IMG} {SVG}")
    return {**objects, "street_id": world.street_a.pk, "event": event}


def assert_shown_as_text(response, where: str, shows_payload: bool = True) -> None:
    assert response.status_code == 200, f"{where}: {response.status_code}"
    body = response.content.decode()
    live = [payload for payload in LIVE if payload in body]
    assert not live, f"{where} renders {live} as markup"
    if shows_payload:
        assert any(escaped in body for escaped in ESCAPED), f"{where} shows none of the payloads"


def _street_urls(o: dict) -> dict[str, str]:
    street = {"street_id": o["street_id"]}
    return {
        "members": reverse("streets:members", kwargs=street),
        "board": reverse("matching:board", kwargs=street),
        "moderation": reverse("matching:moderation", kwargs=street),
        "match": reverse("matching:match_detail", kwargs={**street, "match_id": o["match_id"]}),
        "match overview": reverse("matching:match_overview", kwargs=street),
        "pot": reverse("pot:pot", kwargs=street),
        "expense": reverse("pot:expense", kwargs={**street, "expense_id": o["expense_id"]}),
        "year report": reverse("pot:year_report", kwargs={**street, "year": o["year"]}),
        "survey response": reverse(
            "surveys:response",
            kwargs={**street, "survey_id": o["survey_id"], "response_id": o["response_id"]},
        ),
        "care signal": reverse("insights:my_signal", kwargs={**street, "pk": o["signal_id"]}),
        "attendees": reverse(
            "streets:event_attendees", kwargs={**street, "event_id": o["event_id"]}
        ),
        "safety net": reverse("streets:safety_detail", kwargs={**street, "net_id": o["net_id"]}),
        "emergency card": reverse("streets:safety_card", kwargs={**street, "net_id": o["net_id"]}),
        "safety overview": reverse("streets:safety_overview", kwargs=street),
        "questions to welzijn": reverse("insights:questions", kwargs=street),
    }


def test_a_gangmaker_sees_every_payload_as_text(login, world, poisoned):
    client = login(world.gangmaker_a)
    for where, url in _street_urls(poisoned).items():
        assert_shown_as_text(client.get(url), where)
    assert_shown_as_text(client.get(poisoned["event"].url), "event page")
    assert_shown_as_text(client.get(world.street_a.url), "street page")


def test_welzijn_staff_see_every_payload_as_text(login, world, poisoned):
    client = login(world.welzijn_a)
    signal = reverse("insights:staff_signal", kwargs={"pk": poisoned["signal_id"]})
    assert_shown_as_text(client.get(signal), "care signal for welzijn")
    assert_shown_as_text(
        client.get(reverse("insights:staff_signals")), "care signal list", shows_payload=False
    )
    question = reverse("insights:staff_question", kwargs={"pk": poisoned["question_id"]})
    assert_shown_as_text(client.get(question), "question for welzijn")
    assert_shown_as_text(client.get(reverse("insights:staff_questions")), "question list")


def test_the_wagtail_admin_shows_page_payloads_as_text(login, world, poisoned):
    client = login(world.coordinator)
    event = poisoned["event"]
    assert_shown_as_text(
        client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])), "admin page editor"
    )
    assert_shown_as_text(
        client.get(reverse("wagtailadmin_explore", args=[world.street_a.pk])), "admin explorer"
    )
