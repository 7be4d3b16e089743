"""Reasons become data: Match.reasons holds {"code": ...} dicts instead of Dutch sentences,
and RotaMoment.reason (one joined Dutch string) becomes RotaMoment.reasons (a list of them).

`reasons_from_text` reads the sentences the engine used to write back into codes (the shapes
are listed in matching/engine/reasons.py); a sentence it does not recognise is kept as
{"text": ...} and shown as it is. It is self-contained on purpose: a migration must not change
when the app's code does. tests/matching/test_reasons_migration.py covers every shape.
"""

import re

from django.db import migrations, models

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")
DAGDELEN = ("ochtend", "middag", "avond")
MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)
FIXED = {
    "woont in hetzelfde gebouw": "same_building",
    "woont vlakbij": "nearby",
    "woont hiernaast": "next_door",
    "woont recht tegenover": "opposite",
    "woont schuin tegenover": "diagonally_opposite",
    "tijd in overleg": "time_by_arrangement",
    "is flexibel met tijden": "flexible",
    "gekoppeld door de gangmaker": "matched_by_gangmaker",
    "ingevuld door de gangmaker": "filled_by_gangmaker",
}
LIKES = {
    "helpt graag met boodschappen": "boodschappen",
    "laat graag een hondje uit": "hondje_uitlaten",
    "helpt graag met een klusje in huis": "klusje",
    "komt graag langs voor een praatje": "gezelschap",
    "rijdt graag mee naar de arts of het ziekenhuis": "vervoer",
    "kookt graag een maaltijd mee": "maaltijd",
    "bewaart graag een sleutel": "sleutel",
    "helpt graag met computer en telefoon": "computer",
    "helpt graag in de tuin": "tuin",
    "helpt graag met post en administratie": "administratie",
    "biedt ook andere hulp aan": "anders",
}
_WEEKDAY = "(" + "|".join(WEEKDAYS) + ")"
_DAGDEEL = "(" + "|".join(DAGDELEN) + ")"
_MONTH = "(" + "|".join(MONTHS) + ")"
SLOT = _WEEKDAY + _DAGDEEL
DATE = r"(\d{1,2}) " + _MONTH

METRES = re.compile(r"woont op ongeveer (\d+) meter")
KM = re.compile(r"woont op (\d+),(\d) km")
DOORS = re.compile(r"woont (\d+) deuren verder")
ACROSS = re.compile(r"woont aan de overkant, (\d+) deuren verder")
CAN_ON_DATE = re.compile(f"kan op {SLOT} {DATE}")
CAN_ON_ONE = re.compile(f"kan op {SLOT}")
CAN_ON_TWO = re.compile(f"kan op {SLOT} en {SLOT}")
CAN_ON_MORE = re.compile(f"kan op {SLOT}, {SLOT} en vaker")
TAKES_ITEM = re.compile(f"(elke )?{_WEEKDAY}{_DAGDEEL}?(?: {DATE})?")


def _slot(weekday: str, dagdeel: str) -> list:
    return [WEEKDAYS.index(weekday), dagdeel]


def _takes(text: str) -> dict | None:
    """ "neemt elke dinsdag en donderdag", "neemt dinsdagavond 24 november", ..."""
    if not text.startswith("neemt "):
        return None
    rest = text.removeprefix("neemt ")
    head, _, last = rest.rpartition(" en ")
    names = [*head.split(", "), last] if head else [last]
    items = []
    for name in names:
        found = TAKES_ITEM.fullmatch(name)
        if not found:
            return None
        every, weekday, dagdeel, day, month = found.groups()
        item = {"weekday": WEEKDAYS.index(weekday), "dagdeel": dagdeel or ""}
        if day:
            if every:
                return None
            item |= {"day": int(day), "month": MONTHS.index(month) + 1}
        else:
            item["every"] = bool(every)
        items.append(item)
    # "neemt elke dinsdag en donderdag": one "elke" for a list of weekdays taken every week.
    first_only = items[0].get("every") and not any(item.get("every") for item in items[1:])
    if first_only and all("day" not in item for item in items):
        return {"code": "takes", "items": [item | {"every": True} for item in items], "every": True}
    return {"code": "takes", "items": items, "every": False}


