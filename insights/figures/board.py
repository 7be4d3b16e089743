"""Figures from the help board: open requests and those still without a helper, who offers help.

"Without a helper" means no live match: no match that a helper has accepted, or that the
neighbour then confirmed. A proposal nobody answered is not a helper, nor is one that was
declined, cancelled or expired. Requests on the board for more than 14 days without one are
the ones the street did not pick up. One query fetches all open
requests in scope with that flag, so the counts per street and per category come from the
same rows.
"""

from collections import defaultdict

from django.db.models import Count, Exists, Max, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.choices import Category
from matching.models import (
    ACTIVE_STATUSES,
    HelpOffer,
    HelpPost,
    HelpRequest,
    Match,
    PostKind,
    PostStatus,
)

from .base import Context, Metric, Raw, SourceResult, count, per_month

OPEN_REQUESTS = Metric("open_hulpvragen", _("Hulpvragen nu open op het prikbord"))
UNMATCHED = Metric("open_zonder_helper", _("Open hulpvragen nog zonder helper"))
LONG_UNMATCHED = Metric("zonder_helper_na_14_dagen", _("Hulpvragen na 14 dagen nog zonder helper"))
HELPERS = Metric("actieve_helpers", _("Buren met hulpaanbod op het prikbord"))
NEW_REQUESTS = Metric("nieuwe_hulpvragen", _("Nieuwe hulpvragen in de periode"))
NEW_OFFERS = Metric("nieuw_hulpaanbod", _("Nieuw hulpaanbod in de periode"))
UNMATCHED_BY_CATEGORY = Metric(
    "open_zonder_helper_per_soort", _("Open hulpvragen zonder helper, per soort hulp")
)
METRICS = [OPEN_REQUESTS, UNMATCHED, LONG_UNMATCHED, HELPERS, NEW_REQUESTS, NEW_OFFERS]

LONG_OPEN_DAYS = 14


class _Open:
    """Open requests of one street, category or the whole scope, and who asked them."""

    def __init__(self):
        self.authors: set[int] = set()
        self.unmatched_authors: set[int] = set()
        self.long_authors: set[int] = set()
        self.n = self.unmatched = self.long = 0

    def add(self, author_id: int, days: float, has_helper: bool) -> None:
        self.n += 1
        self.authors.add(author_id)
        if has_helper:
            return
        self.unmatched += 1
        self.unmatched_authors.add(author_id)
        if days > LONG_OPEN_DAYS:
            self.long += 1
            self.long_authors.add(author_id)

    def figures(self) -> dict[str, Raw]:
        return {
            OPEN_REQUESTS.key: Raw(self.n, len(self.authors)),
            UNMATCHED.key: Raw(self.unmatched, len(self.unmatched_authors)),
            LONG_UNMATCHED.key: Raw(self.long, len(self.long_authors)),
        }


def collect(context: Context) -> SourceResult:
    result = SourceResult(metrics=METRICS)
    _open_requests(context, result)
    _helpers(context, result)
    _new_posts(context, result)
    return result


def _open_requests(context: Context, result: SourceResult) -> None:
    now = timezone.now()
    per_street: dict[int, _Open] = defaultdict(_Open)
    per_category: dict[str, _Open] = defaultdict(_Open)
    total = _Open()
    has_helper = Exists(Match.objects.filter(request=OuterRef("pk"), status__in=ACTIVE_STATUSES))
    rows = (
        HelpRequest.objects.filter(street_id__in=context.street_ids, status=PostStatus.OPEN)
        .annotate(has_helper=has_helper)
        .values_list("street_id", "author_id", "category", "opened_at", "has_helper")
    )
    for street_id, author_id, category, opened_at, helped in rows:
        days = (now - opened_at).total_seconds() / 86400
        for bucket in (per_street[street_id], per_category[category], total):
            bucket.add(author_id, days, helped)
    for street_id, bucket in per_street.items():
        result.per_street.setdefault(street_id, {}).update(bucket.figures())
    result.totals.update(total.figures())
    result.breakdowns.append(
        (
            UNMATCHED_BY_CATEGORY,
            [
                (label, Raw(bucket.unmatched, len(bucket.unmatched_authors)))
                for value, label in Category.choices
                if (bucket := per_category.get(value)) and bucket.unmatched
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
    for month, row in per_month(context, posts, "created_at", aggregates, by=("kind",)):
        trends[row["kind"]][month] = Raw(row["n"], row["people"])
    result.trends += [(metric_of[kind], trends[kind]) for kind in trends]


def activity(context: Context):
    """(street_id, moment) of the latest post on each street's board, for quiet streets."""
    for row in (
        HelpPost.objects.filter(street_id__in=context.street_ids)
        .values("street_id")
        .annotate(last=Max("created_at"))
        .order_by()
    ):
        yield row["street_id"], row["last"]
