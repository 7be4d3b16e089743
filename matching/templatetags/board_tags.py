"""Template helpers of the help board: readable slots, and the public counts per category."""

from django import template
from django.utils.translation import gettext as _

from matching.choices import Dagdeel, Weekday
from matching.services.board_queries import open_help_counts
from matching.slots import DAGDELEN, slots_from_strings

register = template.Library()


@register.filter
def slots_display(values) -> str:
    """["1:ochtend", "1:middag", "3:avond"] -> "dinsdag ochtend en middag, donderdag avond"."""
    try:
        slots = slots_from_strings(values or [])
    except ValueError:
        return ""
    days = []
    for day in range(7):
        parts = [str(Dagdeel(d).label) for d in DAGDELEN if (day, d) in slots]
        if len(parts) == len(DAGDELEN):
            days.append(_("%(day)s de hele dag") % {"day": Weekday(day).label})
        elif parts:
            joined = _(" en ").join([", ".join(parts[:-1]), parts[-1]] if len(parts) > 1 else parts)
            days.append(f"{Weekday(day).label} {joined}")
    return ", ".join(days)


@register.filter
def dagdelen_display(values) -> str:
    """The dagdelen of a dated request; empty when any time of that day will do."""
    try:
        dagdelen = [d for _day, d in sorted(slots_from_strings(values or []))]
    except ValueError:
        return ""
    if len(dagdelen) == len(DAGDELEN):
        return ""
    return _(" of ").join(str(Dagdeel(d).label) for d in DAGDELEN if d in dagdelen)


@register.filter
def slot_rows(bound_field):
    """A SlotGridField's checkboxes as rows: (weekday label, [(checkbox, dagdeel label), ...])."""
    boxes = list(bound_field)
    per_day = len(DAGDELEN)
    return [
        (
            Weekday(day).label,
            [
                (box, Dagdeel(d).label)
                for box, d in zip(boxes[day * per_day : (day + 1) * per_day], DAGDELEN, strict=True)
            ],
        )
        for day in range(len(boxes) // per_day)
    ]


@register.inclusion_tag("matching/board_summary.html")
def board_summary(street):
    """The public street page's counts: "3 buren bieden hulp bij boodschappen" (one query)."""
    counts = open_help_counts(street)
    return {"street": street, "offers": counts["offer"], "requests": counts["request"]}
