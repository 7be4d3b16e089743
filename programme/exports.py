"""The growth view as CSV and XLSX files, as the pots' overview (pot/exports.py) exports.

The same sections in both: active streets per month per wijk, coverage per wijk, applications
by state, the quiet streets and the follow-up log. The CSV puts them one after the other
(semicolons, a byte-order mark, formula-looking cells defused); the workbook has a sheet each.
"""

import csv
import io
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe(value):
    """No spreadsheet formula from a name or a note (CSV injection); numbers stay numbers."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


@dataclass
class Section:
    title: str
    header: list[str]
    rows: list[list]


def sections(figures, quiet, follow_ups) -> list[Section]:
    months = [date_format(m, "M Y") for m in figures.months]
    per_month = [[row.wijk, *row.per_month] for row in figures.wijken]
    per_month.append([_("Totaal"), *figures.total_per_month])
    return [
        Section(_("Actieve straten per maand"), [_("Wijk"), *months], per_month),
        Section(
            _("Dekking per wijk"),
            [_("Wijk"), _("Straten"), _("Met twee gangmakers"), _("Zonder gangmaker")],
            [[r.wijk, r.streets, r.two_gangmakers, r.no_gangmaker] for r in figures.wijken],
        ),
        Section(
            _("Aanmeldingen per stand"),
            [_("Stand"), _("Aanmeldingen"), _("Gemiddeld aantal dagen in deze stand")],
            [[s.label, s.count, s.average_days] for s in figures.states],
        ),
        Section(
            _("Stille straten"),
            [
                _("Wijk"),
                _("Straat"),
                _("Gangmakers"),
                _("Laatste activiteit"),
                _("Laatst gebeld"),
                _("Uitkomst"),
            ],
            [
                [
                    row.wijk,
                    row.street.title,
                    ", ".join(row.gangmakers),
                    row.last_activity,
                    row.last_follow_up.called_on if row.last_follow_up else None,
                    str(row.last_follow_up.get_outcome_display()) if row.last_follow_up else "",
                ]
                for row in quiet
            ],
        ),
        Section(
            _("Opvolging"),
            [
                _("Straat"),
                _("Wanneer"),
                _("Gebeld door"),
                _("Gesproken met"),
                _("Uitkomst"),
                _("Toelichting"),
            ],
            [
                [
                    f.street.title,
                    f.called_on,
                    f.called_by.get_full_name() if f.called_by else "",
                    f.contact_name,
                    str(f.get_outcome_display()),
                    f.note,
                ]
                for f in follow_ups
            ],
        ),
    ]


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return str(value).replace(".", ",")
    if hasattr(value, "strftime"):
        return value.strftime("%d-%m-%Y")
    return str(_safe(value))


def growth_csv(parts: list[Section]) -> str:
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for n, section in enumerate(parts):
        if n:
            writer.writerow([])
        writer.writerow([section.title])
        writer.writerow(section.header)
        for row in section.rows:
            writer.writerow([_csv_cell(value) for value in row])
    return out.getvalue()


def growth_xlsx(parts: list[Section]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    for section in parts:
        # A sheet's name holds at most 31 characters.
        sheet = book.create_sheet(section.title[:31])
        sheet.append(section.header)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in section.rows:
            sheet.append([_safe(value) for value in row])
        for cells in sheet.iter_rows(min_row=2):
            for cell in cells:
                if hasattr(cell.value, "strftime"):
                    cell.number_format = "dd-mm-yyyy"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
