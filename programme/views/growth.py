"""The coordinator's growth view, its CSV and XLSX exports, and the quiet streets' follow-up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from programme import exports
from programme.forms import FollowUpForm
from programme.models import StreetFollowUp
from programme.services import (
    QUIET_WEEKS,
    follow_ups_of,
    growth_figures,
    log_follow_up,
    quiet_streets,
    street_gangmakers,
)
from streets.models import StreetPage

from .access import coordinated_municipality

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@never_cache
@login_required
def growth(request, home_id):
    home = coordinated_municipality(request, home_id)
    figures = growth_figures(home)
    quiet = quiet_streets(home)
    by_wijk: dict[str, list] = {}
    for row in quiet:
        by_wijk.setdefault(row.wijk, []).append(row)
    context = {
        "home": home,
        "figures": figures,
        "chart": _chart(figures),
        "quiet_by_wijk": by_wijk,
        "quiet_count": len(quiet),
        "quiet_weeks": QUIET_WEEKS,
    }
    return render(request, "programme/growth.html", context)


def _chart(figures) -> str:
    """Active streets per month as an inline SVG bar chart: no JavaScript, no inline style."""
    width, height, top, bottom = 640, 200, 20, 30
    step = width / max(len(figures.months), 1)
    bars = []
    for i, (month, count) in enumerate(zip(figures.months, figures.total_per_month, strict=True)):
        bar = (height - top - bottom) * count / figures.peak
        x = i * step + step * 0.15
        y = height - bottom - bar
        bars.append(
            format_html(
                '<rect x="{}" y="{}" width="{}" height="{}" class="chart-bar"></rect>'
                '<text x="{}" y="{}" text-anchor="middle" class="chart-value">{}</text>'
                '<text x="{}" y="{}" text-anchor="middle" class="chart-label">{}</text>',
                f"{x:.1f}",
                f"{y:.1f}",
                f"{step * 0.7:.1f}",
                f"{bar:.1f}",
                f"{x + step * 0.35:.1f}",
                f"{y - 4:.1f}",
                count,
                f"{x + step * 0.35:.1f}",
                f"{height - 10:.1f}",
                date_format(month, "M"),
            )
        )
    return format_html(
        '<svg viewBox="0 0 {} {}" class="chart" role="img" aria-labelledby="chart-title" '
        'focusable="false">{}</svg>',
        width,
        height,
        format_html_join("", "{}", ((b,) for b in bars)),
    )


def _download(content, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


def _sections(home):
    quiet = quiet_streets(home)
    follow_ups = (
        StreetFollowUp.objects.filter(street__path__startswith=home.path)
        .select_related("street", "called_by")
        .order_by("-called_on", "-pk")
    )
    return exports.sections(growth_figures(home), quiet, follow_ups)


@never_cache
@login_required
def growth_csv(request, home_id):
    home = coordinated_municipality(request, home_id)
    content = exports.growth_csv(_sections(home))
    return _download(content, "text/csv; charset=utf-8", f"groei-{home.slug}.csv")


@never_cache
@login_required
def growth_xlsx(request, home_id):
    home = coordinated_municipality(request, home_id)
    content = exports.growth_xlsx(_sections(home))
    return _download(content, XLSX, f"groei-{home.slug}.xlsx")


@never_cache
@login_required
def quiet_street(request, home_id, street_id):
    """One street's follow-up: its history, and a form to log a call (coordinator only)."""
    home = coordinated_municipality(request, home_id)
    street = get_object_or_404(StreetPage.objects.live().descendant_of(home), pk=street_id)
    gangmakers = list(street_gangmakers(street))
    form = FollowUpForm(request.POST or None, gangmakers=gangmakers)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        log_follow_up(
            street,
            request.user,
            called_on=data["called_on"],
            outcome=data["outcome"],
            gangmaker=data["gangmaker_user"],
            contact_name=data["contact_name"],
            note=data["note"],
        )
        messages.success(
            request, _("Het gesprek over %(street)s is vastgelegd.") % {"street": street.title}
        )
        return redirect("programme:quiet_street", home.pk, street.pk)
    context = {
        "home": home,
        "street": street,
        "form": form,
        "gangmakers": gangmakers,
        "follow_ups": follow_ups_of(street),
        "quiet_weeks": QUIET_WEEKS,
    }
    return render(request, "programme/quiet_street.html", context)
