"""Meetings above the street: a coordinator plans a wijk meeting for gangmakers; its audience
is invited (outbox rows for gangmakers, mail for staff after the commit) and nobody else sees
it; "ik kom" counts for the organiser; iCal and a printed invitation."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from accounts.todos import todos_for
from matching.models import Notification
from network.models import Audience, Meeting, MeetingAttendance
from tests.streets.factories import GangmakerMembershipFactory

pytestmark = pytest.mark.django_db


def _form(world, **extra):
    start = timezone.localtime() + datetime.timedelta(days=7)
    return {
        "municipality": world.home.pk,
        "wijk": world.wijk.pk,
        "title": "Gangmakersavond Noord",
        "start": start.strftime("%Y-%m-%dT19:30"),
        "end": start.strftime("%Y-%m-%dT21:30"),
        "location": "Buurthuis De Pijler",
        "description": "Ervaringen delen, met soep.",
        "audience": Audience.GANGMAKERS,
        **extra,
    }


def test_a_wijk_meeting_invites_the_wijks_gangmakers_and_they_see_it(
    login, world, django_capture_on_commit_callbacks
):
    elsewhere = GangmakerMembershipFactory(street=world.street_c, user__first_name="Zoë").user
    client = login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("network:new_meeting"), _form(world), follow=True)
    meeting = Meeting.objects.get()
    assert "2 mensen zijn uitgenodigd" in response.content.decode()
    invited = set(
        Notification.objects.filter(kind="meeting_invitation").values_list("user_id", flat=True)
    )
    assert invited == {world.gangmaker_a.pk, world.gangmaker_b.pk}
    for person in (world.gangmaker_a, world.gangmaker_b):
        page = login(person).get(reverse("network:meetings")).content.decode()
        assert "Gangmakersavond Noord" in page
        assert any(todo.kind == "meetings" for todo in todos_for(person))
    for person in (elsewhere, world.bewoner_a, world.welzijn_a):
        assert (
            "Gangmakersavond Noord"
            not in login(person).get(reverse("network:meetings")).content.decode()
        )
        assert login(person).get(reverse("network:meeting", args=[meeting.pk])).status_code == 404


def test_welzijn_staff_are_invited_by_mail_only_when_the_meeting_is_for_them(
    login, world, django_capture_on_commit_callbacks
):
    world.welzijn_a.email = "welzijn@example.org"
    world.welzijn_a.save()
    client = login(world.coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("network:new_meeting"), _form(world, audience=Audience.GANGMAKERS_WELZIJN)
        )
    recipients = [address for message in mail.outbox for address in message.to]
    assert "welzijn@example.org" in recipients
    assert world.welzijn_other.email not in recipients
    assert world.bewoner_a.email not in recipients
    meeting = Meeting.objects.get()
    assert (
        login(world.welzijn_a).get(reverse("network:meeting", args=[meeting.pk])).status_code == 200
    )
    assert (
        login(world.welzijn_other).get(reverse("network:meeting", args=[meeting.pk])).status_code
        == 404
    )


def test_a_rejected_meeting_keeps_what_was_typed(login, world):
    data = _form(world)
    data["end"] = data["start"].replace("19:30", "18:00")
    response = login(world.coordinator).post(reverse("network:new_meeting"), data)
    body = response.content.decode()
    assert "Het einde moet na het begin liggen." in body
    assert "Buurthuis De Pijler" in body
    assert not Meeting.objects.exists()
    assert login(world.gangmaker_a).get(reverse("network:new_meeting")).status_code == 403


def test_ik_kom_counts_for_the_organiser_and_the_meeting_goes_in_the_calendar(login, world):
    meeting = Meeting.objects.create(
        municipality=world.home,
        wijk=world.wijk,
        title="Gangmakersavond",
        start=timezone.now() + datetime.timedelta(days=3),
        end=timezone.now() + datetime.timedelta(days=3, hours=2),
        location="Buurthuis",
        organiser=world.coordinator,
    )
    client = login(world.gangmaker_a)
    client.get(reverse("network:attend", args=[meeting.pk]))
    assert not MeetingAttendance.objects.exists()  # looking changes nothing
    client.post(reverse("network:attend", args=[meeting.pk]), {"coming": "ja"})
    client.post(reverse("network:attend", args=[meeting.pk]), {"coming": "ja"})
    assert MeetingAttendance.objects.count() == 1
    organiser_page = login(world.coordinator).get(reverse("network:meeting", args=[meeting.pk]))
    assert "1 aanmelding" in organiser_page.content.decode()
    assert world.gangmaker_a.get_full_name() in organiser_page.content.decode()
    ics = login(world.gangmaker_a).get(reverse("network:meeting_ics", args=[meeting.pk]))
    assert ics["Content-Type"].startswith("text/calendar")
    assert b"SUMMARY:Gangmakersavond" in ics.content
    printed = login(world.coordinator).get(reverse("network:invitation", args=[meeting.pk]))
    assert "Buurthuis" in printed.content.decode()
    login(world.gangmaker_a).post(reverse("network:attend", args=[meeting.pk]), {"coming": "nee"})
    assert not MeetingAttendance.objects.exists()


def test_who_sees_a_meeting_is_who_is_invited_plus_its_municipalitys_coordinators(
    world, other_municipality
):
    """Two encodings of one rule: `invited` (from the meeting) and `visible_meetings` (from the
    person, for lists). Every audience and area, every role of both municipalities."""
    from network.access import invited, may_see_meeting

    people = [
        world.bewoner_a,
        world.gangmaker_a,
        world.gangmaker_b,
        world.welzijn_a,
        world.welzijn_other,
        world.coordinator,
        world.outsider,
        other_municipality.gangmaker,
        other_municipality.coordinator,
    ]
    start = timezone.now() + datetime.timedelta(days=3)
    for audience in Audience.values:
        for municipality, wijk in (
            (world.home, world.wijk),
            (world.home, None),
            (None, None),
            (other_municipality.home, other_municipality.wijk),
        ):
            meeting = Meeting.objects.create(
                municipality=municipality,
                wijk=wijk,
                title="t",
                start=start,
                end=start + datetime.timedelta(hours=1),
                location="x",
                audience=audience,
            )
            guests = set(invited(meeting).values_list("pk", flat=True))
            for person in people:
                coordinates = (
                    municipality is not None
                    and person.coordinator_assignments.filter(municipality=municipality).exists()
                )
                expected = person.pk in guests or coordinates
                assert may_see_meeting(person, meeting) == expected, (audience, wijk, person)
