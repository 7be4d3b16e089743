"""Street events' rules and queries: the coming dates below a page, what an event page shows,
changing events and saying "ik kom". Views, the event page and the pages' event lists
(streets/templatetags/event_tags.py) call these.

Events are Wagtail pages, so every change goes through a new revision that is published at
once: the Wagtail admin's history shows who did what, and a later publish from the admin
cannot silently undo a change made here (the exceptions travel inside the revision).
"""

import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import DateTimeField, Exists, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page

from streets.choices import MembershipStatus
from streets.models.pages import StreetPage
from streets.models.roles import StreetMembership
from streets.permissions import street_access

from .choices import ExceptionKind, Repeat
from .models import EventAttendance, EventException, EventPage
from .recurrence import (
    HORIZON,
    OPEN_END,
    Occurrence,
    describe,
    occurrence_on,
    occurrences,
    upcoming,
)

# The event page shows this many coming dates of a series.
DATES_ON_EVENT_PAGE = 8

# What a one-off's start is compared with when there is no bound (a NULL would exclude all).
_FAR_FUTURE = Value(datetime.datetime.max.replace(tzinfo=datetime.UTC), DateTimeField())


class EventError(Exception):
    """A change the rules do not allow; the message is for the user."""


def upcoming_events_below(page: Page, limit: int | None = None) -> list[Occurrence]:
    """Coming dates of live events under `page` (a municipality, wijk or street), in order.

    Series are expanded a few weeks ahead (recurrence.HORIZON); dates that have ended drop
    off; cancelled ones stay, marked, so neighbours know not to come.

    With a `limit`, one-off events are read only as far as they can make the list. A one-off
    has one date, its start, so of those surely listed (not over, no skipped date) only the
    `limit` earliest, and any at the same moment, can be among the first `limit`. Series and
    one-offs with a skipped date are few and are all expanded. Without the bound the
    municipality home expanded every coming event (some 370 at 1/10 of Rotterdam) to show six.
    """
    now = timezone.now()
    events = EventPage.objects.descendant_of(page).live().public()
    series = ~Q(repeat=Repeat.NEVER) & (
        Q(repeat_until__isnull=True) | Q(repeat_until__gte=timezone.localdate())
    )
    # Exactly when recurrence.upcoming lists a one-off: it has not ended (or, without an end,
    # began less than OPEN_END ago).
    one_off = Q(repeat=Repeat.NEVER) & (
        Q(end__gt=now) | Q(end__isnull=True, start__gt=now - OPEN_END)
    )
    if limit:
        skips = Exists(
            EventException.objects.filter(event=OuterRef("pk"), kind=ExceptionKind.SKIPPED)
        )
        # The start of the `limit`-th surely listed one-off, read in the same query; no bound
        # while there are fewer.
        last_start = events.filter(one_off & ~skips).order_by("start").values("start")
        bound = Coalesce(Subquery(last_start[limit - 1 : limit]), _FAR_FUTURE)
        one_off &= skips | Q(start__lte=bound)
    candidates = events.filter(series | one_off).prefetch_related("exceptions")
    return upcoming(candidates, now, limit=limit)


def with_streets(found: list[Occurrence]) -> list[Occurrence]:
    """Give each occurrence's event its street (`event.street`), in one query: on the
    municipality and wijk pages six "Liftkoffie" rows from six streets look the same without.
    Sets `event.listed_street` (None for an event that is not below a street)."""
    steplen = Page.steplen
    parent_paths = {o.event.path[:-steplen] for o in found}
    streets = {
        street.path: street
        for street in StreetPage.objects.filter(path__in=parent_paths).only("title", "path")
    }
    for occurrence in found:
        occurrence.event.listed_street = streets.get(occurrence.event.path[:-steplen])
    return found


def coming_occurrences(event: EventPage, limit: int = DATES_ON_EVENT_PAGE) -> list[Occurrence]:
    """The dates of one event still to come: a series within the horizon, at most `limit`."""
    now = timezone.now()
    before = now + HORIZON if event.is_recurring else None
    return occurrences(event, now, before, limit=limit)


def event_page_context(request, event: EventPage) -> dict:
    """What the event page shows: the dates to come and, per viewer, "ik kom" or the counts."""
    street = StreetPage.objects.get(pk=event.get_parent().pk)
    access = street_access(request.user, street)
    coming = coming_occurrences(event)
    mine: set[datetime.date] = set()
    if access.is_member:
        mine = set(
            EventAttendance.objects.filter(event=event, user=request.user).values_list(
                "occurrence_date", flat=True
            )
        )
    counts = attendance_counts(event, [o.date for o in coming]) if access.can_manage else {}
    return {
        "street": street,
        "access": access,
        "rule_text": describe(event),
        "dates": [
            {"occurrence": o, "attending": o.date in mine, "count": counts.get(o.date, 0)}
            for o in coming
        ],
    }


