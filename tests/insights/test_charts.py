import datetime
import re

from insights.charts import bar_chart
from insights.figures.base import Metric, Trend
from insights.suppression import SUPPRESSED


def test_a_suppressed_month_is_a_marked_stub_and_never_a_bar_of_its_height():
    trend = Trend(
        Metric("x", "Nieuwe hulpvragen"),
        [(datetime.date(2026, 1, 1), 12), (datetime.date(2026, 2, 1), SUPPRESSED)],
    )

    svg = str(bar_chart(trend, "trend-x"))

    assert svg.startswith('<svg class="chart"') and 'aria-labelledby="trend-x"' in svg
    assert svg.count('class="chart__bar"') == 1
    assert svg.count('class="chart__stub"') == 1
    assert "&lt; 5</text>" in svg
    assert ">12</text>" in svg
    heights = [float(h) for h in re.findall(r'class="chart__bar"[^>]*height="([\d.]+)"', svg)]
    assert heights and heights[0] > 100  # the tallest bar fills the plot


def test_an_empty_trend_draws_nothing():
    assert bar_chart(Trend(Metric("x", "x"), []), "t") == ""
