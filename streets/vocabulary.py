"""Words of the week that several apps share: the days of the week and the dagdelen.

Street events repeat on weekdays (streets.events), help on the board is offered and asked per
weekday and dagdeel (matching), and the survey asks the same grid (surveys). They live here
rather than in matching.choices because streets is the lowest layer that uses them: matching
and surveys sit above streets and import from it, never the other way round. A top-level
package for two enums would add a layer to every import contract for no gain; this module
holds no models and imports nothing of the project, so it can move lower should accounts ever
need it.

The stored values never change: weekday 0 is maandag (as Python's date.weekday()), dagdelen
are the Dutch words that matching.slots and the matching engine repeat as plain strings.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("maandag")
    TUESDAY = 1, _("dinsdag")
    WEDNESDAY = 2, _("woensdag")
    THURSDAY = 3, _("donderdag")
    FRIDAY = 4, _("vrijdag")
    SATURDAY = 5, _("zaterdag")
    SUNDAY = 6, _("zondag")


class Dagdeel(models.TextChoices):
    MORNING = "ochtend", _("ochtend")
    AFTERNOON = "middag", _("middag")
    EVENING = "avond", _("avond")
