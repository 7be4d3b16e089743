"""iCalendar (RFC 5545) for a street's agenda and for one event, built with icalendar.

Times are written in Europe/Amsterdam with a VTIMEZONE, so a phone keeps "every Tuesday
10:00" at 10:00 after the clocks change. A series is one VEVENT with RRULE; skipped dates
are EXDATEs; a cancelled date is an override (RECURRENCE-ID) with STATUS:CANCELLED, so the
calendar can show that it does not go ahead.
"""

import datetime

import icalendar
from django.utils import timezone

from streets.models.pages import StreetPage

from .choices import ExceptionKind, Repeat
from .forms import html_to_text
from .models import EventPage
from .recurrence import local, occurrence_on, week_of_month

PRODID = "-//Lief & Leed//Straatagenda//NL"
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def uid(event: EventPage) -> str:
    """Stable across edits, moves and renames: the page's translation key never changes."""
    return f"{event.translation_key}@liefenleed"


def _rrule(event: EventPage) -> dict:
    first = local(event.start)
    rule: dict = {"freq": event.repeat.upper(), "interval": event.interval}
    if event.repeat == Repeat.WEEKLY:
        rule["byday"] = [ICAL_DAYS[day] for day in (event.weekday_list or [first.weekday()])]
    else:
        rule["byday"] = f"{week_of_month(first.date())}{ICAL_DAYS[first.weekday()]}"
    if event.repeat_until:
        # RFC 5545 3.3.10: with a TZID start, UNTIL is given in UTC.
        last_moment = datetime.datetime.combine(event.repeat_until, datetime.time(23, 59, 59))
        rule["until"] = last_moment.replace(tzinfo=timezone.get_default_timezone()).astimezone(
            datetime.UTC
        )
    elif event.repeat_count:
        rule["count"] = event.repeat_count
    return rule


def _base(event: EventPage, stamp: datetime.datetime, request) -> icalendar.Event:
    vevent = icalendar.Event()
    vevent.add("uid", uid(event))
    vevent.add("dtstamp", stamp)
    vevent.add("summary", event.title)
    if event.location:
        vevent.add("location", event.location)
    url = event.get_full_url(request)
    description = html_to_text(event.description)
    if url:
        vevent.add("url", url)
        description = f"{description}\n\n{url}".strip()
    if description:
        vevent.add("description", description)
    return vevent


def event_components(event: EventPage, request=None) -> list[icalendar.Event]:
    """The VEVENT of an event, plus one cancelled override per cancelled date of a series."""
    tz = timezone.get_default_timezone()
    stamp = (event.last_published_at or timezone.now()).astimezone(datetime.UTC)
    master = _base(event, stamp, request)
    master.add("dtstart", timezone.localtime(event.start, tz))
    if event.end:
        master.add("dtend", timezone.localtime(event.end, tz))
    master.add("status", "CANCELLED" if event.cancelled else "CONFIRMED")
    components = [master]
    if not event.is_recurring:
        return components
    master.add("rrule", _rrule(event))
    skipped = []
    for exception in sorted(event.exceptions.all(), key=lambda e: e.date):
        occurrence = occurrence_on(event, exception.date, with_exceptions=False)
        if occurrence is None:
            continue
        if exception.kind == ExceptionKind.SKIPPED:
            skipped.append(timezone.localtime(occurrence.start, tz))
            continue
        override = _base(event, stamp, request)
        override.add("recurrence-id", timezone.localtime(occurrence.start, tz))
        override.add("dtstart", timezone.localtime(occurrence.start, tz))
        if occurrence.end:
            override.add("dtend", timezone.localtime(occurrence.end, tz))
        override.add("status", "CANCELLED")
        if exception.note:
            override["description"] = f"{exception.note}\n\n{override.get('description', '')}"
        components.append(override)
    if skipped:
        master.add("exdate", skipped)
    return components


def _calendar(name: str, events, request) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", timezone.get_default_timezone_name())
    starts = []
    for event in events:
        for component in event_components(event, request):
            calendar.add_component(component)
        starts.append(local(event.start).date())
    if starts:
        # The VTIMEZONE covers the calendar's dates only, which keeps the file small.
        calendar.add_missing_timezones(
            first_date=min(starts) - datetime.timedelta(days=366),
            last_date=max(max(starts), timezone.localdate()) + datetime.timedelta(days=10 * 366),
        )
    return calendar.to_ical()


def street_calendar(street: StreetPage, events, request=None) -> bytes:
    return _calendar(street.title, events, request)


def event_calendar(event: EventPage, request=None) -> bytes:
    return _calendar(event.title, [event], request)
