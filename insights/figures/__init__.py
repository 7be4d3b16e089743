"""The welzijn dashboard's figures: per scope (municipality, wijk, street) and period.

Every source runs a fixed number of aggregate queries over all streets in scope at once, so
a municipality of 300 streets costs as many queries as one of three.
"""

import datetime

from wagtail.models import Page

from streets.models import NeighbourhoodPage, StreetPage

from ..choices import ScopeKind
from . import board, community, matches, pot
from .base import Context, Dashboard, StreetInfo, assemble
from .coordination import GangmakerWatch, QuietStreet, gangmaker_watch, quiet_streets

# Each app with countable rows contributes a module with METRICS and collect(context) ->
# SourceResult; METRICS lets the API describe every figure without computing one.
SOURCES = [community, board, matches, pot]
METRICS = [metric for source in SOURCES for metric in source.METRICS]

__all__ = [
    "METRICS",
    "Dashboard",
    "GangmakerWatch",
    "QuietStreet",
    "build_context",
    "build_dashboard",
    "gangmaker_watch",
    "quiet_streets",
]


def streets_in_scope(kind: str, page: Page) -> list[StreetInfo]:
    """The live streets of a municipality, a wijk or the street itself, with their wijk (2 queries)."""
    if kind == ScopeKind.STREET:
        streets = StreetPage.objects.filter(pk=page.pk)
        wijken = NeighbourhoodPage.objects.ancestor_of(page)
    else:
        streets = StreetPage.objects.descendant_of(page).live()
        wijken = NeighbourhoodPage.objects.descendant_of(page, inclusive=True)
    wijk_by_path = {w["path"]: w for w in wijken.values("id", "title", "path")}
    result = []
    for street in streets.order_by("title").values("id", "title", "path"):
        wijk = wijk_by_path.get(street["path"][: -StreetPage.steplen], {})
        result.append(
            StreetInfo(
                id=street["id"],
                title=street["title"],
                path=street["path"],
                wijk_id=wijk.get("id"),
                wijk_title=wijk.get("title", ""),
            )
        )
    return result


def build_context(kind: str, page: Page, start: datetime.date, end: datetime.date) -> Context:
    return Context(kind=kind, streets=streets_in_scope(kind, page), start=start, end=end)


def build_dashboard(
    kind: str, page: Page, start: datetime.date, end: datetime.date, context: Context | None = None
) -> Dashboard:
    """All figures for `page` over [start, end], small counts already suppressed."""
    context = context or build_context(kind, page, start, end)
    return assemble(
        context, kind, page.pk, page.title, [source.collect(context) for source in SOURCES]
    )
