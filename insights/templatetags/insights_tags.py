from decimal import Decimal

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from ..charts import bar_chart
from ..suppression import is_suppressed

register = template.Library()


@register.filter
def figure(value, unit=""):
    """A suppressed figure as the dashboard shows it: "< 5", a number, an amount or days."""
    if value is None:
        return "–"
    if is_suppressed(value):
        return value
    if unit == "euro":
        return f"€ {number_format(value, decimal_pos=2, use_l10n=True)}"
    text = (
        number_format(value, decimal_pos=1)
        if isinstance(value, float | Decimal)
        else number_format(value)
    )
    if unit == "dagen":
        return _("%(n)s dagen") % {"n": text}
    return text


@register.simple_tag
def chart(trend, title_id):
    return bar_chart(trend, title_id)
