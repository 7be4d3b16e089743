"""The iCal feed of a street and the download of one event, read back with icalendar."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from dateutil.rrule import rrulestr
from django.urls import reverse
from django.utils import timezone

from streets.events.choices import ExceptionKind, Repeat
from streets.events.services import EventData, create_event, set_cancelled, update_event
from streets.models import EventException, EventPage

from .factories import EventPageFactory

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# A Tuesday shortly before the end of summer time (Sunday 25 October 2026).
FIRST = datetime.datetime(2026, 10, 13, 10, tzinfo=AMSTERDAM)


@pytest.fixture(autouse=True)
def _before_the_series(monkeypatch):
    # The feed's dates are fixed (around the end of summer time 2026), whatever today is.
    monkeypatch.setattr(
        timezone, "now", lambda: datetime.datetime(2026, 10, 1, tzinfo=datetime.UTC)
    )


def liftkoffie(world, **fields):
    values = {
        "title": "Liftkoffie",
        "start": FIRST,
        "end": FIRST + datetime.timedelta(hours=1, minutes=30),
        "location": "In de hal",
        "repeat": Repeat.WEEKLY,
        "weekdays": "1",
    }
    return create_event(world.street_a, world.gangmaker_a, EventData(**values | fields))


def feed(client, world):
    response = client.get(reverse("streets:street_ics", args=[world.street_a.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def test_the_street_feed_keeps_the_weekly_liftkoffie_at_ten_across_the_end_of_summer_time(
    client, world
):
    liftkoffie(world)
    calendar = feed(client, world)

    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "Europe/Amsterdam"
    assert vevent["UID"] and vevent["DTSTAMP"].dt.tzinfo is not None
    rule = vevent["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["TU"]

    start = vevent.decoded("DTSTART")
    dates = list(rrulestr(rule.to_ical().decode(), dtstart=start).xafter(start, count=3, inc=True))
    assert [d.astimezone(AMSTERDAM).hour for d in dates] == [10, 10, 10]
    assert [d.astimezone(datetime.UTC).hour for d in dates] == [8, 8, 9]
    assert vevent.decoded("DTEND") - start == datetime.timedelta(hours=1, minutes=30)


def test_skipped_dates_are_exdates_and_cancelled_dates_are_cancelled_overrides(client, world):
    event = liftkoffie(world, repeat_count=10)
    EventException.objects.create(
        event=event, date=datetime.date(2026, 10, 20), kind=ExceptionKind.SKIPPED
    )
    EventException.objects.create(
        event=event,
        date=datetime.date(2026, 10, 27),
        kind=ExceptionKind.CANCELLED,
        note="Schilders",
    )

    master, override = feed(client, world).walk("VEVENT")

    assert master["RRULE"]["COUNT"] == [10]
    exdates = [d.dt for d in master["EXDATE"].dts]
    assert exdates == [datetime.datetime(2026, 10, 20, 10, tzinfo=AMSTERDAM)]
    assert override["UID"] == master["UID"]
    assert override.decoded("RECURRENCE-ID") == datetime.datetime(
        2026, 10, 27, 10, tzinfo=AMSTERDAM
    )
    assert override.decoded("RECURRENCE-ID").utcoffset() == datetime.timedelta(hours=1)
    assert override["STATUS"] == "CANCELLED" and "Schilders" in override["DESCRIPTION"]


def test_an_end_date_becomes_an_until_in_utc_as_the_rfc_requires(client, world):
    liftkoffie(world, repeat_until=datetime.date(2026, 12, 15))
    (vevent,) = feed(client, world).walk("VEVENT")
    until = vevent["RRULE"]["UNTIL"][0]
    assert until.tzinfo is not None and until.utcoffset() == datetime.timedelta(0)
    assert until.astimezone(AMSTERDAM).date() == datetime.date(2026, 12, 15)


def test_a_monthly_series_is_on_the_nth_weekday(client, world):
    liftkoffie(world, repeat=Repeat.MONTHLY, weekdays="")
    (vevent,) = feed(client, world).walk("VEVENT")
    assert vevent["RRULE"]["FREQ"] == ["MONTHLY"] and vevent["RRULE"]["BYDAY"] == ["2TU"]


def test_a_cancelled_event_says_so_and_keeps_its_uid_through_edits(client, world):
    event = liftkoffie(world, repeat=Repeat.NEVER, weekdays="")
    uid = feed(client, world).walk("VEVENT")[0]["UID"]
    event = update_event(
        event,
        world.gangmaker_a,
        EventData(title="Koffie", start=FIRST, end=None),
    )
    set_cancelled(event, world.gangmaker_a, True)

    (vevent,) = feed(client, world).walk("VEVENT")
    assert vevent["UID"] == uid and vevent["SUMMARY"] == "Koffie"
    assert vevent["STATUS"] == "CANCELLED"
    assert "RRULE" not in vevent


def test_the_download_of_one_event_holds_that_event_and_nothing_of_another_street(client, world):
    event = liftkoffie(world)
    EventPageFactory(parent=world.street_a, title="Burendag", slug="burendag", start=FIRST)
    response = client.get(reverse("streets:event_ics", args=[world.street_a.pk, event.pk]))
    calendar = icalendar.Calendar.from_ical(response.content)

    assert [v["SUMMARY"] for v in calendar.walk("VEVENT")] == ["Liftkoffie"]
    assert "attachment" in response["Content-Disposition"]
    other = reverse("streets:event_ics", args=[world.street_b.pk, event.pk])
    assert client.get(other).status_code == 404


def test_unpublished_events_are_not_in_the_feed(client, world):
    event = liftkoffie(world)
    EventPage.objects.get(pk=event.pk).unpublish()
    assert feed(client, world).walk("VEVENT") == []
    url = reverse("streets:event_ics", args=[world.street_a.pk, event.pk])
    assert client.get(url).status_code == 404
