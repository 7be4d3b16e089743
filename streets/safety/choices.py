from django.db import models
from django.utils.translation import gettext_lazy as _


class SafetyConsentMethod(models.TextChoices):
    ONLINE = "online", _("door de buur zelf, op de website")
    IN_PERSON = "in_person", _("persoonlijk, genoteerd door de gangmaker")


class ContactKind(models.TextChoices):
    FAMILY = "family", _("familie")
    HOME_CARE = "home_care", _("Thuiszorg")
    GP = "gp", _("huisarts")
    OTHER = "other", _("anders")


class ReadPurpose(models.TextChoices):
    VIEW = "view", _("bekeken")
    PRINT = "print", _("noodkaart afgedrukt")
