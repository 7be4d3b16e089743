"""Figures from recorded matches: which requests got a helper in the period, and how fast.

A request got a helper at its first match step that means a helper said yes: accepted,
confirmed or done (every match passes accepted, but a gangmaker may have stepped in). The
time to a helper runs from the moment the request went on the board to that step. One query
groups the match steps per request; the median and 90th percentile are computed here,
because SQLite has no percentile aggregate.
"""

import datetime
import statistics
from collections import defaultdict

from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.models import MatchEvent, MatchStatus

from .base import Context, Metric, Raw, SourceResult, count

HELPED = Metric("hulpvragen_met_helper", _("Hulpvragen die een helper kregen"))
HELPED_PEOPLE = Metric("buren_met_helper", _("Buren die een helper kregen"))
TIME_MEDIAN = Metric("tijd_tot_helper_mediaan", _("Tijd tot een helper (mediaan)"), "dagen")
TIME_P90 = Metric("tijd_tot_helper_p90", _("Tijd tot een helper (90e percentiel)"), "dagen")
METRICS = [HELPED, HELPED_PEOPLE, TIME_MEDIAN, TIME_P90]

HELPER_FOUND = (MatchStatus.ACCEPTED, MatchStatus.CONFIRMED, MatchStatus.DONE)


def median_and_p90(days: list[float]) -> tuple[float | None, float | None]:
    """Median and 90th percentile in days (linear interpolation), one decimal."""
    if len(days) < 2:
        return (round(days[0], 1), round(days[0], 1)) if days else (None, None)
    p90 = statistics.quantiles(days, n=10, method="inclusive")[8]
    return round(statistics.median(days), 1), round(p90, 1)


class _Helped:
    """Requests of one street, one month or the whole scope that got a helper."""

    def __init__(self):
        self.authors: set[int] = set()
        self.days: list[float] = []

    def add(self, author_id: int, days: float) -> None:
        self.authors.add(author_id)
        self.days.append(days)

    def raw(self) -> Raw:
        return Raw(len(self.days), len(self.authors))

    def figures(self) -> dict[str, Raw]:
        median, p90 = median_and_p90(self.days)
        people = len(self.authors)
        return {
            HELPED.key: self.raw(),
            HELPED_PEOPLE.key: count(people),
            TIME_MEDIAN.key: Raw(median, people),
            TIME_P90.key: Raw(p90, people),
        }


def first_helpers(context: Context):
    """Per request whose first helper came in the period: (request, street, author, opened, first)."""
    return (
        MatchEvent.objects.filter(
            status__in=HELPER_FOUND,
            match__street_id__in=context.street_ids,
            match__request__opened_at__isnull=False,
        )
        # Street, author and opening depend on the request, so this groups per request.
        .values_list(
            "match__request_id",
            "match__street_id",
            "match__request__author_id",
            "match__request__opened_at",
        )
        .annotate(first=Min("at"))
        .filter(first__gte=context.start_at, first__lt=context.end_before)
        .order_by()
    )


def _month(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date().replace(day=1)


def collect(context: Context) -> SourceResult:
    """Requests that got a helper, the neighbours behind them and the days it took."""
    per_street: dict[int, _Helped] = defaultdict(_Helped)
    per_month: dict[datetime.date, _Helped] = defaultdict(_Helped)
    total = _Helped()
    for _request_id, street_id, author_id, opened_at, first in first_helpers(context):
        # Renewing an expired request puts it on the board anew (a later opened_at), so a
        # helper found before that would count negative days: count it as found at once.
        days = max((first - opened_at).total_seconds() / 86400, 0.0)
        for bucket in (per_street[street_id], per_month[_month(first)], total):
            bucket.add(author_id, days)
    return SourceResult(
        metrics=METRICS,
        totals=total.figures(),
        per_street={street_id: bucket.figures() for street_id, bucket in per_street.items()},
        trends=[(HELPED, {month: bucket.raw() for month, bucket in per_month.items()})],
    )
