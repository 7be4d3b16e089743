"""Effect figures (the loneliness scale and the municipality's statements) per street, wijk
and municipality, and the yearly report that puts presence, help, growth and effects together.
"""

import datetime

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from streets.choices import MemberRole, MembershipStatus
from streets.models import StreetMembership

from ..choices import ScopeKind
from ..exports import csv_rows_response
from ..figures import build_dashboard, street_pages
from ..figures.base import Dashboard, Metric
from ..figures.effects import effect_report
from ..permissions import check_figures, scope_page
from ..suppression import suppress

# Which of the dashboard's figures belong to which part of the yearly report.
SECTIONS = (
    (
        gettext_lazy("Aanwezigheid: er zijn voor elkaar"),
        ("attenties", "attenties_zonder_geld", "potje_uitgegeven", "tips", "activiteiten"),
    ),
    (
        gettext_lazy("Hulp: buren helpen buren"),
        ("hulpvragen_met_helper", "buren_met_helper", "nieuw_hulpaanbod", "nieuwe_hulpvragen"),
    ),
    (gettext_lazy("Groei"), ("lief_en_leedstraten", "gangmakers", "bewoners", "nieuwe_bewoners")),
)
STREETS = Metric("lief_en_leedstraten", gettext_lazy("Lief & Leedstraten"))
GANGMAKERS = Metric("gangmakers", gettext_lazy("Gangmakers"))


def report_sections(dashboard: Dashboard, kind: str, page) -> list[tuple[str, list]]:
    """The dashboard's totals grouped as presence, help and growth (with streets and
    gangmakers counted for a wijk or municipality)."""
    values = {metric.key: (metric, value) for metric, value in dashboard.total_rows()}
    if kind != ScopeKind.STREET:
        streets = street_pages(kind, page)
        gangmakers = (
            StreetMembership.objects.filter(
                street__in=streets, role=MemberRole.GANGMAKER, status=MembershipStatus.APPROVED
            )
            .values("user")
            .distinct()
            .count()
        )
        values[STREETS.key] = (STREETS, streets.count())
        values[GANGMAKERS.key] = (GANGMAKERS, suppress(gangmakers, gangmakers))
    return [(title, [values[key] for key in keys if key in values]) for title, keys in SECTIONS]


def year_period(raw: str | None) -> tuple[int, datetime.date, datetime.date]:
    """The requested year (this year for anything that is not a sensible one) as a period."""
    today = timezone.localdate()
    try:
        year = int(raw or today.year)
    except ValueError:
        year = today.year
    if not 2000 <= year <= today.year:
        year = today.year
    return year, datetime.date(year, 1, 1), min(datetime.date(year, 12, 31), today)


@never_cache
@login_required
def effects(request, kind, pk):
    """The effect figures of a scope: baseline and latest year, categories, means, statements."""
    page = scope_page(kind, pk)
    check_figures(request.user, kind, page)
    report = effect_report(kind, page)
    return render(request, "insights/effects.html", {"scope": page, "kind": kind, "report": report})


@never_cache
@login_required
def effects_export(request, kind, pk, fmt):
    page = scope_page(kind, pk)
    check_figures(request.user, kind, page)
    report = effect_report(kind, page)
    if fmt == "csv":
        header = [_("meting"), _("niveau"), _("naam"), _("cijfer"), _("waarde")]
        return csv_rows_response(f"effecten-{kind}-{page.pk}.csv", header, report.csv_rows())
    return JsonResponse(report.as_dict(), json_dumps_params={"ensure_ascii": False})


@never_cache
@login_required
def scope_report(request, kind, pk):
    """The yearly report of a wijk or municipality (or a street, for staff): presence, help,
    growth and effects on two A4 pages."""
    page = scope_page(kind, pk)
    check_figures(request.user, kind, page)
    year, start, end = year_period(request.GET.get("jaar"))
    dashboard = build_dashboard(kind, page, start, end)
    this_year = timezone.localdate().year
    context = {
        "scope": page,
        "kind": kind,
        "year": year,
        "sections": report_sections(dashboard, kind, page),
        "effects": effect_report(kind, page),
        "years": list(range(this_year, max(this_year - 5, 1999), -1)),
        "generated_at": timezone.now(),
    }
    return render(request, "insights/scope_report.html", context)
