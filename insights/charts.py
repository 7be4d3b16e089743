"""Bar charts as inline SVG, drawn on the server: no JavaScript, no chart library, no CDN.

The chart draws only values that already passed suppression; a "< 5" month gets a marked
stub with the text "< 5", never a bar of its true height.
"""

from decimal import Decimal

from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

from .figures.base import Trend
from .suppression import is_suppressed

WIDTH = 640
HEIGHT = 220
MARGIN_TOP = 24
MARGIN_BOTTOM = 36
MARGIN_LEFT = 8


def _number(value) -> str:
    if isinstance(value, float | Decimal):
        return number_format(value, decimal_pos=1)
    return number_format(value)


def _f(coordinate: float) -> str:
    # format_html escapes its arguments to strings, so coordinates are formatted first.
    return f"{coordinate:.1f}"


def bar_chart(trend: Trend, title_id: str) -> SafeString:
    """One bar per month; the chart's text alternative is the table printed next to it."""
    points = trend.points
    if not points:
        return SafeString("")
    numbers = [v for _, v in points if v is not None and not is_suppressed(v)]
    top = max([float(v) for v in numbers] + [5.0])
    slot = (WIDTH - MARGIN_LEFT) / len(points)
    bar_width = max(slot * 0.7, 2)
    plot_height = HEIGHT - MARGIN_TOP - MARGIN_BOTTOM
    baseline = HEIGHT - MARGIN_BOTTOM
    parts = []
    for index, (month, value) in enumerate(points):
        x = MARGIN_LEFT + index * slot + (slot - bar_width) / 2
        centre = x + bar_width / 2
        if value is None or is_suppressed(value):
            # A stub with a dashed outline: "there is something, fewer than five".
            parts.append(
                format_html(
                    '<rect class="chart__stub" x="{}" y="{}" width="{}" height="6"/>'
                    '<text class="chart__value chart__value--suppressed" x="{}" y="{}">&lt; 5</text>',
                    _f(x),
                    _f(baseline - 6),
                    _f(bar_width),
                    _f(centre),
                    _f(baseline - 10),
                )
            )
        else:
            height = float(value) / top * plot_height
            parts.append(
                format_html(
                    '<rect class="chart__bar" x="{}" y="{}" width="{}" height="{}"/>'
                    '<text class="chart__value" x="{}" y="{}">{}</text>',
                    _f(x),
                    _f(baseline - height),
                    _f(bar_width),
                    _f(height),
                    _f(centre),
                    _f(baseline - height - 4),
                    _number(value),
                )
            )
        parts.append(
            format_html(
                '<text class="chart__label" x="{}" y="{}">{}</text>',
                _f(centre),
                _f(baseline + 18),
                date_format(month, "M"),
            )
        )
    return format_html(
        '<svg class="chart" viewBox="0 0 {} {}" role="img" aria-labelledby="{}" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<line class="chart__axis" x1="{}" y1="{}" x2="{}" y2="{}"/>{}</svg>',
        WIDTH,
        HEIGHT,
        title_id,
        MARGIN_LEFT,
        baseline,
        WIDTH,
        baseline,
        format_html_join("", "{}", ((p,) for p in parts)),
    )
