import datetime
import re

from insights.charts import bar_chart
from insights.figures.base import Metric, Trend
from insights.suppression import SUPPRESSED


def _one(html: str, kind: str) -> str:
    """The chart of one kind: "columns" (wide screens) or "rows" (phones)."""
    found = re.search(rf'<svg class="chart chart--{kind}".*?</svg>', html)
    assert found, f"no {kind} chart in {html[:200]}"
    return found.group(0)


def test_a_suppressed_month_is_a_marked_stub_and_never_a_bar_of_its_height():
    trend = Trend(
        Metric("x", "Nieuwe hulpvragen"),
        [(datetime.date(2026, 1, 1), 12), (datetime.date(2026, 2, 1), SUPPRESSED)],
    )

    svg = _one(str(bar_chart(trend, "trend-x")), "columns")

    assert 'aria-labelledby="trend-x"' in svg
    assert svg.count('class="chart__bar"') == 1
    assert svg.count('class="chart__stub"') == 1
    assert "&lt; 5</text>" in svg
    assert ">12</text>" in svg
    heights = [float(h) for h in re.findall(r'class="chart__bar"[^>]*height="([\d.]+)"', svg)]
    assert heights and heights[0] > 100  # the tallest bar fills the plot


def test_an_empty_trend_draws_nothing():
    assert bar_chart(Trend(Metric("x", "x"), []), "t") == ""


def test_on_a_phone_every_month_is_a_row_so_the_recent_months_with_data_are_in_sight():
    months = [datetime.date(2025, m, 1) for m in range(12, 13)] + [
        datetime.date(2026, m, 1) for m in range(1, 12)
    ]
    # Only the last months have data, as in a street that started this autumn.
    values = [0] * 8 + [7, 12, SUPPRESSED, 9]
    trend = Trend(Metric("x", "Nieuwe hulpvragen"), list(zip(months, values, strict=True)))

    svg = _one(str(bar_chart(trend, "trend-x")), "rows")

    assert 'aria-labelledby="trend-x"' in svg
    labels = re.findall(r'class="chart__label chart__label--row"[^>]*>([^<]+)</text>', svg)
    assert len(labels) == 12
    assert labels[0].endswith("2025") and labels[-1].endswith("2026")
    for shown in (">7</text>", ">12</text>", ">9</text>", "&lt; 5</text>"):
        assert shown in svg
    # Drawn at about the width a phone shows it, so its 13 px text stays about 13 px.
    width = int(re.search(r'viewBox="0 0 (\d+) ', svg).group(1))
    assert width <= 390
    # Every row lies inside the picture (none cut off at the bottom).
    height = float(re.search(r'viewBox="0 0 \d+ ([\d.]+)"', svg).group(1))
    ys = [float(y) for y in re.findall(r'<rect class="chart__bar" x="[\d.]+" y="([\d.]+)"', svg)]
    assert max(ys) < height
