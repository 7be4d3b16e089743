"""Expanding recurring events into dated occurrences, in Europe/Amsterdam local time.

A series is stored as its first start and end plus a rule (weekly on chosen weekdays, or
monthly on the n-th weekday; every N weeks or months; until a date or a number of times).
Expansion runs on naive local wall-clock times and only then attaches the time zone, so
"every Tuesday 10:00" stays 10:00 on both sides of a daylight-saving change; the UTC offset
is what moves. No ORM here: callers pass events (with their exceptions prefetched).
"""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from dateutil import rrule
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from streets.vocabulary import Weekday

from .choices import ExceptionKind, Repeat

MAX_INTERVAL = 12
MAX_COUNT = 200
# Lists show recurring events this far ahead, and at most this many dates of one series.
HORIZON = datetime.timedelta(weeks=8)
MAX_PER_EVENT = 12
# An event without an end time stays listed this long after it began (as before series).
OPEN_END = datetime.timedelta(hours=12)

RRULE_WEEKDAYS = (rrule.MO, rrule.TU, rrule.WE, rrule.TH, rrule.FR, rrule.SA, rrule.SU)
ORDINALS = {
    1: gettext_lazy("eerste"),
    2: gettext_lazy("tweede"),
    3: gettext_lazy("derde"),
    4: gettext_lazy("vierde"),
    -1: gettext_lazy("laatste"),
}


def parse_weekdays(value: str) -> list[int]:
    """ "1,3" -> [1, 3] (0 is Monday, as in streets.vocabulary.Weekday); junk raises ValueError."""
    days = sorted({int(part) for part in value.split(",") if part.strip()})
    if any(day not in Weekday.values for day in days):
        raise ValueError(value)
    return days


def format_weekdays(days: Iterable[int | str]) -> str:
    return ",".join(str(day) for day in sorted({int(day) for day in days}))


def validate_weekdays(value: str) -> None:
    try:
        parse_weekdays(value)
    except ValueError:
        raise ValidationError(
            _("Kies de dagen uit maandag tot en met zondag."), code="weekdays"
        ) from None


def local(moment: datetime.datetime) -> datetime.datetime:
    """The naive Amsterdam wall-clock time of an aware moment."""
    return timezone.localtime(moment, timezone.get_default_timezone()).replace(tzinfo=None)


def aware(wall_clock: datetime.datetime) -> datetime.datetime:
    # zoneinfo resolves a wall-clock time in the autumn overlap to the first (summer) moment
    # and one in the spring gap forward; neither raises, so odd input cannot cause a 500.
    return wall_clock.replace(tzinfo=timezone.get_default_timezone())


def week_of_month(day: datetime.date) -> int:
    """1–4 for the first to fourth such weekday of the month, -1 for a fifth (the last)."""
    position = (day.day - 1) // 7 + 1
    return -1 if position == 5 else position


def rule_kwargs(event: Any) -> dict[str, Any]:
    """The rule's parts for dateutil (and, translated, for an iCal RRULE); empty if one-off."""
    if event.repeat == Repeat.NEVER:
        return {}
    first = local(event.start)
    kwargs: dict[str, Any] = {"interval": event.interval or 1}
    if event.repeat == Repeat.WEEKLY:
        kwargs["freq"] = rrule.WEEKLY
        days = parse_weekdays(event.weekdays) or [first.weekday()]
        kwargs["byweekday"] = [RRULE_WEEKDAYS[day] for day in days]
    else:
        kwargs["freq"] = rrule.MONTHLY
        kwargs["byweekday"] = [RRULE_WEEKDAYS[first.weekday()](week_of_month(first.date()))]
    if event.repeat_until:
        kwargs["until"] = datetime.datetime.combine(event.repeat_until, datetime.time.max)
    elif event.repeat_count:
        kwargs["count"] = event.repeat_count
    return kwargs


def check_recurrence(event: Any) -> None:
    """Refuse a rule that makes no sense, with Dutch messages keyed by field."""
    errors = {}
    first = local(event.start)
    try:
        days = parse_weekdays(event.weekdays)
    except ValueError:
        days = []
        errors["weekdays"] = _("Kies de dagen uit maandag tot en met zondag.")
    if event.repeat == Repeat.WEEKLY and days and first.weekday() not in days:
        errors["weekdays"] = _(
            "De eerste keer valt op een %(day)s. Kies die dag ook, of kies een andere datum."
        ) % {"day": Weekday(first.weekday()).label}
    if event.repeat_until and event.repeat_count:
        errors["repeat_count"] = _("Kies een einddatum óf een aantal keren, niet allebei.")
    if event.repeat_until and event.repeat_until < first.date():
        errors["repeat_until"] = _("De herhaling kan niet stoppen voor de eerste keer.")
    if not 1 <= (event.interval or 0) <= MAX_INTERVAL:
        errors["interval"] = _("Kies een getal van 1 tot en met %(max)s.") % {"max": MAX_INTERVAL}
    if errors:
        raise ValidationError(errors)


@dataclass(frozen=True)
class Occurrence:
    """One dated instance of an event (the event itself, for a one-off)."""

    event: Any
    start: datetime.datetime
    end: datetime.datetime | None
    cancelled: bool = False
    note: str = ""

    @property
    def date(self) -> datetime.date:
        return local(self.start).date()

    @property
    def listed_until(self) -> datetime.datetime:
        return self.end or self.start + OPEN_END