def reason_from_sentence(text: str) -> dict | None:
    """One Dutch sentence the engine wrote -> its code and parameters; None if unknown."""
    if text in FIXED:
        return {"code": FIXED[text]}
    if text in LIKES:
        return {"code": "likes", "category": LIKES[text]}
    if found := METRES.fullmatch(text):
        return {"code": "metres", "metres": int(found[1])}
    if found := KM.fullmatch(text):
        return {"code": "km", "metres": int(found[1]) * 1000 + int(found[2]) * 100}
    if found := DOORS.fullmatch(text):
        return {"code": "doors_along", "doors": int(found[1])}
    if found := ACROSS.fullmatch(text):
        return {"code": "across_doors", "doors": int(found[1])}
    if found := CAN_ON_DATE.fullmatch(text):
        weekday, dagdeel, day, month = found.groups()
        return {
            "code": "can_on_date",
            "weekday": WEEKDAYS.index(weekday),
            "dagdeel": dagdeel,
            "day": int(day),
            "month": MONTHS.index(month) + 1,
        }
    if found := CAN_ON_ONE.fullmatch(text):
        return {"code": "can_on", "slots": [_slot(*found.groups())]}
    if found := CAN_ON_TWO.fullmatch(text):
        groups = found.groups()
        return {"code": "can_on", "slots": [_slot(*groups[:2]), _slot(*groups[2:])]}
    if found := CAN_ON_MORE.fullmatch(text):
        groups = found.groups()
        return {"code": "can_on_and_more", "slots": [_slot(*groups[:2]), _slot(*groups[2:])]}
    return _takes(text)


def reasons_from_text(text: str) -> list[dict]:
    """A stored reason string -> a list of reasons.

    One sentence, or several joined with ", " (RotaMoment.reason: "neemt elke dinsdag,
    woont aan de overkant, 3 deuren verder, kookt graag een maaltijd mee"). Sentences may hold
    ", " themselves, so the longest run of parts that reads as a sentence wins. Anything not
    recognised, or an empty string, keeps the whole text: [{"text": text}] (or []).
    """
    text = text.strip()
    if not text:
        return []
    parts = text.split(", ")
    reasons, start = [], 0
    while start < len(parts):
        for end in range(len(parts), start, -1):
            reason = reason_from_sentence(", ".join(parts[start:end]))
            if reason is not None:
                reasons.append(reason)
                start = end
                break
        else:
            return [{"text": text}]
    return reasons


def convert_reasons(value) -> list:
    """Match.reasons as stored -> a list of reason dicts (dicts already converted are kept)."""
    if not isinstance(value, list):
        return []
    converted = []
    for item in value:
        if isinstance(item, str):
            converted += reasons_from_text(item)
        elif isinstance(item, dict):
            converted.append(item)
    return converted


def forwards(apps, schema_editor):
    Match = apps.get_model("matching", "Match")
    RotaMoment = apps.get_model("matching", "RotaMoment")
    matches = []
    for match in Match.objects.only("pk", "reasons").iterator(chunk_size=1000):
        converted = convert_reasons(match.reasons)
        if converted != match.reasons:
            match.reasons = converted
            matches.append(match)
    Match.objects.bulk_update(matches, ["reasons"], batch_size=1000)
    moments = []
    for moment in RotaMoment.objects.exclude(reason="").only("pk", "reason").iterator(chunk_size=1000):
        moment.reasons = reasons_from_text(moment.reason)
        moments.append(moment)
    RotaMoment.objects.bulk_update(moments, ["reasons"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ("matching", "0006_care_rota"),
    ]

    operations = [
        migrations.AddField(
            model_name="rotamoment",
            name="reasons",
            field=models.JSONField(blank=True, default=list, verbose_name="waarom deze buur"),
        ),
        # Backwards leaves the data as data: the new renderer still reads it, the old one
        # would show dicts; going back is for development only.
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="rotamoment",
            name="reason",
        ),
    ]
