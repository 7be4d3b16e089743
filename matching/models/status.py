"""The states of the help board. The shared vocabulary (categories, dagdelen) is in choices.py;
these belong to the board alone, so they live with its models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PostKind(models.TextChoices):
    OFFER = "offer", _("aanbod")
    REQUEST = "request", _("vraag")


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
