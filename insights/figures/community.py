"""Figures every street has from day one: its members, its events and its care signals."""

from django.db.models import Count, Q
from django.db.models.functions import Substr
from django.utils.translation import gettext_lazy as _

from streets.choices import MembershipStatus
from streets.models import EventPage, StreetMembership

from ..models import CareSignal
from .base import Context, Metric, Raw, SourceResult, count, per_month

MEMBERS = Metric("bewoners", _("Bewoners die meedoen"))
NEW_MEMBERS = Metric("nieuwe_bewoners", _("Nieuwe bewoners in de periode"))
EVENTS = Metric("activiteiten", _("Activiteiten in de periode"))
CARE_SIGNALS = Metric("zorgsignalen", _("Zorgsignalen van gangmakers"))
METRICS = [MEMBERS, NEW_MEMBERS, EVENTS, CARE_SIGNALS]


def collect(context: Context) -> SourceResult:
    """Members now and new in the period, events held, care signals raised (counts only)."""
    result = SourceResult(metrics=METRICS)
    _members(context, result)
    _events(context, result)
    _care_signals(context, result)
    return result


def _members(context: Context, result: SourceResult) -> None:
    approved = StreetMembership.objects.filter(
        street_id__in=context.street_ids,
        status=MembershipStatus.APPROVED,
        created_at__lt=context.end_before,
    )
    is_new = Q(created_at__gte=context.start_at)
    aggregates = {
        "members": Count("user", distinct=True),
        "new": Count("user", filter=is_new, distinct=True),
    }
    for row in approved.values("street_id").annotate(**aggregates).order_by():
        result.per_street.setdefault(row["street_id"], {}).update(
            {MEMBERS.key: count(row["members"]), NEW_MEMBERS.key: count(row["new"])}
        )
    totals = approved.aggregate(**aggregates)
    result.totals.update(
        {MEMBERS.key: count(totals["members"]), NEW_MEMBERS.key: count(totals["new"])}
    )
    by_month = per_month(
        context, approved.filter(is_new), "created_at", {"n": Count("user", distinct=True)}
    )
    result.trends.append((NEW_MEMBERS, {month: count(row["n"]) for month, row in by_month}))


def _events(context: Context, result: SourceResult) -> None:
    if not context.streets:
        return
    events = (
        EventPage.objects.live()
        .filter(start__gte=context.start_at, start__lt=context.end_before)
        .annotate(street_path=Substr("path", 1, context.street_path_length))
        .filter(street_path__in=context.street_paths)
    )
    street_by_path = context.street_by_path
    total = 0
    for row in events.values("street_path").annotate(n=Count("pk")).order_by():
        # Events are counted, not people; fewer than five is still shown as "< 5".
        result.per_street.setdefault(street_by_path[row["street_path"]], {})[EVENTS.key] = count(
            row["n"]
        )
        total += row["n"]
    result.totals[EVENTS.key] = count(total)
    by_month = per_month(context, events, "start", {"n": Count("pk")})
    result.trends.append((EVENTS, {month: count(row["n"]) for month, row in by_month}))


def _care_signals(context: Context, result: SourceResult) -> None:
    signals = CareSignal.objects.filter(
        street_id__in=context.street_ids,
        created_at__gte=context.start_at,
        created_at__lt=context.end_before,
    )
    # A neighbour who is not a member has no account: each such signal counts as one person.
    aggregates = {
        "n": Count("pk"),
        "people": Count("neighbour", distinct=True) + Count("pk", filter=Q(neighbour__isnull=True)),
    }
    for row in signals.values("street_id").annotate(**aggregates).order_by():
        result.per_street.setdefault(row["street_id"], {})[CARE_SIGNALS.key] = Raw(
            row["n"], row["people"]
        )
    totals = signals.aggregate(**aggregates)
    result.totals[CARE_SIGNALS.key] = Raw(totals["n"], totals["people"])
