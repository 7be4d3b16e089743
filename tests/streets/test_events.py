"""Recurring events: expansion in local time, exceptions, cancelling, listing and "ik kom"."""

import datetime
import re
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from streets.choices import MembershipStatus
from streets.events.choices import ExceptionKind, Repeat
from streets.events.models import EventAttendance, EventException, EventPage
from streets.events.recurrence import check_recurrence, describe, occurrence_on, occurrences
from streets.events.services import (
    EventData,
    EventError,
    attend,
    attendance_counts,
    attendee_memberships,
    create_event,
    set_cancelled,
    set_occurrence_cancelled,
    unattend,
    upcoming_events_below,
    update_event,
)
from streets.models import StreetMembership
from streets.services import leave_street

from .factories import EventPageFactory, MembershipFactory

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=AMSTERDAM)


def series(start, **fields) -> EventPage:
    """An unsaved weekly event: expansion needs no database."""
    defaults = {"title": "Liftkoffie", "repeat": Repeat.WEEKLY, "interval": 1}
    return EventPage(start=start, end=start + datetime.timedelta(hours=2), **defaults | fields)


def local_times(found):
    return [(o.start.astimezone(AMSTERDAM).strftime("%a %d-%m %H:%M"), o.cancelled) for o in found]


def test_every_tuesday_ten_oclock_stays_ten_oclock_after_the_clocks_go_back_in_october():
    event = series(at(2026, 10, 20, 10))
    found = occurrences(event, after=at(2026, 10, 19), before=at(2026, 11, 4))

    assert [o.start.astimezone(AMSTERDAM).hour for o in found] == [10, 10, 10]
    # Summer time before the last Sunday of October (25th), winter time after it.
    assert [o.start.astimezone(datetime.UTC).hour for o in found] == [8, 9, 9]
    assert [o.end.astimezone(AMSTERDAM).hour for o in found] == [12, 12, 12]


def test_every_tuesday_ten_oclock_stays_ten_oclock_after_the_clocks_go_forward_in_march():
    event = series(at(2027, 3, 23, 10))
    found = occurrences(event, after=at(2027, 3, 22), before=at(2027, 4, 7))

    assert [o.start.astimezone(AMSTERDAM).hour for o in found] == [10, 10, 10]
    assert [o.start.astimezone(datetime.UTC).hour for o in found] == [9, 8, 8]


def test_every_other_week_on_two_days_until_a_date_includes_that_last_date():
    event = series(
        at(2026, 6, 2, 19), weekdays="1,3", interval=2, repeat_until=datetime.date(2026, 6, 18)
    )
    found = occurrences(event, after=at(2026, 6, 1), before=at(2026, 12, 1))

    assert local_times(found) == [
        ("Tue 02-06 19:00", False),
        ("Thu 04-06 19:00", False),
        ("Tue 16-06 19:00", False),
        ("Thu 18-06 19:00", False),
    ]


def test_a_series_of_a_number_of_times_stops_after_that_many():
    event = series(at(2026, 6, 2, 19), repeat_count=3)
    assert len(occurrences(event, after=at(2026, 6, 1), before=at(2027, 1, 1))) == 3


def test_monthly_on_the_second_tuesday_keeps_to_the_second_tuesday():
    event = series(at(2026, 9, 8, 14), repeat=Repeat.MONTHLY)
    found = occurrences(event, after=at(2026, 9, 1), before=at(2026, 12, 31))

    assert [o.start.date().day for o in found] == [8, 13, 10, 8]
    assert describe(event).startswith("Elke maand op de tweede dinsdag, 14:00–16:00")


def test_a_started_event_stays_listed_until_it_ends_and_then_drops_off():
    event = series(at(2026, 10, 20, 10))
    during = occurrences(event, after=at(2026, 10, 20, 11), before=at(2026, 10, 28))
    after = occurrences(event, after=at(2026, 10, 20, 12, 1), before=at(2026, 10, 28))

    assert during[0].start == at(2026, 10, 20, 10)
    assert after[0].start == at(2026, 10, 27, 10)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"weekdays": "3"}, "weekdays"),  # the first date is a Tuesday, not a Thursday
        ({"weekdays": "1,9"}, "weekdays"),
        ({"repeat_until": datetime.date(2026, 10, 1)}, "repeat_until"),
        ({"repeat_until": datetime.date(2027, 1, 1), "repeat_count": 4}, "repeat_count"),
        ({"interval": 0}, "interval"),
    ],
)
def test_a_rule_that_makes_no_sense_is_refused_with_a_dutch_message(fields, field):
    with pytest.raises(ValidationError) as error:
        check_recurrence(series(at(2026, 10, 20, 10), **fields))
    assert field in error.value.message_dict


