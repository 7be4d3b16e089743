from decimal import Decimal
from html import escape

from django import template
from django.urls import reverse
from django.utils.formats import get_format
from django.utils.numberformat import format as format_number
from django.utils.safestring import SafeString
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..charts import bar_chart
from ..choices import ScopeKind
from ..suppression import is_suppressed

register = template.Library()


class FigureFormat:
    """Shows suppressed figures as the dashboard does: "< 5", a number, an amount or days.

    The locale's separators are looked up once, so one instance formats a whole table.
    """

    def __init__(self):
        language = get_language()
        self.decimal = get_format("DECIMAL_SEPARATOR", language)
        self.grouping = get_format("NUMBER_GROUPING", language)
        self.thousands = get_format("THOUSAND_SEPARATOR", language)
        self.days = _("%(n)s dagen")

    def number(self, value, decimal_pos=None) -> str:
        return format_number(
            value, self.decimal, decimal_pos, self.grouping, self.thousands, use_l10n=True
        )

    def __call__(self, value, unit: str = "") -> str:
        if value is None:
            return "–"
        if is_suppressed(value):
            return value
        if unit == "euro":
            return f"€ {self.number(value, decimal_pos=2)}"
        text = self.number(value, 1) if isinstance(value, float | Decimal) else self.number(value)
        if unit == "dagen":
            return self.days % {"n": text}
        return text


@register.filter
def figure(value, unit=""):
    return FigureFormat()(value, unit)


@register.simple_tag
def chart(trend, title_id):
    return bar_chart(trend, title_id)


@register.simple_tag
def street_rows(dashboard, period_query: str) -> SafeString:
    """The rows of the per-street table, one per street with a cell per figure.

    Built here rather than in the template: a municipality has hundreds of streets with some
    twenty figures each, and the template engine spent more time on those cells than the
    queries took. Every text that comes from data is escaped below (the standard library's
    escape, which Django's wraps; the wrapper's cost showed in the profile).
    """
    show = FigureFormat()
    units = [m.unit for m in dashboard.metrics]
    with_wijk = dashboard.kind == ScopeKind.MUNICIPALITY
    # One reverse for all rows: a street's id is the last part of its dashboard's path.
    url = reverse("insights:dashboard", args=["straat", 0]).removesuffix("0/")
    query = escape(period_query)
    rows = []
    for street in dashboard.streets:
        cells = "".join(
            f"<td>{escape(show(value, unit))}</td>"
            for unit, value in zip(units, street.values, strict=True)
        )
        wijk = f"<td>{escape(street.wijk)}</td>" if with_wijk else ""
        rows.append(
            f'<tr><th scope="row"><a href="{url}{street.id}/?{query}">{escape(street.title)}</a>'
            f"</th>{wijk}{cells}</tr>"
        )
    return SafeString("\n".join(rows))
