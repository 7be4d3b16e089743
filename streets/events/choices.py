from django.db import models
from django.utils.translation import gettext_lazy as _


class Repeat(models.TextChoices):
    NEVER = "never", _("niet, het is één keer")
    WEEKLY = "weekly", _("wekelijks (of om de paar weken)")
    MONTHLY = "monthly", _("maandelijks, op dezelfde weekdag (bijvoorbeeld de tweede dinsdag)")


class ExceptionKind(models.TextChoices):
    SKIPPED = "skipped", _("valt uit (niet tonen)")
    CANCELLED = "cancelled", _("gaat niet door (wel tonen, met bericht)")
