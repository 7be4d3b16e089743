"""The programme on the to-do list, and in a person's data export and erasure."""

import pytest

from accounts.privacy import export_personal_data
from programme.models import Applicant, GangmakerRequest
from programme.todos import coordinator_todos, gangmaker_todos
from tests.programme.factories import application_with_people

pytestmark = pytest.mark.django_db


def test_the_coordinator_is_told_a_street_wants_to_join_and_others_are_not(
    world, other_municipality
):
    application_with_people(world.home)
    lines = list(coordinator_todos(world.coordinator))
    assert [line.label for line in lines] == ["1 straat wil meedoen"]
    assert lines[0].url.endswith(f"/programma/{world.home.pk}/aanmeldingen/")
    assert list(coordinator_todos(other_municipality.coordinator)) == []
    assert list(coordinator_todos(world.gangmaker_a)) == []


def test_gangmakers_see_who_wants_to_become_gangmaker_in_their_own_street_only(world):
    GangmakerRequest.objects.create(membership=world.bewoner_a.memberships.get())
    assert [line.label for line in gangmaker_todos(world.gangmaker_a)] == [
        "1 buur wil gangmaker worden"
    ]
    assert list(gangmaker_todos(world.gangmaker_b)) == []


def test_an_applicants_data_is_in_their_export_and_erasure_keeps_the_application(world):
    application = application_with_people(world.home)
    Applicant.objects.filter(application=application).update(email=world.outsider.email)
    data = export_personal_data(world.outsider)
    assert data["programma"]["straat_aangemeld"][0]["application__street_name"] == (
        "Bloemkweekstraat"
    )
    from programme.personal_data import erase

    erase(world.outsider, None)
    applicant = Applicant.objects.get(application=application)
    assert applicant.name == "(verwijderd)" and applicant.email == ""


def test_a_gangmakers_calls_are_in_their_export_and_erasure_keeps_the_call_without_them(world):
    import datetime

    from programme.models import StreetFollowUp
    from programme.personal_data import erase
    from programme.services import log_follow_up

    log_follow_up(
        world.street_a,
        world.coordinator,
        called_on=datetime.date(2026, 3, 2),
        outcome="call_back",
        gangmaker=world.gangmaker_a,
        note="Gerda belt terug.",
    )
    data = export_personal_data(world.gangmaker_a)
    (call,) = data["programma"]["gesprekken_stille_straat"]
    assert call["street__title"] == "Zwaanshals" and call["note"] == "Gerda belt terug."

    erase(world.gangmaker_a, None)
    follow_up = StreetFollowUp.objects.get()
    assert follow_up.gangmaker is None and follow_up.contact_name == "(verwijderd)"
    assert follow_up.note == "" and follow_up.outcome == "call_back"
