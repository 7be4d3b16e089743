"""Quiet streets and the coordinator's follow-up log.

A live street is *quiet* when, for QUIET_WEEKS weeks, nothing of these happened: a post on
its board, an attention or expense in its pot (with money or without), an event of the
street published, starting or still repeating, a new member approved, a gangmaker logging
in. A street started less than QUIET_WEEKS weeks ago is not quiet yet. The coordinator calls
and logs it; a call with the outcome "ok" in the same period takes the street off the list,
any other outcome keeps it there. Activity takes it off by itself.

One query finds the quiet streets of a municipality (Exists per kind of activity, with the
last date of each for "stil sinds"); one more reads their follow-ups.
"""

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Exists, F, OuterRef, Q, Subquery
from django.utils import timezone

from matching.models import HelpPost
from pot.models import Expense
from programme.choices import FollowUpOutcome
from programme.models import StreetFollowUp
from streets.choices import MemberRole, MembershipStatus
from streets.events.choices import Repeat
from streets.events.models import EventPage
from streets.models import NeighbourhoodPage, StreetMembership, StreetPage

QUIET_WEEKS = 8


@dataclass
class QuietStreet:
    street: StreetPage
    wijk: str
    last_activity: datetime.date | None
    gangmakers: list[str]
    follow_ups: list[StreetFollowUp] = field(default_factory=list)

    @property
    def last_follow_up(self) -> StreetFollowUp | None:
        return self.follow_ups[0] if self.follow_ups else None


def quiet_since(now=None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(weeks=QUIET_WEEKS)


def _activity(since: datetime.datetime):
    """Per kind of activity: (a filter on the street's rows in the period, the last date)."""
    street = OuterRef("pk")
    since_date = timezone.localtime(since).date()
    posts = HelpPost.objects.filter(street=street)
    expenses = Expense.objects.filter(pot__street=street)
    events = EventPage.objects.live().filter(path__startswith=OuterRef("path"), cancelled=False)
    members = StreetMembership.objects.filter(street=street, status=MembershipStatus.APPROVED)
    gangmakers = StreetMembership.objects.filter(
        street=street, role=MemberRole.GANGMAKER, status=MembershipStatus.APPROVED
    )
    return {
        "posts": (posts.filter(created_at__gte=since), posts, "created_at"),
        "expenses": (expenses.filter(recorded_at__gte=since), expenses, "recorded_at"),
        "events": (
            events.filter(
                Q(last_published_at__gte=since)
                | Q(start__gte=since)
                | (
                    ~Q(repeat=Repeat.NEVER)
                    & (Q(repeat_until__isnull=True) | Q(repeat_until__gte=since_date))
                )
            ),
            events,
            "last_published_at",
        ),
        "members": (members.filter(decided_at__gte=since), members, "decided_at"),
        "logins": (
            gangmakers.filter(user__last_login__gte=since),
            gangmakers,
            "user__last_login",
        ),
    }


def quiet_streets(municipality, now=None) -> list[QuietStreet]:
    """The quiet streets of the municipality, by wijk and title, with their follow-ups."""
    now = now or timezone.now()
    since = quiet_since(now)
    activity = _activity(since)
    recent_ok = StreetFollowUp.objects.filter(
        street=OuterRef("pk"),
        outcome=FollowUpOutcome.OK,
        called_on__gte=timezone.localtime(since).date(),
    )
    quiet = Q(first_published_at__lt=since) & ~Q(ok=True)
    annotations = {"ok": Exists(recent_ok)}
    for name, (recent, every, column) in activity.items():
        annotations[f"active_{name}"] = Exists(recent)
        annotations[f"last_{name}"] = Subquery(
            every.order_by(F(column).desc(nulls_last=True)).values(column)[:1]
        )
        quiet &= ~Q(**{f"active_{name}": True})
    streets = list(
        StreetPage.objects.live()
        .descendant_of(municipality)
        .annotate(**annotations)
        .filter(quiet)
        .order_by("path")
    )
    if not streets:
        return []
    wijken = dict(NeighbourhoodPage.objects.child_of(municipality).values_list("path", "title"))
    names: dict[int, list[str]] = {}
    for street_id, first, last in (
        StreetMembership.objects.filter(
            street__in=streets, role=MemberRole.GANGMAKER, status=MembershipStatus.APPROVED
        )
        .order_by("user__first_name", "pk")
        .values_list("street_id", "user__first_name", "user__last_name")
    ):
        names.setdefault(street_id, []).append(f"{first} {last}".strip())
    follow_ups: dict[int, list[StreetFollowUp]] = {}
    for follow_up in StreetFollowUp.objects.filter(street__in=streets).select_related("called_by"):
        follow_ups.setdefault(follow_up.street_id, []).append(follow_up)
    rows = []
    for street in streets:
        dates = [getattr(street, f"last_{name}") for name in activity]
        dates = [timezone.localtime(d).date() for d in dates if d is not None]
        rows.append(
            QuietStreet(
                street=street,
                wijk=wijken.get(street.path[: -StreetPage.steplen], ""),
                last_activity=max(dates, default=None),
                gangmakers=names.get(street.pk, []),
                follow_ups=follow_ups.get(street.pk, []),
            )
        )
    rows.sort(key=lambda row: (row.wijk, row.street.title))
    return rows


def follow_ups_of(street: StreetPage):
    return StreetFollowUp.objects.filter(street=street).select_related("called_by", "gangmaker")


def street_gangmakers(street: StreetPage):
    """The street's approved gangmakers, for "wie werd gebeld"."""
    return (
        StreetMembership.objects.filter(
            street=street, role=MemberRole.GANGMAKER, status=MembershipStatus.APPROVED
        )
        .select_related("user")
        .order_by("user__first_name", "pk")
    )


@transaction.atomic
def log_follow_up(
    street: StreetPage,
    by,
    *,
    called_on: datetime.date,
    outcome: str,
    gangmaker=None,
    contact_name: str = "",
    note: str = "",
) -> StreetFollowUp:
    """Record a call about a quiet street. `gangmaker` (a user) must be one of the street's
    gangmakers; otherwise `contact_name` says who was spoken to."""
    if gangmaker is not None:
        if not street_gangmakers(street).filter(user=gangmaker).exists():
            raise ValueError("not a gangmaker of this street")
        contact_name = gangmaker.get_full_name() or gangmaker.first_name
    return StreetFollowUp.objects.create(
        street=street,
        called_by=by,
        gangmaker=gangmaker,
        contact_name=contact_name.strip()[:120],
        called_on=called_on,
        outcome=outcome,
        note=note.strip(),
    )
