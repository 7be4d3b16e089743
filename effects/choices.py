"""The effect questionnaire's vocabulary. Stored values in English, Dutch labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .scale import Answer, Category


class RoundKind(models.TextChoices):
    BASELINE = "baseline", _("nulmeting")
    YEARLY = "yearly", _("jaarmeting")


class RoundStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("gesloten")


class ScaleAnswer(models.TextChoices):
    """The answers to every item, of the scale and of the municipality's own statements."""

    YES = Answer.YES.value, _("ja")
    MORE_OR_LESS = Answer.MORE_OR_LESS.value, _("min of meer")
    NO = Answer.NO.value, _("nee")


class LonelinessCategory(models.TextChoices):
    NOT_LONELY = Category.NOT_LONELY.value, _("niet eenzaam (0-1)")
    MODERATELY = Category.MODERATELY.value, _("enigszins eenzaam (2-4)")
    SEVERELY = Category.SEVERELY.value, _("sterk eenzaam (5-6)")


# The statements from the seeds every municipality starts with; a coordinator may reword,
# drop or add to them (they are not part of the validated scale).
DEFAULT_SEED_ITEMS = (
    _("Ik vraag makkelijker om hulp aan buren"),
    _("Ik ken mijn buren beter dan een jaar geleden"),
    _("In onze straat let men op elkaar"),
)
MAX_SEED_ITEMS = 5
