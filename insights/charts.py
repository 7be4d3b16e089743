"""Bar charts as inline SVG, drawn on the server: no JavaScript, no chart library, no CDN.

The chart draws only values that already passed suppression; a "< 5" month gets a marked
stub with the text "< 5", never a bar of its true height.

Each chart is drawn twice: months side by side for a wide screen, and one month per row for
a phone (the stylesheet shows one of them). Twelve months side by side do not fit 390 px with
readable labels, and a chart that scrolls sideways showed only the oldest months (the ones
without data) until one scrolled.
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
# The phone chart: one row per month, drawn at about the size it is shown (340 px wide).
NARROW_WIDTH = 340
ROW_HEIGHT = 26
LABEL_WIDTH = 72
VALUE_WIDTH = 56


def _number(value) -> str:
    if isinstance(value, float | Decimal):
        return number_format(value, decimal_pos=1)
    return number_format(value)


def _f(coordinate: float) -> str:
    # format_html escapes its arguments to strings, so coordinates are formatted first.
    return f"{coordinate:.1f}"


def bar_chart(trend: Trend, title_id: str) -> SafeString:
    """One bar per month, for wide screens and for phones; the chart's text alternative is the
    table printed next to it."""
    if not trend.points:
        return SafeString("")
    return format_html("{}{}", _columns(trend, title_id), _rows(trend, title_id))


def _rows(trend: Trend, title_id: str) -> SafeString:
    """The phone chart: a row per month, label on the left, the bar and its value after it."""
    points = trend.points
    numbers = [v for _, v in points if v is not None and not is_suppressed(v)]
    top = max([float(v) for v in numbers] + [5.0])
    bar_room = NARROW_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = ROW_HEIGHT * len(points) + 8
    parts = []
    for index, (month, value) in enumerate(points):
        y = 4 + index * ROW_HEIGHT
        middle = y + ROW_HEIGHT / 2 + 4
        parts.append(
            format_html(
                '<text class="chart__label chart__label--row" x="{}" y="{}">{}</text>',
                _f(LABEL_WIDTH - 8),
                _f(middle),
                date_format(month, "M Y"),
            )
        )
        if value is None or is_suppressed(value):
            parts.append(
                format_html(
                    '<rect class="chart__stub" x="{}" y="{}" width="6" height="{}"/>'
                    '<text class="chart__value chart__value--row chart__value--suppressed" '
                    'x="{}" y="{}">&lt; 5</text>',
                    _f(LABEL_WIDTH),
                    _f(y + 5),
                    _f(ROW_HEIGHT - 10),
                    _f(LABEL_WIDTH + 12),
                    _f(middle),
                )
            )
        else:
            length = float(value) / top * bar_room
            parts.append(
                format_html(
                    '<rect class="chart__bar" x="{}" y="{}" width="{}" height="{}"/>'
                    '<text class="chart__value chart__value--row" x="{}" y="{}">{}</text>',
                    _f(LABEL_WIDTH),
                    _f(y + 5),
                    _f(length),
                    _f(ROW_HEIGHT - 10),
                    _f(LABEL_WIDTH + length + 6),
                    _f(middle),
                    _number(value),
                )
            )
    return format_html(
        '<svg class="chart chart--rows" viewBox="0 0 {} {}" role="img" aria-labelledby="{}" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<line class="chart__axis" x1="{}" y1="0" x2="{}" y2="{}"/>{}</svg>',
        NARROW_WIDTH,
        height,
        title_id,
        LABEL_WIDTH,
        LABEL_WIDTH,
        height,
        format_html_join("", "{}", ((p,) for p in parts)),
    )


def _columns(trend: Trend, title_id: str) -> SafeString:
    """The wide chart: months side by side."""
    points = trend.points
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
        '<svg class="chart chart--columns" viewBox="0 0 {} {}" role="img" aria-labelledby="{}" '
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
