"""The words of neighbour help, shared by the board, the matching engine and the reports, and
the states of posts, reports, moderation steps and matches.

The engine (engine/) is pure Python and uses the plain string values below; the models use
the TextChoices for labels and database constraints. Weekdays and dagdelen, which street
events and the survey use too, are in streets.vocabulary.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


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


class PostKind(models.TextChoices):
    OFFER = "offer", _("aanbod")
    REQUEST = "request", pgettext_lazy("soort bericht", "vraag")


class PostStatus(models.TextChoices):
    PENDING = "pending", _("wacht op goedkeuring")
    OPEN = "open", _("op het prikbord")
    HIDDEN = "hidden", _("verborgen door de gangmaker")
    WITHDRAWN = "withdrawn", _("ingetrokken")
    EXPIRED = "expired", _("verlopen")
    CLOSED = "closed", _("afgerond")


class ReportStatus(models.TextChoices):
    OPEN = "open", _("nog te bekijken")
    HANDLED = "handled", _("bericht verborgen")
    DISMISSED = "dismissed", _("bekeken, mag blijven staan")


class ModerationAction(models.TextChoices):
    APPROVED = "approved", _("goedgekeurd")
    HIDDEN = "hidden", _("verborgen")
    RESTORED = "restored", _("teruggezet")
    REPORT_DISMISSED = "report_dismissed", _("melding afgehandeld")
    SETTINGS_CHANGED = "settings_changed", _("instellingen gewijzigd")


class MatchStatus(models.TextChoices):
    PROPOSED = "proposed", _("voorgesteld")
    ACCEPTED = "accepted", _("helper zegt ja")
    DECLINED = "declined", _("helper kan niet")
    CONFIRMED = "confirmed", _("afgesproken")
    DONE = "done", _("geholpen")
    CANCELLED = "cancelled", _("geannuleerd")
    EXPIRED = "expired", _("verlopen zonder antwoord")


class DigestFrequency(models.TextChoices):
    DIRECT = "direct", _("meteen")
    DAILY = "daily", _("één keer per dag")
    WEEKLY = "weekly", _("één keer per week")


class LocationStatus(models.TextChoices):
    """Whether a member's home was found by the geocoder (HomeLocation)."""

    PENDING = "pending", _("nog niet opgezocht")
    FOUND = "found", _("gevonden")
    FAILED = "failed", _("niet gevonden")


class RotaMomentState(models.TextChoices):
    OPEN = "open", _("nog niemand")
    PROPOSED = "proposed", _("gevraagd")
    ACCEPTED = "accepted", _("toegezegd")
