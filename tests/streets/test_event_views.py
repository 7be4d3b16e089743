"""The gangmakers' event pages, "ik kom" and the attendee list: who may, and odd input."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from streets.events.choices import Repeat
from streets.events.forms import EventForm
from streets.events.services import EventData, attend, create_event
from streets.models import EventAttendance, EventException, EventPage

from .factories import MembershipFactory

pytestmark = pytest.mark.django_db

OTHERS = ["bewoner_a", "gangmaker_b", "bewoner_b", "welzijn_a", "outsider"]


def next_tuesday():
    today = timezone.localdate()
    return today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)


def liftkoffie(world, **fields):
    start = timezone.make_aware(datetime.datetime.combine(next_tuesday(), datetime.time(10)))
    values = {
        "title": "Liftkoffie",
        "start": start,
        "end": start + datetime.timedelta(hours=1),
        "repeat": Repeat.WEEKLY,
    }
    return create_event(world.street_a, world.gangmaker_a, EventData(**values | fields))


def form_data(**fields):
    return {
        "title": "Liftkoffie",
        "date": next_tuesday().isoformat(),
        "start_time": "10:00",
        "end_time": "11:30",
        "location": "In de hal",
        "description": "Koffie & koek\n\n<script>alert(1)</script>",
        "repeat": Repeat.WEEKLY,
        "interval": "1",
        "weekdays": ["1"],
        "repeat_until": "",
        "repeat_count": "",
    } | fields


def url(name, world, *args):
    return reverse(f"streets:{name}", args=[world.street_a.pk, *args])


@pytest.mark.parametrize("who", ["gangmaker_a", "coordinator"])
def test_a_gangmaker_or_coordinator_puts_a_weekly_liftkoffie_on_the_street_page(login, world, who):
    client = login(getattr(world, who))
    assert client.get(url("event_new", world)).status_code == 200

    response = client.post(url("event_new", world), form_data())

    event = EventPage.objects.get()
    assert response.status_code == 302 and response["Location"] == event.url
    assert event.live and event.get_parent().pk == world.street_a.pk
    assert event.repeat == Repeat.WEEKLY and event.weekdays == "1"
    assert timezone.localtime(event.start).hour == 10
    assert "&lt;script&gt;" in event.description  # typed text is escaped, not run
    street_page = client.get(world.street_a.url).content.decode()
    assert street_page.count("Liftkoffie") >= 8  # eight coming Tuesdays


@pytest.mark.parametrize("who", OTHERS)
def test_nobody_else_may_make_an_event_in_the_street(login, world, who):
    client = login(getattr(world, who))
    assert client.get(url("event_new", world)).status_code == 403
    assert client.post(url("event_new", world), form_data()).status_code == 403
    assert not EventPage.objects.exists()


def test_a_visitor_is_asked_to_log_in_first(client, world):
    response = client.post(url("event_new", world), form_data())
    assert response.status_code == 302 and "/account/" in response["Location"]
    assert not EventPage.objects.exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"end_time": "09:00"}, "end_time", "Het einde ligt voor het begin."),
        ({"date": "2020-01-07"}, "date", "Dit moment is al voorbij."),
        ({"interval": "0"}, "interval", "minstens 1"),
        ({"interval": "veel"}, "interval", "Voer een geheel getal in."),
        ({"weekdays": ["3"]}, "weekdays", "Vink die dag ook aan"),
        ({"weekdays": ["9"]}, "weekdays", "geen beschikbare keuze"),
        ({"repeat": "daily"}, "repeat", "geen beschikbare keuze"),
        ({"repeat_until": "2020-01-01"}, "repeat_until", "niet stoppen voor de eerste keer"),
        ({"repeat_until": "2099-01-01", "repeat_count": "3"}, "repeat_count", "niet allebei"),
        ({"date": "31-02-2026"}, "date", "Voer een geldige datum in."),
        ({"title": "Koffie\x00"}, "title", "Null-tekens zijn niet toegestaan."),
        ({"title": "x" * 300}, "title", "niet meer dan 255 tekens"),
    ],
)
def test_odd_input_gets_a_dutch_message_next_to_the_field_and_keeps_what_was_typed(
    login, world, fields, field, message
):
    response = login(world.gangmaker_a).post(url("event_new", world), form_data(**fields))

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert 'value="In de hal"' in response.content.decode()
    assert not EventPage.objects.exists()


def test_a_gangmaker_edits_an_event_and_a_past_first_date_may_stay(login, world):
    event = liftkoffie(world)
    EventPage.objects.filter(pk=event.pk).update(start=event.start - datetime.timedelta(weeks=3))
    client = login(world.gangmaker_a)
    form = client.get(url("event_edit", world, event.pk)).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None}
    data |= {"title": "Koffie bij de lift", "date": data["date"].isoformat(), "weekdays": ["1"]}
    data |= {"start_time": "10:00", "end_time": "11:00"}

    response = client.post(url("event_edit", world, event.pk), data)

    assert response.status_code == 302
    assert EventPage.objects.get(pk=event.pk).title == "Koffie bij de lift"


@pytest.mark.parametrize("name", ["event_edit", "event_cancel", "event_attendees", "event_flyer"])
def test_an_event_of_another_street_is_not_found_through_ones_own_street(login, world, name):
    event = liftkoffie(world)
    client = login(world.gangmaker_b)
    other_street_url = reverse(f"streets:{name}", args=[world.street_b.pk, event.pk])
    assert client.get(other_street_url).status_code == 404
    assert client.get(url(name, world, event.pk)).status_code == 403


def test_cancelling_asks_first_and_then_shows_a_notice(login, world, client):
    event = liftkoffie(world, repeat=Repeat.NEVER)
    gangmaker = login(world.gangmaker_a)
    page = gangmaker.get(url("event_cancel", world, event.pk))
    assert "Ja, zeg af" in page.content.decode()
    assert not EventPage.objects.get(pk=event.pk).cancelled

    gangmaker.post(url("event_cancel", world, event.pk), {"what": "all", "note": "Regen"})

    event = EventPage.objects.get(pk=event.pk)
    assert event.cancelled
    gangmaker.logout()
    body = client.get(event.url).content.decode()
    assert "Deze activiteit gaat niet door." in body and "Regen" in body


def test_cancelling_one_date_of_a_series_and_letting_it_go_ahead_again(login, world):
    event = liftkoffie(world)
    day = next_tuesday() + datetime.timedelta(weeks=1)
    client = login(world.gangmaker_a)
    client.post(url("event_cancel", world, event.pk), {"what": day.isoformat(), "note": "Kerst"})
    assert EventException.objects.get(event=event).date == day
    assert "Kerst" in client.get(world.street_a.url).content.decode()

    client.post(url("event_restore", world, event.pk), {"date": day.isoformat()})
    assert not EventException.objects.filter(event=event).exists()


@pytest.mark.parametrize("who", OTHERS)
def test_nobody_else_may_cancel_or_restore(login, world, who):
    event = liftkoffie(world)
    client = login(getattr(world, who))
    assert client.post(url("event_cancel", world, event.pk), {"what": "all"}).status_code == 403
    assert client.post(url("event_restore", world, event.pk)).status_code == 403
    assert not EventPage.objects.get(pk=event.pk).cancelled


def test_a_cancel_with_a_made_up_date_changes_nothing(login, world):
    event = liftkoffie(world)
    response = login(world.gangmaker_a).post(
        url("event_cancel", world, event.pk), {"what": "2026-13-45"}
    )
    assert response.status_code == 200 and response.context["form"].errors["what"]
    assert not EventException.objects.exists()


def test_a_member_says_ik_kom_and_takes_it_back(login, world):
    event = liftkoffie(world)
    day = next_tuesday().isoformat()
    client = login(world.bewoner_a)
    assert "Ik kom" in client.get(event.url).content.decode()

    client.post(url("event_rsvp", world, event.pk), {"date": day})
    assert EventAttendance.objects.filter(user=world.bewoner_a).count() == 1
    assert "U komt." in client.get(event.url).content.decode()

    client.post(url("event_rsvp", world, event.pk), {"date": day, "undo": "1"})
    assert not EventAttendance.objects.exists()


@pytest.mark.parametrize(
    "who", ["bewoner_b", "gangmaker_b", "welzijn_a", "outsider", "coordinator"]
)
def test_only_members_of_the_street_can_say_ik_kom(login, world, who):
    event = liftkoffie(world)
    client = login(getattr(world, who))
    response = client.post(url("event_rsvp", world, event.pk), {"date": next_tuesday().isoformat()})
    assert response.status_code == 403
    assert "Ik kom" not in client.get(event.url).content.decode()
    assert not EventAttendance.objects.exists()


@pytest.mark.parametrize("date", ["", "morgen", "2026-02-30", "\x00", "1999-01-05"])
def test_ik_kom_for_a_date_that_is_not_there_is_refused_without_an_error_page(login, world, date):
    event = liftkoffie(world)
    response = login(world.bewoner_a).post(url("event_rsvp", world, event.pk), {"date": date})
    assert response.status_code == 302
    assert not EventAttendance.objects.exists()


def test_the_gangmaker_sees_the_count_and_a_printable_list_of_first_names_and_numbers(
    login, world, django_assert_max_num_queries
):
    event = liftkoffie(world)
    day = next_tuesday()
    attend(event, day, world.bewoner_a)
    client = login(world.gangmaker_a)
    assert "1 buur komt" in client.get(event.url).content.decode()
    for number in range(20, 40):
        attend(event, day, MembershipFactory(street=world.street_a, house_number=number).user)

    # The same handful of queries however many neighbours come.
    with django_assert_max_num_queries(16):
        response = client.get(url("event_attendees", world, event.pk), {"date": day.isoformat()})

    body = response.content.decode()
    assert "Anna" in body and "<td>12</td>" in body
    assert world.bewoner_a.last_name not in body
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("who", OTHERS)
def test_nobody_else_sees_the_attendee_list_or_the_count(login, world, who):
    event = liftkoffie(world)
    attend(event, next_tuesday(), world.bewoner_a)
    client = login(getattr(world, who))
    assert client.get(url("event_attendees", world, event.pk)).status_code == 403
    assert "buur komt" not in client.get(event.url).content.decode()


def test_the_event_page_of_a_logged_in_viewer_is_never_kept_in_a_shared_cache(login, world):
    event = liftkoffie(world)
    assert "no-store" in login(world.bewoner_a).get(event.url)["Cache-Control"]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=st.text(max_size=300),
    date=st.text(max_size=20) | st.dates().map(str),
    start_time=st.text(max_size=8),
    interval=st.text(max_size=5),
    weekdays=st.lists(st.text(max_size=3), max_size=8),
    repeat=st.sampled_from([*Repeat.values, "", "yearly", "\x00"]),
    repeat_count=st.text(max_size=6),
)
def test_the_event_form_answers_any_input_without_crashing(
    title, date, start_time, interval, weekdays, repeat, repeat_count
):
    form = EventForm(
        form_data(
            title=title,
            date=date,
            start_time=start_time,
            interval=interval,
            weekdays=weekdays,
            repeat=repeat,
            repeat_count=repeat_count,
        )
    )
    if form.is_valid():
        assert form.event_data().start.tzinfo is not None
    else:
        assert all(isinstance(message, str) for message in form.errors)
