"""The welzijn dashboard's figures: per scope (municipality, wijk, street) and period.

Every source runs a fixed number of aggregate queries over all streets in scope at once, so
a municipality of 300 streets costs as many queries as one of three.
"""

import datetime

from django.db.models import QuerySet
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


def street_pages(kind: str, page: Page) -> QuerySet:
    """The live streets of a municipality or a wijk, or the street itself."""
    if kind == ScopeKind.STREET:
        return StreetPage.objects.filter(pk=page.pk)
    return StreetPage.objects.descendant_of(page).live()


def streets_in_scope(kind: str, page: Page) -> list[StreetInfo]:
    """The streets of `street_pages`, by title, with their wijk (2 queries)."""
    streets = street_pages(kind, page)
    if kind == ScopeKind.STREET:
        wijken = NeighbourhoodPage.objects.ancestor_of(page)
    else:
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
    return Context(
        kind=kind,
        streets=streets_in_scope(kind, page),
        street_pages=street_pages(kind, page),
        start=start,
        end=end,
    )


def build_dashboard(
    kind: str, page: Page, start: datetime.date, end: datetime.date, context: Context | None = None
) -> Dashboard:
    """All figures for `page` over [start, end], small counts already suppressed."""
    context = context or build_context(kind, page, start, end)
    return assemble(
        context, kind, page.pk, page.title, [source.collect(context) for source in SOURCES]
    )
