"""Figures from the help board: open requests by category, how long they wait, active helpers.

Until matches are recorded, "waiting" is measured for requests still open on the board: the
days since they were put on it. Requests open for more than 14 days are the ones nobody has
picked up. One query fetches all open requests in scope; the percentiles are computed here,
because SQLite has no percentile aggregate.
"""

import statistics
from collections import defaultdict

from django.db.models import Count, Max, Q
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.choices import Category
from matching.models import HelpOffer, HelpPost, HelpRequest, PostKind, PostStatus

from .base import Context, Metric, Raw, SourceResult, count

OPEN_REQUESTS = Metric("open_hulpvragen", _("Hulpvragen nu open op het prikbord"))
LONG_OPEN = Metric("hulpvragen_langer_dan_14_dagen_open", _("Hulpvragen langer dan 14 dagen open"))
WAIT_MEDIAN = Metric("wachttijd_mediaan", _("Wachttijd van open hulpvragen (mediaan)"), "dagen")
WAIT_P90 = Metric("wachttijd_p90", _("Wachttijd van open hulpvragen (90e percentiel)"), "dagen")
HELPERS = Metric("actieve_helpers", _("Buren met hulpaanbod op het prikbord"))
NEW_REQUESTS = Metric("nieuwe_hulpvragen", _("Nieuwe hulpvragen in de periode"))
NEW_OFFERS = Metric("nieuw_hulpaanbod", _("Nieuw hulpaanbod in de periode"))
OPEN_BY_CATEGORY = Metric("open_hulpvragen_per_soort", _("Open hulpvragen per soort hulp"))

LONG_OPEN_DAYS = 14


def _waits(days: list[float]) -> tuple[float | None, float | None]:
    """Median and 90th percentile in days (linear interpolation), one decimal."""
    if len(days) < 2:
        return (round(days[0], 1), round(days[0], 1)) if days else (None, None)
    p90 = statistics.quantiles(days, n=10, method="inclusive")[8]
    return round(statistics.median(days), 1), round(p90, 1)


class _Open:
    """Open requests of one street (or of the whole scope): who asked, how long ago."""

    def __init__(self):
        self.authors: set[int] = set()
        self.long_authors: set[int] = set()
        self.n = 0
        self.long = 0
        self.days: list[float] = []

    def add(self, author_id: int, days: float) -> None:
        self.n += 1
        self.authors.add(author_id)
        self.days.append(days)
        if days > LONG_OPEN_DAYS:
            self.long += 1
            self.long_authors.add(author_id)

    def figures(self) -> dict[str, Raw]:
        median, p90 = _waits(self.days)
        people = len(self.authors)
        return {
            OPEN_REQUESTS.key: Raw(self.n, people),
            LONG_OPEN.key: Raw(self.long, len(self.long_authors)),
            WAIT_MEDIAN.key: Raw(median, people),
            WAIT_P90.key: Raw(p90, people),
        }


def collect(context: Context) -> SourceResult:
    result = SourceResult(
        metrics=[
            OPEN_REQUESTS,
            LONG_OPEN,
            WAIT_MEDIAN,
            WAIT_P90,
            HELPERS,
            NEW_REQUESTS,
            NEW_OFFERS,
        ],
        notes=[
            _(
                "Wachttijd en “langer dan 14 dagen open” gaan over hulpvragen die nu op het "
                "prikbord staan. Hoe snel vragen gekoppeld worden, komt erbij zodra koppelingen "
                "worden vastgelegd."
            )
        ],
    )
    _open_requests(context, result)
    _helpers(context, result)
    _new_posts(context, result)
    return result


def _open_requests(context: Context, result: SourceResult) -> None:
    now = timezone.now()
    per_street: dict[int, _Open] = defaultdict(_Open)
    per_category: dict[str, _Open] = defaultdict(_Open)
    total = _Open()
    rows = HelpRequest.objects.filter(
        street_id__in=context.street_ids, status=PostStatus.OPEN
    ).values_list("street_id", "author_id", "category", "opened_at")
    for street_id, author_id, category, opened_at in rows:
        days = (now - opened_at).total_seconds() / 86400
        for bucket in (per_street[street_id], per_category[category], total):
            bucket.add(author_id, days)
    for street_id, bucket in per_street.items():
        result.per_street.setdefault(street_id, {}).update(bucket.figures())
    result.totals.update(total.figures())
    result.breakdowns.append(
        (
            OPEN_BY_CATEGORY,
            [
                (label, Raw(per_category[value].n, len(per_category[value].authors)))
                for value, label in Category.choices
                if value in per_category
            ],
        )
    )


def _helpers(context: Context, result: SourceResult) -> None:
    offers = HelpOffer.objects.filter(street_id__in=context.street_ids, status=PostStatus.OPEN)
    for row in offers.values("street_id").annotate(n=Count("author", distinct=True)).order_by():
        result.per_street.setdefault(row["street_id"], {})[HELPERS.key] = count(row["n"])
    result.totals[HELPERS.key] = count(offers.aggregate(n=Count("author", distinct=True))["n"])


def _new_posts(context: Context, result: SourceResult) -> None:
    posts = HelpPost.objects.filter(
        street_id__in=context.street_ids,
        created_at__gte=context.start_at,
        created_at__lt=context.end_before,
    )
    metric_of = {PostKind.REQUEST: NEW_REQUESTS, PostKind.OFFER: NEW_OFFERS}
    aggregates = {"n": Count("pk"), "people": Count("author", distinct=True)}
    for row in posts.values("street_id", "kind").annotate(**aggregates).order_by():
        result.per_street.setdefault(row["street_id"], {})[metric_of[row["kind"]].key] = Raw(
            row["n"], row["people"]
        )
    totals = posts.aggregate(
        requests=Count("pk", filter=Q(kind=PostKind.REQUEST)),
        requesters=Count("author", filter=Q(kind=PostKind.REQUEST), distinct=True),
        offers=Count("pk", filter=Q(kind=PostKind.OFFER)),
        offerers=Count("author", filter=Q(kind=PostKind.OFFER), distinct=True),
    )
    result.totals[NEW_REQUESTS.key] = Raw(totals["requests"], totals["requesters"])
    result.totals[NEW_OFFERS.key] = Raw(totals["offers"], totals["offerers"])
    trends: dict[str, dict] = {PostKind.REQUEST: {}, PostKind.OFFER: {}}
    by_month = (
        posts.annotate(month=TruncMonth("created_at", tzinfo=timezone.get_current_timezone()))
        .values("month", "kind")
        .annotate(**aggregates)
        .order_by()
    )
    for row in by_month:
        trends[row["kind"]][row["month"].date()] = Raw(row["n"], row["people"])
    result.trends += [
        (NEW_REQUESTS, trends[PostKind.REQUEST]),
        (NEW_OFFERS, trends[PostKind.OFFER]),
    ]


def activity(context: Context):
    """(street_id, moment) of the latest post on each street's board, for quiet streets."""
    for row in (
        HelpPost.objects.filter(street_id__in=context.street_ids)
        .values("street_id")
        .annotate(last=Max("created_at"))
        .order_by()
    ):
        yield row["street_id"], row["last"]
