"""The coordinator's overview as CSV and XLSX files.

The CSV is written for a Dutch spreadsheet: semicolons between fields, a decimal comma, and
a byte-order mark so Excel reads the accents. Cells that a spreadsheet would run as a formula
("=...", "+...") are prefixed with an apostrophe.
"""

import csv
import io
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .choices import Occasion
from .services.reports import ZERO, StreetRow

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
EURO_FORMAT = "#,##0.00"


def _safe(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def header() -> list[str]:
    return [
        _("Wijk"),
        _("Straat"),
        _("Potje geopend"),
        _("Bijdrage"),
        _("Overgeboekt"),
        _("Uitgegeven"),
        _("Over"),
        _("Attenties"),
        *[str(label) for label in Occasion.labels],
    ]


def row_values(row: StreetRow) -> list:
    summary = row.summary
    money = (
        [summary.funding, summary.carried_over, summary.spent, summary.balance]
        if summary
        else [ZERO] * 4
    )
    return [
        _safe(row.wijk),
        _safe(row.street.title),
        _("ja") if summary else _("nee"),
        *money,
        summary.attentions if summary else 0,
        *[row.count_for(occasion) for occasion in Occasion.values],
    ]


def _csv_cell(value) -> str:
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    return str(value)


def overview_csv(rows: list[StreetRow]) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(header())
    for row in rows:
        writer.writerow([_csv_cell(value) for value in row_values(row)])
    return out.getvalue()


def overview_xlsx(rows: list[StreetRow], expenses, year: int) -> bytes:
    """Two sheets: the streets (one row each) and every attention of the year."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Straten %(year)s") % {"year": year}
    sheet.append(header())
    for row in rows:
        sheet.append(row_values(row))
    for cells in sheet.iter_rows(min_row=2, min_col=4, max_col=7):
        for cell in cells:
            cell.number_format = EURO_FORMAT
    details = book.create_sheet(_("Attenties %(year)s") % {"year": year})
    details.append([_("Straat"), _("Datum"), _("Aanleiding"), _("Wat"), _("Bedrag")])
    for expense in expenses:
        details.append(
            [
                _safe(expense.pot.street.title),
                expense.spent_on,
                str(expense.get_occasion_display()),
                str(expense.get_gift_display()),
                expense.amount,
            ]
        )
    for cells in details.iter_rows(min_row=2, min_col=2, max_col=2):
        for cell in cells:
            cell.number_format = "dd-mm-yyyy"
    for cells in details.iter_rows(min_row=2, min_col=5, max_col=5):
        for cell in cells:
            cell.number_format = EURO_FORMAT
    for ws in (sheet, details):
        for cell in ws[1]:
            cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
