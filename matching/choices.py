"""The words of neighbour help, shared by the board, the matching engine and the reports.

The engine (engine.py) is pure Python and uses the plain string values below; the models use
the TextChoices for labels and database constraints. Weekdays and dagdelen, which street
events and the survey use too, are in streets.vocabulary.
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


class Urgency(models.TextChoices):
    NORMAL = "normaal", _("gewoon")
    SOON = "snel", _("deze week")
    URGENT = "dringend", _("dringend (vandaag of morgen)")
