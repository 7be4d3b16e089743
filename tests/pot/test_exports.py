import csv
import io
from decimal import Decimal
from types import SimpleNamespace

from pot.exports import overview_csv
from pot.services.reports import OccasionLine, PotSummary, StreetRow


def row(title, wijk="Noord", summary=None):
    return StreetRow(street=SimpleNamespace(title=title), wijk=wijk, summary=summary)


def test_the_csv_has_a_header_a_bom_and_dutch_decimals():
    summary = PotSummary(
        pot=None,
        funding=Decimal("150.00"),
        carried_over=Decimal("20.00"),
        balance=Decimal("100.50"),
        by_occasion=[OccasionLine("grief", "rouw", 2, Decimal("69.50"))],
    )

    text = overview_csv([row("Zwaanshals", summary=summary), row("Bergweg")])

    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert rows[0][:8] == [
        "Wijk",
        "Straat",
        "Potje geopend",
        "Bijdrage",
        "Overgeboekt",
        "Uitgegeven",
        "Over",
        "Attenties",
    ]
    assert rows[1][:8] == ["Noord", "Zwaanshals", "ja", "150,00", "20,00", "69,50", "100,50", "2"]
    assert rows[1][rows[0].index("rouw")] == "2"
    assert rows[2][2:7] == ["nee", "0,00", "0,00", "0,00", "0,00"]


def test_cells_that_start_like_a_formula_are_neutralised():
    text = overview_csv([row("+31 buurt", wijk="=1+1"), row("@SUM(A1)")])

    assert "'=1+1;'+31 buurt" in text
    assert "'@SUM(A1)" in text
