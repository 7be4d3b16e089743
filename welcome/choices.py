from django.db import models
from django.utils.translation import gettext_lazy as _


class WelcomeSource(models.TextChoices):
    MEMBER_APPROVED = "member_approved", _("nieuw lid goedgekeurd")
    NOTED = "noted", _("gemeld door een gangmaker")


class WelcomeOutcome(models.TextChoices):
    CARD = "card", _("welkomstkaart")
    ATTENTION = "attention", _("attentie zonder geld")
    EXPENSE = "expense", _("uitgave uit het potje")
