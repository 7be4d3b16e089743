"""The words of neighbour help, shared by the board, the matching engine and the reports.

The engine (engine.py) is pure Python and uses the plain string values below; the models use
the TextChoices for labels and database constraints.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    BOODSCHAPPEN = "boodschappen", _("boodschappen")
    HONDJE_UITLATEN = "hondje_uitlaten", _("hondje uitlaten")
    KLUSJE = "klusje", _("klusje in huis")
    GEZELSCHAP = "gezelschap", _("gezelschap / een praatje")
    VERVOER = "vervoer", _("vervoer (arts, ziekenhuis)")
    MAALTIJD = "maaltijd", _("maaltijd")
    SLEUTEL = "sleutel", _("sleutel bewaren")
    COMPUTER = "computer", _("computer en telefoon")
    TUIN = "tuin", _("tuin")
    ADMINISTRATIE = "administratie", _("post en administratie")
    ANDERS = "anders", _("anders")


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


class Urgency(models.TextChoices):
    NORMAL = "normaal", _("gewoon")
    SOON = "snel", _("deze week")
    URGENT = "dringend", _("dringend (vandaag of morgen)")