@dataclass
class EventData:
    """What the gangmakers' form edits (the Wagtail admin edits the rest, such as the photo)."""

    title: str
    start: datetime.datetime
    end: datetime.datetime | None
    location: str = ""
    description: str = ""
    repeat: str = Repeat.NEVER
    interval: int = 1
    weekdays: str = ""
    repeat_until: datetime.date | None = None
    repeat_count: int | None = None


def _apply(event: EventPage, data: EventData) -> None:
    for field, value in vars(data).items():
        setattr(event, field, value)
    event.draft_title = data.title


def _publish(event: EventPage, by) -> EventPage:
    event.save_revision(user=by, log_action=True).publish(user=by)
    return EventPage.objects.get(pk=event.pk)


@transaction.atomic
def create_event(street: StreetPage, by, data: EventData) -> EventPage:
    """Publish a new event under `street`."""
    event = EventPage(slug=slugify(data.title)[:70] or "activiteit", owner=by)
    _apply(event, data)
    if street.get_children().filter(slug=event.slug).exists():
        # Wagtail fills in a free slug ("liftkoffie-2") when none is given.
        event.slug = ""
    street.add_child(instance=event)
    return _publish(event, by)


@transaction.atomic
def update_event(event: EventPage, by, data: EventData) -> EventPage:
    """Change an event's details and rule; exceptions and "ik kom" answers stay as they are."""
    event = EventPage.objects.select_for_update().get(pk=event.pk)
    _apply(event, data)
    return _publish(event, by)


@transaction.atomic
def set_cancelled(event: EventPage, by, cancelled: bool, note: str = "") -> EventPage:
    """Cancel the whole event (it stays listed, marked "gaat niet door"), or undo that."""
    event = EventPage.objects.select_for_update().get(pk=event.pk)
    event.cancelled = cancelled
    event.cancellation_note = note if cancelled else ""
    return _publish(event, by)


@transaction.atomic
def set_occurrence_cancelled(
    event: EventPage, day: datetime.date, by, cancelled: bool, note: str = ""
) -> EventPage:
    """Cancel one date of a series (shown as "gaat niet door"), or let it go ahead again."""
    event = EventPage.objects.select_for_update().get(pk=event.pk)
    if not event.is_recurring:
        raise EventError(_("Deze activiteit is één keer; zeg dan de hele activiteit af."))
    kept = [exception for exception in event.exceptions.all() if exception.date != day]
    if cancelled:
        if occurrence_on(event, day) is None:
            raise EventError(_("Op die dag is deze activiteit niet."))
        kept.append(EventException(date=day, kind=ExceptionKind.CANCELLED, note=note))
    event.exceptions.set(kept)
    return _publish(event, by)


def _check_can_attend(event: EventPage, day: datetime.date) -> None:
    occurrence = occurrence_on(event, day)
    if occurrence is None:
        raise EventError(_("Op die dag is deze activiteit niet."))
    if occurrence.cancelled:
        raise EventError(_("Deze keer gaat niet door."))
    if occurrence.listed_until < timezone.now():
        raise EventError(_("Deze keer is al voorbij."))


def attend(event: EventPage, day: datetime.date, user) -> EventAttendance:
    """ "Ik kom" for the occurrence on `day`; saying it twice counts once."""
    _check_can_attend(event, day)
    attendance, _created = EventAttendance.objects.get_or_create(
        event=event, occurrence_date=day, user=user
    )
    return attendance


def unattend(event: EventPage, day: datetime.date, user) -> None:
    """Take back an "ik kom"; fine if there was none."""
    EventAttendance.objects.filter(event=event, occurrence_date=day, user=user).delete()


def attendance_counts(event: EventPage, days) -> dict[datetime.date, int]:
    """How many current members of the street come, per date."""
    rows = _current_member_attendances(event).filter(occurrence_date__in=list(days))
    counts: dict[datetime.date, int] = {}
    for day in rows.values_list("occurrence_date", flat=True):
        counts[day] = counts.get(day, 0) + 1
    return counts


def attendee_memberships(event: EventPage, day: datetime.date) -> list[StreetMembership]:
    """Who comes on `day`, as their membership of the street (first name and house number).

    People who have left the street since they said "ik kom" are not on the list.
    """
    user_ids = _current_member_attendances(event).filter(occurrence_date=day).values("user_id")
    return list(
        StreetMembership.objects.filter(
            street_id=event.get_parent().pk,
            status=MembershipStatus.APPROVED,
            user_id__in=user_ids,
        )
        .select_related("user")
        .order_by("house_number", "user__first_name")
    )


def _current_member_attendances(event: EventPage):
    return EventAttendance.objects.filter(
        event=event,
        user__memberships__street_id=event.get_parent().pk,
        user__memberships__status=MembershipStatus.APPROVED,
    )
