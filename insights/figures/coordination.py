"""What coordinators watch so no street falls silent: quiet streets and gangmaker handovers.

These lists name streets, never people: the coordinator follows up on the street's own page.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Count, Max, Q
from django.db.models.functions import Substr

from streets.choices import MemberRole, MembershipStatus
from streets.models import EventPage, StreetMembership

from ..models import CareSignal
from . import board, pot
from .base import Context, StreetInfo

# Other apps' signs of life: functions yielding (street_id, moment) for the streets in scope.
ACTIVITY_SOURCES = [board.activity, pot.activity]

QUIET_AFTER = datetime.timedelta(days=91)
GANGMAKER_AWAY_AFTER = datetime.timedelta(days=91)


@dataclass(frozen=True)
class QuietStreet:
    street: StreetInfo
    last_activity: datetime.datetime | None


@dataclass(frozen=True)
class GangmakerWatch:
    street: StreetInfo
    gangmakers: int
    away: int

    @property
    def single(self) -> bool:
        return self.gangmakers <= 1


def _latest(into: dict[int, datetime.datetime], street_id: int, moment) -> None:
    if moment is not None and (street_id not in into or moment > into[street_id]):
        into[street_id] = moment


def last_activity(context: Context) -> dict[int, datetime.datetime]:
    """Per street, the latest sign of life: a member joining or decided on, an event, a signal."""
    latest: dict[int, datetime.datetime] = {}
    memberships = (
        StreetMembership.objects.filter(street_id__in=context.street_ids)
        .values("street_id")
        .annotate(joined=Max("created_at"), decided=Max("decided_at"))
        .order_by()
    )
    for row in memberships:
        _latest(latest, row["street_id"], row["joined"])
        _latest(latest, row["street_id"], row["decided"])
    if context.streets:
        events = (
            EventPage.objects.live()
            .annotate(street_path=Substr("path", 1, context.street_path_length))
            .filter(street_path__in=context.street_paths, start__lte=context.now)
            .values("street_path")
            .annotate(last=Max("start"))
            .order_by()
        )
        for row in events:
            _latest(latest, context.street_by_path[row["street_path"]], row["last"])
    signals = (
        CareSignal.objects.filter(street_id__in=context.street_ids)
        .values("street_id")
        .annotate(last=Max("created_at"))
        .order_by()
    )
    for row in signals:
        _latest(latest, row["street_id"], row["last"])
    for extra in ACTIVITY_SOURCES:
        for street_id, moment in extra(context):
            _latest(latest, street_id, moment)
    return latest


def quiet_streets(context: Context) -> list[QuietStreet]:
    """Streets with no activity in the last three months, longest quiet first."""
    latest = last_activity(context)
    threshold = context.now - QUIET_AFTER
    quiet = [
        QuietStreet(street, latest.get(street.id))
        for street in context.streets
        if latest.get(street.id) is None or latest[street.id] < threshold
    ]
    return sorted(quiet, key=lambda q: (q.last_activity is not None, q.last_activity or 0))


def gangmaker_watch(context: Context) -> list[GangmakerWatch]:
    """Streets with at most one gangmaker, or a gangmaker who has not logged in for months."""
    # Away: not logged in for three months; never logged in counts once the gangmaker has
    # been one for three months (a newly appointed gangmaker is not flagged on day one).
    since = context.now - GANGMAKER_AWAY_AFTER
    away = Q(user__last_login__lt=since) | Q(user__last_login__isnull=True, created_at__lt=since)
    counts = {
        row["street_id"]: row
        for row in StreetMembership.objects.filter(
            street_id__in=context.street_ids,
            role=MemberRole.GANGMAKER,
            status=MembershipStatus.APPROVED,
        )
        .values("street_id")
        .annotate(n=Count("pk"), away=Count("pk", filter=away))
        .order_by()
    }
    watch = []
    for street in context.streets:
        row = counts.get(street.id, {"n": 0, "away": 0})
        if row["n"] <= 1 or row["away"]:
            watch.append(GangmakerWatch(street, row["n"], row["away"]))
    return watch
