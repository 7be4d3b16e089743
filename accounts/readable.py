"""The person's data export as a Dutch page to read or print, next to the JSON file.

The exporters (each app's `personal_data.py`) return JSON-ready data whose keys are partly
technical (`street__title`, `created_at`) and whose values are stored values (`approved`,
`ill`). This module turns that data, whatever its shape, into a tree of labelled nodes for the
template `accounts/my_data_readable.html`: keys get a Dutch label (the list below, else the
verbose name of a model field of that name, else the key in words), stored choice values get
their Dutch label from the model fields that hold them, dates are written out, yes/no in words.
Nothing is left out: the page shows what the file holds.
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from django.apps import apps
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Keys whose words alone do not say what they are; the other keys are Dutch already
# ("voornaam", "hulpvragen") or named after a model field with a Dutch verbose name.
LABELS = {
    "id": gettext_lazy("nummer"),
    "account": gettext_lazy("Account"),
    "straten": gettext_lazy("Straten"),
    "prikbord": gettext_lazy("Prikbord"),
    "potje": gettext_lazy("Potje"),
    "zorgsignalen": gettext_lazy("Zorgsignalen"),
    "enquetes": gettext_lazy("Enquêtes"),
    "toelichting": gettext_lazy("Toelichting"),
    "gemaakt_op": gettext_lazy("Gemaakt op"),
    "street__title": gettext_lazy("straat"),
    "pot__street__title": gettext_lazy("straat"),
    "event__title": gettext_lazy("activiteit"),
    "neighbourhood__title": gettext_lazy("wijk"),
    "municipality__title": gettext_lazy("gemeente"),
    "request_id": gettext_lazy("nummer van de hulpvraag"),
    "offer_id": gettext_lazy("nummer van het hulpaanbod"),
    "post_id": gettext_lazy("nummer van het bericht"),
    "created_at": gettext_lazy("gemaakt op"),
    "updated_at": gettext_lazy("gewijzigd op"),
    "decided_at": gettext_lazy("besloten op"),
    "coordinator_van": gettext_lazy("coördinator van"),
}


# Values whose stored form needs an app's own words ("1:ochtend" is dinsdag ochtend), by
# export key: registered by that app in its AppConfig.ready(), as its exporter is.
_value_texts: dict[str, Callable[[str], str]] = {}


def register_value_text(key: str, text: Callable[[str], str]) -> None:
    """Show each stored value under export key `key` as `text(value)` on the readable page."""
    _value_texts[key] = text


@dataclass
class Node:
    """One value: `text` for a single value, `fields` (label, node) for a group of named
    values, `items` for a list."""

    kind: str
    text: str = ""
    fields: list[tuple[str, "Node"]] = field(default_factory=list)
    items: list["Node"] = field(default_factory=list)


@cache
def _project_fields() -> dict[str, list]:
    """Model fields of the project's apps by name (the exporters' keys are field names)."""
    by_name: dict[str, list] = {}
    for model in apps.get_models():
        if not model.__module__.startswith(
            ("accounts.", "streets.", "matching.", "pot.", "insights.", "surveys.")
        ):
            continue
        for model_field in model._meta.get_fields():
            if hasattr(model_field, "verbose_name") and not model_field.is_relation:
                by_name.setdefault(model_field.name, []).append(model_field)
    return by_name


def label(key: str) -> str:
    """A Dutch label for an export key."""
    if key in LABELS:
        return str(LABELS[key])
    for model_field in _project_fields().get(key.rsplit("__", 1)[-1], []):
        return str(model_field.verbose_name)
    return key.replace("__", " ").replace("_", " ")


def _choice_label(key: str, value: str) -> str | None:
    for model_field in _project_fields().get(key.rsplit("__", 1)[-1], []):
        for stored, shown in model_field.flatchoices:
            if stored == value:
                return str(shown)
    return None


def _moment(value: datetime.datetime) -> str:
    """A moment in the site's time zone (the file has it in UTC)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "j F Y, H:i")


def _text(key: str, value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("ja") if value else _("nee")
    if isinstance(value, datetime.datetime):
        return _moment(value)
    if isinstance(value, datetime.date):
        return formats.date_format(value, "j F Y")
    if isinstance(value, str) and key in _value_texts:
        return _value_texts[key](value)
    if isinstance(value, str):
        moment = parse_datetime(value) if "T" in value else None
        if moment is not None:
            return _moment(moment)
        day = parse_date(value) if len(value) == 10 else None
        if day is not None:
            return formats.date_format(day, "j F Y")
        return _choice_label(key, value) or value
    return str(value)


def node(value, key: str = "") -> Node:
    """The readable tree of one exported value."""
    if isinstance(value, dict):
        return Node("fields", fields=[(label(k), node(v, k)) for k, v in value.items()])
    if isinstance(value, list | tuple):
        if all(not isinstance(item, dict | list | tuple) for item in value):
            # A list of plain values (categories, dagdelen, wijken): one line.
            return Node("text", text=", ".join(_text(key, item) for item in value) or "–")
        return Node("items", items=[node(item, key) for item in value])
    return Node("text", text=_text(key, value))


def sections(data: dict) -> list[tuple[str, Node]]:
    """The export's top-level parts, each with its Dutch heading."""
    return [(label(key), node(value, key)) for key, value in data.items()]
