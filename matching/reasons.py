"""Why a helper was proposed, in the reader's language: the engine's reasons rendered.

The engine (engine/reasons.py) returns reasons as data, a code and its parameters, and the
database stores them as JSON ({"code": "doors_along", "doors": 3}) on Match.reasons and
RotaMoment.reasons. They are rendered when a person reads them, in that person's language
("woont 3 deuren verder", "lives 3 doors down"), through gettext with the site's own labels for
weekdays, dagdelen and categories, and Django's month names. The Dutch msgids read exactly as
the sentences the engine used to write.

What cannot be rendered never breaks a page: a plain string (stored before reasons were data)
or {"text": ...} (a sentence the data migration did not recognise) is shown as it is; an
unknown code, or a code with parameters that do not fit, is left out.
"""

import datetime
import logging

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, pgettext

from streets.vocabulary import Dagdeel, Weekday

logger = logging.getLogger(__name__)

MATCHED_BY_GANGMAKER = {"code": "matched_by_gangmaker"}
FILLED_BY_GANGMAKER = {"code": "filled_by_gangmaker"}

# "helpt graag met boodschappen": one sentence per category (matching.choices.Category).
LIKES = {
    "boodschappen": gettext_lazy("helpt graag met boodschappen"),
    "hondje_uitlaten": gettext_lazy("laat graag een hondje uit"),
    "klusje": gettext_lazy("helpt graag met een klusje in huis"),
    "gezelschap": gettext_lazy("komt graag langs voor een praatje"),
    "vervoer": gettext_lazy("rijdt graag mee naar de arts of het ziekenhuis"),
    "maaltijd": gettext_lazy("kookt graag een maaltijd mee"),
    "sleutel": gettext_lazy("bewaart graag een sleutel"),
    "computer": gettext_lazy("helpt graag met computer en telefoon"),
    "tuin": gettext_lazy("helpt graag in de tuin"),
    "administratie": gettext_lazy("helpt graag met post en administratie"),
    # An offer "anders" only ever meets a request "anders": vague on purpose.
    "anders": gettext_lazy("biedt ook andere hulp aan"),
}

# Reasons without parameters.
FIXED = {
    "same_building": gettext_lazy("woont in hetzelfde gebouw"),
    "nearby": gettext_lazy("woont vlakbij"),
    "next_door": gettext_lazy("woont hiernaast"),
    "opposite": gettext_lazy("woont recht tegenover"),
    "diagonally_opposite": gettext_lazy("woont schuin tegenover"),
    "time_by_arrangement": gettext_lazy("tijd in overleg"),
    "flexible": gettext_lazy("is flexibel met tijden"),
    "matched_by_gangmaker": gettext_lazy("gekoppeld door de gangmaker"),
    "filled_by_gangmaker": gettext_lazy("ingevuld door de gangmaker"),
}


def _moment(weekday, dagdeel: str) -> str:
    """(1, "ochtend") -> "dinsdagochtend"; (1, "") -> "dinsdag"."""
    day = str(Weekday(int(weekday)).label)
    if not dagdeel:
        return day
    part = str(Dagdeel(dagdeel).label)
    # Translators: a weekday and a dagdeel as one moment, "dinsdagochtend" (one word in Dutch).
    return pgettext("weekdag en dagdeel", "%(weekday)s%(dagdeel)s") % {
        "weekday": day,
        "dagdeel": part,
    }


def _date(day, month) -> str:
    """24, 11 -> "24 november" (a leap year, so 29 February exists)."""
    return formats.date_format(datetime.date(2000, int(month), int(day)), "j E")


def _join(items: list[str]) -> str:
    """["a", "b", "c"] -> "a, b en c"."""
    if len(items) == 1:
        return items[0]
    # Translators: the end of a list: "dinsdag, woensdag en donderdag".
    return _("%(items)s en %(last)s") % {"items": ", ".join(items[:-1]), "last": items[-1]}


def _doors(data: dict) -> int:
    doors = int(data["doors"])
    if doors < 0:
        raise ValueError(doors)
    return doors


def _takes(data: dict) -> str:
    """A rota helper's moments: "neemt elke dinsdag en donderdag", "neemt donderdag 26 november"."""
    every = bool(data.get("every"))
    names = []
    for item in data["items"]:
        name = _moment(item["weekday"], item.get("dagdeel", ""))
        if "day" in item:
            # Translators: a moment on a date, "donderdag 26 november".
            name = _("%(moment)s %(date)s") % {
                "moment": name,
                "date": _date(item["day"], item["month"]),
            }
        elif item.get("every") and not every:
            name = _("elke %(moment)s") % {"moment": name}
        names.append(name)
    if not names:
        raise ValueError("no moments")
    if every:
        return _("neemt elke %(moments)s") % {"moments": _join(names)}
    return _("neemt %(moments)s") % {"moments": _join(names)}


def _render(data: dict) -> str:
    code = data["code"]
    if code in FIXED:
        return str(FIXED[code])
    if code == "likes":
        return str(LIKES[data["category"]])
    if code == "metres":
        metres = formats.number_format(int(data["metres"]))
        return _("woont op ongeveer %(metres)s meter") % {"metres": metres}
    if code == "km":
        km = formats.number_format(int(data["metres"]) / 1000, decimal_pos=1)
        return _("woont op %(km)s km") % {"km": km}
    if code == "doors_along":
        doors = _doors(data)
        return ngettext("woont %(doors)s deur verder", "woont %(doors)s deuren verder", doors) % {
            "doors": formats.number_format(doors)
        }
    if code == "across_doors":
        doors = _doors(data)
        return ngettext(
            "woont aan de overkant, %(doors)s deur verder",
            "woont aan de overkant, %(doors)s deuren verder",
            doors,
        ) % {"doors": formats.number_format(doors)}
    if code == "can_on_date":
        return _("kan op %(moment)s %(date)s") % {
            "moment": _moment(data["weekday"], data["dagdeel"]),
            "date": _date(data["day"], data["month"]),
        }
    if code in ("can_on", "can_on_and_more"):
        names = [_moment(weekday, dagdeel) for weekday, dagdeel in data["slots"]]
        if code == "can_on_and_more" and len(names) == 2:
            return _("kan op %(first)s, %(second)s en vaker") % {
                "first": names[0],
                "second": names[1],
            }
        if len(names) == 1:
            return _("kan op %(moment)s") % {"moment": names[0]}
        if len(names) == 2:
            return _("kan op %(first)s en %(second)s") % {"first": names[0], "second": names[1]}
        raise ValueError(f"{len(names)} slots")
    if code == "takes":
        return _takes(data)
    raise KeyError(code)


def render_reason(data) -> str:
    """One stored reason as a sentence in the active language; "" when it cannot be said.

    `data` is what Match.reasons and RotaMoment.reasons hold: a dict with a "code" (or an
    engine Reason, through its as_json()), {"text": ...}, or a plain string from before
    reasons were data; the last two are shown as they are.
    """
    if isinstance(data, str):
        return data
    if hasattr(data, "as_json"):
        data = data.as_json()
    if not isinstance(data, dict):
        return ""
    if "code" not in data:
        text = data.get("text")
        return text if isinstance(text, str) else ""
    try:
        return _render(data)
    except (KeyError, ValueError, TypeError, IndexError, AttributeError):
        logger.warning("A match reason that cannot be rendered: %r", data)
        text = data.get("text")
        return text if isinstance(text, str) else ""


def render_reasons(reasons) -> list[str]:
    """Every reason of a list that can be said, in the active language (for the templates)."""
    if not isinstance(reasons, list | tuple):
        return []
    return [text for text in map(render_reason, reasons) if text]
