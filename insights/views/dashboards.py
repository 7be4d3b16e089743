"""Dashboards for welzijn staff and coordinators, their exports, and a street's yearly report."""

import datetime
from collections import Counter

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from home.models import HomePage
from streets.models import (
    CoordinatorAssignment,
    NeighbourhoodPage,
    StreetPage,
    WelzijnAssignment,
)
from streets.permissions import street_access

from .. import exports
from ..choices import ScopeKind, SignalStatus
from ..figures import build_dashboard
from ..figures.effects import effect_report
from ..figures.overview import overview
from ..forms import PeriodForm
from ..permissions import check_figures, scope_page
from ..services import signals_for_staff
from .effects import report_sections


@never_cache
@login_required
def index(request):
    """Where staff start: their wijken and municipalities, and the care signals waiting."""
    wijken = [
        a.neighbourhood
        for a in WelzijnAssignment.objects.filter(user=request.user).select_related("neighbourhood")
    ]
    if request.user.is_superuser:
        municipalities = list(HomePage.objects.live())
    else:
        municipalities = [
            a.municipality
            for a in CoordinatorAssignment.objects.filter(user=request.user).select_related(
                "municipality"
            )
        ]
    if not wijken and not municipalities:
        raise PermissionDenied(
            _(
                "De signalen zijn voor welzijnsmedewerkers van een wijk en voor coördinatoren "
                "van de gemeente. Uw account heeft geen wijk of gemeente. Hoort u die te "
                "hebben? Vraag het de coördinator van uw gemeente."
            )
        )
    context = {
        "wijken": wijken,
        "municipalities": municipalities,
        "open_signals": signals_for_staff(request.user).exclude(status=SignalStatus.CLOSED).count(),
    }
    return render(request, "insights/index.html", context)


@never_cache
@login_required
def dashboard(request, kind, pk):
    page = scope_page(kind, pk)
    check_figures(request.user, kind, page)
    form = PeriodForm(request.GET)
    start, end = form.period()
    figures = overview(kind, page, start, end)
    return render(
        request,
        "insights/dashboard.html",
        {
            "scope": page,
            "kind": kind,
            "form": form,
            "dashboard": figures.dashboard,
            "computed_at": figures.computed_at,
            "quiet_streets": figures.quiet_streets,
            "gangmaker_watch": figures.gangmaker_watch,
            "period_query": f"van={start.isoformat()}&tot={end.isoformat()}",
            "wijk_rows": _wijk_rows(page, figures.dashboard)
            if kind == ScopeKind.MUNICIPALITY
            else None,
        },
    )


def _wijk_rows(home, dashboard) -> list[dict]:
    """The municipality's table: one row per wijk (its streets in scope and a link to the wijk's
    own dashboard), not one per street. A city has thousands of streets: that table was most
    of a 3.6 MB page. The per-street figures are a click away, in each wijk's dashboard (one
    query: the wijken by title; the streets are already counted in the figures)."""
    streets_per_wijk = Counter(street.wijk for street in dashboard.streets)
    return [
        {"wijk": wijk, "streets": streets_per_wijk[wijk.title]}
        for wijk in NeighbourhoodPage.objects.child_of(home).live().order_by("title")
        if streets_per_wijk[wijk.title]
    ]


@never_cache
@login_required
def export(request, kind, pk, fmt):
    page = scope_page(kind, pk)
    check_figures(request.user, kind, page)
    start, end = PeriodForm(request.GET).period()
    dashboard = overview(kind, page, start, end).dashboard
    if fmt == "csv":
        return exports.csv_response(dashboard)
    return exports.json_response(dashboard)


def _report_year(raw: str | None) -> int:
    """The requested year, or this year for anything that is not a sensible year."""
    this_year = timezone.localdate().year
    try:
        year = int(raw or this_year)
    except ValueError:
        return this_year
    return year if 2000 <= year <= this_year else this_year


@never_cache
@login_required
def yearly_report(request, street_id):
    """A printable year in figures for one street: for its gangmakers to share, and for staff."""
    street = get_object_or_404(StreetPage.objects.live(), pk=street_id)
    access = street_access(request.user, street)
    if not (access.is_gangmaker or access.is_coordinator or access.is_welzijn):
        raise PermissionDenied
    year = _report_year(request.GET.get("jaar"))
    start = datetime.date(year, 1, 1)
    end = min(datetime.date(year, 12, 31), timezone.localdate())
    dashboard = build_dashboard(ScopeKind.STREET, street, start, end)
    this_year = timezone.localdate().year
    return render(
        request,
        "insights/yearly_report.html",
        {
            "street": street,
            "year": year,
            "dashboard": dashboard,
            "sections": report_sections(dashboard, ScopeKind.STREET, street),
            "effects": effect_report(ScopeKind.STREET, street),
            "years": list(range(this_year, max(this_year - 5, 1999), -1)),
            "generated_at": timezone.now(),
        },
    )
