"""What a dashboard page shows, computed at most once per few minutes per scope and period.

At the scale of Rotterdam (2,000 streets, 60,000 members) the aggregate queries alone cost
about a second of CPU on SQLite: counting distinct people reads every membership, post and
expense in scope. Figures for welzijn staff and coordinators need not be to the second, so
the page, its CSV and JSON share one result for CACHE_SECONDS and say when it was computed.
The cache holds only suppressed figures and street names, never personal data.
"""

import datetime
from dataclasses import dataclass

from django.core.cache import cache
from wagtail.models import Page

from ..choices import ScopeKind
from . import build_context, build_dashboard
from .base import Dashboard
from .coordination import GangmakerWatch, QuietStreet, gangmaker_watch, quiet_streets

CACHE_SECONDS = 5 * 60
# What the hourly `warm_dashboards` job computes lasts until its next run and a little more,
# so the default period of every municipality and wijk is never computed during a request.
WARM_SECONDS = 65 * 60


@dataclass(frozen=True)
class Overview:
    dashboard: Dashboard
    computed_at: datetime.datetime
    # Only for a municipality, the coordinator's view; None elsewhere.
    quiet_streets: list[QuietStreet] | None = None
    gangmaker_watch: list[GangmakerWatch] | None = None


def _compute(kind: str, page: Page, start: datetime.date, end: datetime.date) -> Overview:
    context = build_context(kind, page, start, end)
    dashboard = build_dashboard(kind, page, start, end, context=context)
    if kind != ScopeKind.MUNICIPALITY:
        return Overview(dashboard, context.now)
    return Overview(dashboard, context.now, quiet_streets(context), gangmaker_watch(context))


def cache_key(kind: str, page: Page, start: datetime.date, end: datetime.date) -> str:
    return f"insights:overview:{kind}:{page.pk}:{start.isoformat()}:{end.isoformat()}"


def overview(kind: str, page: Page, start: datetime.date, end: datetime.date) -> Overview:
    """The figures of `page` over [start, end], from the cache if computed recently."""
    key = cache_key(kind, page, start, end)
    found = cache.get(key)
    if found is None:
        found = _compute(kind, page, start, end)
        cache.set(key, found, CACHE_SECONDS)
    return found


def refresh(kind: str, page: Page, start: datetime.date, end: datetime.date) -> Overview:
    """Compute the figures now and keep them until the next warming run (`warm_dashboards`)."""
    found = _compute(kind, page, start, end)
    cache.set(cache_key(kind, page, start, end), found, WARM_SECONDS)
    return found
