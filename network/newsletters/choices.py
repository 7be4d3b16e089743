from django.db import models
from django.utils.translation import gettext_lazy as _


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("wacht op bevestiging")
    ACTIVE = "active", _("aangemeld")
    UNSUBSCRIBED = "unsubscribed", _("afgemeld")
