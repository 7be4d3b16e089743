from django.db import models
from django.utils.translation import gettext_lazy as _


class SignalStatus(models.TextChoices):
    OPEN = "open", _("nieuw, nog niet gezien")
    ACKNOWLEDGED = "acknowledged", _("in behandeling")
    CLOSED = "closed", _("afgesloten")


class ConsentMethod(models.TextChoices):
    IN_PERSON = "in_person", _("persoonlijk")
    PHONE = "phone", _("telefonisch")


class ScopeKind(models.TextChoices):
    """What a dashboard looks at: a whole municipality, one wijk or one street."""

    MUNICIPALITY = "gemeente", _("gemeente")
    NEIGHBOURHOOD = "wijk", _("wijk")
    STREET = "straat", _("straat")
