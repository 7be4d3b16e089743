"""The effect questionnaire ("Effectmeting"): a round per street (the baseline at the street's
start, then once a year), and the neighbours' answers.

Built on the street survey's machinery (surveys/): the same three ways in (a member online,
anyone with the secret link or QR code, a gangmaker typing in a paper answer), the same kind of
secret token and printed A4 version. It is a model of its own and not a `surveys.Survey`
because nothing of it is editable per street: the six items of the De Jong Gierveld scale are
fixed in `effects.scale` (stored per item number, never as a label someone could change), and
the municipality's own statements are copied onto the round when it starts, so what was asked
stays what was reported.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from surveys.choices import AnswerChannel
from surveys.models import new_survey_token

from .choices import RoundKind, RoundStatus, ScaleAnswer
from .scale import ITEMS


class SeedItem(models.Model):
    """One of the municipality's own statements, asked after the scale in every street."""

    municipality = models.ForeignKey(
        "home.HomePage",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="effect_seed_items",
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    label = models.CharField(_("stelling"), max_length=200)

    class Meta:
        verbose_name = _("eigen stelling van de effectmeting")
        verbose_name_plural = _("eigen stellingen van de effectmeting")
        ordering = ["position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "label"], name="one_seed_item_per_label"
            ),
        ]

    def __str__(self):
        return self.label


class EffectRound(models.Model):
    """One measurement in one street: the baseline, or a yearly round."""

    street = models.ForeignKey(
        "streets.StreetPage",
        verbose_name=_("straat"),
        on_delete=models.CASCADE,
        related_name="effect_rounds",
    )
    kind = models.CharField(_("soort meting"), max_length=20, choices=RoundKind.choices)
    year = models.PositiveSmallIntegerField(_("jaar"))
    status = models.CharField(
        _("status"), max_length=20, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    token = models.CharField(
        _("geheime code"),
        max_length=40,
        unique=True,
        default=new_survey_token,
        editable=False,
        help_text=_("Zit in de link en de QR-code waarmee buren zonder account antwoorden."),
    )
    seed_items = models.JSONField(
        _("eigen stellingen"),
        default=list,
        blank=True,
        help_text=_("De stellingen van de gemeente zoals ze bij de start van de meting luidden."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gestart door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gestart op"), auto_now_add=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)

    class Meta:
        verbose_name = _("effectmeting")
        verbose_name_plural = _("effectmetingen")
        ordering = ["-year", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=RoundKind.values), name="effect_round_kind_valid"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status=RoundStatus.OPEN, closed_at__isnull=True)
                    | models.Q(status=RoundStatus.CLOSED, closed_at__isnull=False)
                ),
                name="effect_round_closed_at_iff_closed",
            ),
            models.UniqueConstraint(
                fields=["street"],
                condition=models.Q(kind=RoundKind.BASELINE),
                name="one_effect_baseline_per_street",
            ),
            # Once a year: a street's rounds are compared year on year.
            models.UniqueConstraint(fields=["street", "year"], name="one_effect_round_per_year"),
            models.UniqueConstraint(
                fields=["street"],
                condition=models.Q(status=RoundStatus.OPEN),
                name="one_open_effect_round_per_street",
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.year} – {self.street}"

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN


def _answer_field(number: int) -> models.CharField:
    return models.CharField(
        _("uitspraak %(number)s") % {"number": number},
        max_length=20,
        choices=ScaleAnswer.choices,
    )


class EffectResponse(models.Model):
    """One neighbour's answers: anonymous (link, paper) or a member's (online, or on paper).

    The scores are derived from the six answers by `effects.scale.score` when saving (through
    `services.save_response`) and stored so the reports aggregate in the database.
    """

    round = models.ForeignKey(
        EffectRound, verbose_name=_("meting"), on_delete=models.CASCADE, related_name="responses"
    )
    channel = models.CharField(_("ingevuld"), max_length=20, choices=AnswerChannel.choices)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("buur"),
        null=True,
        blank=True,
        # Erasing a person erases their answers.
        on_delete=models.CASCADE,
        related_name="effect_responses",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    item_1 = _answer_field(1)
    item_2 = _answer_field(2)
    item_3 = _answer_field(3)
    item_4 = _answer_field(4)
    item_5 = _answer_field(5)
    item_6 = _answer_field(6)
    seed_answers = models.JSONField(
        _("antwoorden op de eigen stellingen"),
        default=dict,
        blank=True,
        help_text=_("Per stelling (zoals gesteld) het antwoord."),
    )
    score = models.PositiveSmallIntegerField(_("eenzaamheidsscore (0-6)"))
    social = models.PositiveSmallIntegerField(_("sociale eenzaamheid (0-3)"))
    emotional = models.PositiveSmallIntegerField(_("emotionele eenzaamheid (0-3)"))
    created_at = models.DateTimeField(_("ingevuld op"), auto_now_add=True)

    class Meta:
        verbose_name = _("antwoord op de effectmeting")
        verbose_name_plural = _("antwoorden op de effectmeting")
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(channel__in=AnswerChannel.values),
                name="effect_response_channel_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(channel=AnswerChannel.ONLINE) | models.Q(person__isnull=False),
                name="online_effect_response_has_person",
            ),
            models.UniqueConstraint(
                fields=["round", "person"], name="one_effect_response_per_person"
            ),
            models.CheckConstraint(
                condition=models.Q(social__lte=3, emotional__lte=3)
                & models.Q(score=models.F("social") + models.F("emotional")),
                name="effect_response_scores_add_up",
            ),
            *(
                models.CheckConstraint(
                    condition=models.Q(**{f"item_{item.number}__in": ScaleAnswer.values}),
                    name=f"effect_response_item_{item.number}_valid",
                )
                for item in ITEMS
            ),
        ]

    def __str__(self):
        return f"{self.round} #{self.pk}"

    def scale_answers(self) -> dict[int, str]:
        return {item.number: getattr(self, f"item_{item.number}") for item in ITEMS}
