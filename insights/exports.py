"""CSV and JSON of a dashboard: the same suppressed figures as the page, no personal data."""

import csv
import io

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .figures import Dashboard


def filename(dashboard: Dashboard, extension: str) -> str:
    name = slugify(f"signalen {dashboard.kind} {dashboard.title}") or "signalen"
    return f"{name}-{dashboard.start.isoformat()}-{dashboard.end.isoformat()}.{extension}"


def csv_response(dashboard: Dashboard) -> HttpResponse:
    """Long format (one figure per row), UTF-8 with BOM and ';' so Dutch Excel opens it as is."""
    header = [_("niveau"), _("naam"), _("kengetal"), _("eenheid"), _("waarde")]
    return csv_rows_response(filename(dashboard, "csv"), header, dashboard.csv_rows())


def csv_rows_response(name: str, header: list[str], rows: list[list[str]]) -> HttpResponse:
    """Rows as a CSV download: UTF-8 with BOM and ';', formula-looking cells defused."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(header)
    for row in rows:
        # A cell starting with = + - @ would be run as a formula by spreadsheets.
        writer.writerow(["'" + cell if cell and cell[0] in "=+-@\t\r" else cell for cell in row])
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def json_response(dashboard: Dashboard, download: bool = True) -> JsonResponse:
    response = JsonResponse(
        dashboard.as_dict(), encoder=DjangoJSONEncoder, json_dumps_params={"ensure_ascii": False}
    )
    if download:
        response["Content-Disposition"] = f'attachment; filename="{filename(dashboard, "json")}"'
    return response