def _exceptions(event: Any) -> dict[datetime.date, Any]:
    return {exception.date: exception for exception in event.exceptions.all()}


def _occurrence(event: Any, wall_clock: datetime.datetime, exceptions: dict) -> Occurrence | None:
    start = aware(wall_clock)
    end = None
    if event.end:
        end = aware(wall_clock + (local(event.end) - local(event.start)))
    exception = exceptions.get(wall_clock.date())
    if exception and exception.kind == ExceptionKind.SKIPPED:
        return None
    if event.cancelled:
        return Occurrence(event, start, end, True, event.cancellation_note)
    if exception:
        return Occurrence(event, start, end, True, exception.note)
    return Occurrence(event, start, end)


def occurrences(
    event: Any,
    after: datetime.datetime,
    before: datetime.datetime | None = None,
    limit: int = MAX_PER_EVENT,
) -> list[Occurrence]:
    """Occurrences still going on at `after` (not yet ended) that begin before `before`."""
    exceptions = _exceptions(event)
    if event.repeat == Repeat.NEVER:
        found = _occurrence(event, local(event.start), exceptions)
        if found and found.listed_until > after and (before is None or found.start < before):
            return [found]
        return []
    duration = (event.end - event.start) if event.end else OPEN_END
    rule = rrule.rrule(dtstart=local(event.start), **rule_kwargs(event))
    result = []
    for wall_clock in rule.xafter(local(after - duration), inc=False):
        if before is not None and aware(wall_clock) >= before:
            break
        found = _occurrence(event, wall_clock, exceptions)
        if found and found.listed_until > after:
            result.append(found)
            if len(result) >= limit:
                break
    return result


def occurrence_on(
    event: Any, day: datetime.date, with_exceptions: bool = True
) -> Occurrence | None:
    """The event's occurrence on local date `day`, if it has one (skipped dates have none).

    With `with_exceptions=False` the bare rule answers: the date as scheduled, for iCal's
    EXDATE and RECURRENCE-ID.
    """
    exceptions = _exceptions(event) if with_exceptions else {}
    if event.repeat == Repeat.NEVER:
        first = local(event.start)
        return _occurrence(event, first, exceptions) if first.date() == day else None
    rule = rrule.rrule(dtstart=local(event.start), **rule_kwargs(event))
    midnight = datetime.datetime.combine(day, datetime.time.min)
    last = midnight + datetime.timedelta(days=1, microseconds=-1)
    found = rule.between(midnight, last, inc=True)
    return _occurrence(event, found[0], exceptions) if found else None


def upcoming(
    events: Iterable[Any],
    now: datetime.datetime | None = None,
    horizon: datetime.timedelta = HORIZON,
    limit: int | None = None,
) -> list[Occurrence]:
    """All events' occurrences from now on in date order; series only within `horizon`.

    A one-off event is listed however far ahead it is (a Christmas drink announced in
    October); a series shows its dates of the coming weeks only.
    """
    now = now or timezone.now()
    found = []
    for event in events:
        before = now + horizon if event.repeat != Repeat.NEVER else None
        found.extend(occurrences(event, now, before))
    found.sort(key=lambda occurrence: (occurrence.start, occurrence.event.title))
    return found[:limit] if limit else found


def describe(event: Any) -> str:
    """The rule in plain Dutch: "Elke dinsdag, 10:00–12:00, tot en met 30 juni 2027"."""
    first = local(event.start)
    times = formats.time_format(first.time(), "H:i")
    if event.end:
        times += "–" + formats.time_format(local(event.end).time(), "H:i")
    if event.repeat == Repeat.NEVER:
        return f"{formats.date_format(first.date(), 'l j F Y')}, {times}"
    if event.repeat == Repeat.WEEKLY:
        days = parse_weekdays(event.weekdays) or [first.weekday()]
        names = [str(Weekday(day).label) for day in days]
        day_text = (
            names[0]
            if len(names) == 1
            else _("%(days)s en %(last)s")
            % {
                "days": ", ".join(names[:-1]),
                "last": names[-1],
            }
        )
        if event.interval == 1:
            text = _("Elke %(days)s") % {"days": day_text}
        else:
            text = _("Om de %(n)s weken op %(days)s") % {"n": event.interval, "days": day_text}
    else:
        day_text = _("de %(ordinal)s %(day)s") % {
            "ordinal": ORDINALS[week_of_month(first.date())],
            "day": Weekday(first.weekday()).label,
        }
        if event.interval == 1:
            text = _("Elke maand op %(days)s") % {"days": day_text}
        else:
            text = _("Om de %(n)s maanden op %(days)s") % {"n": event.interval, "days": day_text}
    text = f"{text}, {times}"
    if event.repeat_until:
        text += ", " + _("tot en met %(date)s") % {
            "date": formats.date_format(event.repeat_until, "j F Y")
        }
    elif event.repeat_count:
        text += ", " + ngettext("%(n)s keer", "%(n)s keer", event.repeat_count) % {
            "n": event.repeat_count
        }
    return text
