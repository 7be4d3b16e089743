"""The coordinator's growth view and its CSV export."""

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from programme.services import growth_figures

from .access import coordinated_municipality


@never_cache
@login_required
def growth(request, home_id):
    home = coordinated_municipality(request, home_id)
    figures = growth_figures(home)
    return render(
        request,
        "programme/growth.html",
        {"home": home, "figures": figures, "chart": _chart(figures)},
    )


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


def _safe(value) -> str:
    """No spreadsheet formula from a wijk's name (CSV injection)."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@never_cache
@login_required
def growth_csv(request, home_id):
    home = coordinated_municipality(request, home_id)
    figures = growth_figures(home)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="groei.csv"'
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    months = [date_format(m, "M Y") for m in figures.months]
    writer.writerow([_("Actieve straten per maand"), *months])
    for row in figures.wijken:
        writer.writerow([_safe(row.wijk), *row.per_month])
    writer.writerow([_("Totaal"), *figures.total_per_month])
    writer.writerow([])
    writer.writerow([_("Wijk"), _("Straten"), _("Met twee gangmakers"), _("Zonder gangmaker")])
    for row in figures.wijken:
        writer.writerow([_safe(row.wijk), row.streets, row.two_gangmakers, row.no_gangmaker])
    writer.writerow([])
    writer.writerow([_("Stand"), _("Aanmeldingen"), _("Gemiddeld aantal dagen in deze stand")])
    for state in figures.states:
        average = "" if state.average_days is None else str(state.average_days).replace(".", ",")
        writer.writerow([state.label, state.count, average])
    return response