pytestmark = pytest.mark.django_db


def weekly_in(street, start, **fields):
    return EventPageFactory(
        parent=street,
        start=start,
        end=start + datetime.timedelta(hours=2),
        repeat=Repeat.WEEKLY,
        **fields,
    )


def next_tuesday_ten():
    today = timezone.localdate()
    day = today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)
    return datetime.datetime.combine(day, datetime.time(10), tzinfo=AMSTERDAM)


def test_a_skipped_date_is_left_out_and_a_cancelled_one_is_shown_as_not_going_ahead(world):
    first = next_tuesday_ten()
    event = weekly_in(world.street_a, first, title="Liftkoffie", slug="liftkoffie")
    EventException.objects.create(event=event, date=first.date(), kind=ExceptionKind.SKIPPED)
    second = (first + datetime.timedelta(weeks=1)).date()
    EventException.objects.create(
        event=event, date=second, kind=ExceptionKind.CANCELLED, note="Kerst"
    )

    found = upcoming_events_below(world.street_a)

    assert found[0].date == second and found[0].cancelled and found[0].note == "Kerst"
    assert not found[1].cancelled
    assert first.date() not in [o.date for o in found]
    assert occurrence_on(event, first.date()) is None


def test_the_wijk_and_home_list_series_dates_and_one_offs_in_date_order_within_a_horizon(world):
    first = next_tuesday_ten()
    weekly_in(world.street_a, first, title="Liftkoffie", slug="liftkoffie")
    EventPageFactory(
        parent=world.street_b,
        title="Burendag",
        slug="burendag",
        start=first + datetime.timedelta(days=8, hours=2),
    )
    EventPageFactory(
        parent=world.street_c,
        title="Kerstborrel",
        slug="kerst",
        start=first + datetime.timedelta(weeks=20),
    )

    found = upcoming_events_below(world.wijk)
    titles = [o.event.title for o in found]

    assert titles[:3] == ["Liftkoffie", "Liftkoffie", "Burendag"]
    assert titles.count("Liftkoffie") == 8  # eight weeks ahead, not forever
    assert "Kerstborrel" not in titles  # another wijk
    assert "Kerstborrel" in [o.event.title for o in upcoming_events_below(world.home)]


def test_a_whole_cancelled_event_stays_listed_as_not_going_ahead(client, world):
    event = weekly_in(world.street_a, next_tuesday_ten(), title="Liftkoffie", slug="liftkoffie")
    set_cancelled(event, world.gangmaker_a, True, "De hal wordt geschilderd")

    body = client.get(world.street_a.url).content.decode()
    assert "Gaat niet door" in body and "De hal wordt geschilderd" in body


def test_listing_a_street_costs_the_same_queries_with_one_or_many_series(world):
    start = next_tuesday_ten()
    weekly_in(world.street_a, start, slug="a")
    with CaptureQueriesContext(connection) as one:
        upcoming_events_below(world.street_a)
    for n in range(5):
        weekly_in(world.street_a, start, slug=f"b{n}")
    with CaptureQueriesContext(connection) as many:
        found = upcoming_events_below(world.street_a, limit=10)
    assert len(many) == len(one) == 3  # view restrictions, events, their exceptions
    assert len(found) == 10


def data(**fields):
    start = next_tuesday_ten()
    return EventData(
        **{"title": "Liftkoffie", "start": start, "end": start + datetime.timedelta(hours=1)}
        | fields
    )


def test_creating_an_event_publishes_a_page_under_the_street_with_a_revision(world):
    event = create_event(world.street_a, world.gangmaker_a, data(repeat=Repeat.WEEKLY))

    assert event.live and event.get_parent().pk == world.street_a.pk
    assert event.latest_revision.user == world.gangmaker_a
    again = create_event(world.street_a, world.gangmaker_a, data(title="Liftkoffie"))
    assert again.slug != event.slug


def test_a_cancelled_date_survives_a_later_publish_from_the_admin(world):
    event = create_event(world.street_a, world.gangmaker_a, data(repeat=Repeat.WEEKLY))
    day = (next_tuesday_ten() + datetime.timedelta(weeks=1)).date()
    set_occurrence_cancelled(event, day, world.gangmaker_a, True, "Kerst")

    # The admin publishes the latest revision: the exception is inside it.
    EventPage.objects.get(pk=event.pk).latest_revision.publish()
    assert occurrence_on(EventPage.objects.get(pk=event.pk), day).cancelled

    set_occurrence_cancelled(event, day, world.gangmaker_a, False)
    assert not EventException.objects.filter(event=event).exists()


