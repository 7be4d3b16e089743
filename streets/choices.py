from django.db import models
from django.utils.translation import gettext_lazy as _


class MemberRole(models.TextChoices):
    BEWONER = "resident", _("bewoner")
    GANGMAKER = "gangmaker", _("gangmaker")


class MembershipStatus(models.TextChoices):
    PENDING = "pending", _("aangemeld, wacht op goedkeuring")
    APPROVED = "approved", _("lid")
    DECLINED = "declined", _("afgewezen")
    LEFT = "left", _("vertrokken")


class JoinedVia(models.TextChoices):
    WEBSITE = "website", _("via de website")
    CARD = "card", _("via de straatkaart")
    GANGMAKER = "gangmaker", _("ingeschreven door de gangmaker")