def test_cancelling_a_date_that_is_not_in_the_series_is_refused(world):
    event = create_event(world.street_a, world.gangmaker_a, data(repeat=Repeat.WEEKLY))
    wednesday = (next_tuesday_ten() + datetime.timedelta(days=1)).date()
    with pytest.raises(EventError):
        set_occurrence_cancelled(event, wednesday, world.gangmaker_a, True)
    assert not EventException.objects.exists()


def test_editing_keeps_the_exceptions_and_the_ik_kom_answers(world):
    event = create_event(world.street_a, world.gangmaker_a, data(repeat=Repeat.WEEKLY))
    day = next_tuesday_ten().date()
    attend(event, day, world.bewoner_a)
    set_occurrence_cancelled(event, day + datetime.timedelta(weeks=1), world.gangmaker_a, True)

    event = update_event(
        event, world.gangmaker_a, data(title="Koffie bij de lift", repeat=Repeat.WEEKLY)
    )

    assert event.title == "Koffie bij de lift"
    assert event.exceptions.count() == 1
    assert attendance_counts(event, [day]) == {day: 1}


def test_ik_kom_twice_counts_once_and_can_be_taken_back(world):
    event = create_event(world.street_a, world.gangmaker_a, data())
    day = next_tuesday_ten().date()
    attend(event, day, world.bewoner_a)
    attend(event, day, world.bewoner_a)
    assert attendance_counts(event, [day]) == {day: 1}

    unattend(event, day, world.bewoner_a)
    assert attendance_counts(event, [day]) == {}


def test_ik_kom_is_refused_for_a_cancelled_past_or_non_existing_date(world):
    event = create_event(world.street_a, world.gangmaker_a, data(repeat=Repeat.WEEKLY))
    day = next_tuesday_ten().date()
    set_occurrence_cancelled(event, day, world.gangmaker_a, True)
    for refused in (day, day + datetime.timedelta(days=1), day - datetime.timedelta(weeks=1)):
        with pytest.raises(EventError):
            attend(event, refused, world.bewoner_a)
    assert not EventAttendance.objects.exists()


def test_the_attendee_list_shows_only_current_members_by_house_number(world):
    event = create_event(world.street_a, world.gangmaker_a, data())
    day = next_tuesday_ten().date()
    late = MembershipFactory(street=world.street_a, user__first_name="Kees", house_number="2").user
    attend(event, day, world.bewoner_a)
    attend(event, day, late)
    names = [(m.user.first_name, m.house_number) for m in attendee_memberships(event, day)]
    assert names == [("Anna", "12"), ("Kees", "2")]

    leave_street(StreetMembership.objects.get(user=world.bewoner_a, street=world.street_a))
    assert [m.user.first_name for m in attendee_memberships(event, day)] == ["Kees"]
    assert attendance_counts(event, [day]) == {day: 1}
    assert StreetMembership.objects.get(user=late).status == MembershipStatus.APPROVED


def test_the_wagtail_editor_shows_the_repeat_fields_with_weekdays_as_checkboxes(login, world):
    event = weekly_in(world.street_a, next_tuesday_ten(), slug="liftkoffie", weekdays="1")
    response = login(world.gangmaker_a).get(reverse("wagtailadmin_pages:edit", args=[event.pk]))

    body = response.content.decode()
    assert response.status_code == 200
    tuesday = re.search(r'<input type="checkbox" name="weekdays" value="1"[^>]*>', body).group()
    monday = re.search(r'<input type="checkbox" name="weekdays" value="0"[^>]*>', body).group()
    assert "checked" in tuesday and "checked" not in monday
    assert "Data die uitvallen of niet doorgaan" in body


def test_the_municipality_home_and_the_wijk_say_which_street_each_coming_event_is_in(client, world):
    start = next_tuesday_ten()
    weekly_in(world.street_a, start, title="Liftkoffie", slug="liftkoffie")
    weekly_in(world.street_b, start, title="Liftkoffie", slug="liftkoffie")

    for page in (world.home, world.wijk):
        html = client.get(page.url).content.decode()
        coming = html[html.index("Binnenkort") :]
        assert '<span class="event-list__street">(Zwaanshals)</span>' in coming
        assert '<span class="event-list__street">(Bergweg)</span>' in coming
    # The street's own page does not repeat its name on every row.
    assert "event-list__street" not in client.get(world.street_a.url).content.decode()
