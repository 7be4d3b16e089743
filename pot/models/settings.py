from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_YEARLY_AMOUNT = Decimal("150.00")
DEFAULT_TEXT_DAYS = 90


class PotSettings(models.Model):
    """How one municipality runs its pots. A municipality without a row gets the defaults."""

    municipality = models.OneToOneField(
        "home.HomePage",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="pot_settings",
    )
    yearly_amount = models.DecimalField(
        _("bedrag per straat per jaar"),
        max_digits=8,
        decimal_places=2,
        default=DEFAULT_YEARLY_AMOUNT,
        help_text=_("In euro's. Elke Lief & Leedstraat krijgt dit op 1 januari."),
    )
    carry_over = models.BooleanField(
        _("restant gaat mee naar volgend jaar"),
        default=False,
        help_text=_("Aan: wat een straat overhoudt, komt bij het potje van het nieuwe jaar."),
    )
    four_eyes_threshold = models.DecimalField(
        _("vier ogen boven"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_(
            "Een uitgave boven dit bedrag telt pas als een tweede gangmaker hem goedkeurt. "
            "Leeg: niet nodig."
        ),
    )
    sensitive_text_days = models.PositiveSmallIntegerField(
        _("tekst over gezondheid bewaren (dagen)"),
        default=DEFAULT_TEXT_DAYS,
        help_text=_(
            "Tips en herinneringen over ziekte, rouw en eenzaamheid: na zoveel dagen wordt de "
            "tekst gewist. De aanleiding blijft staan voor de tellingen."
        ),
    )

    class Meta:
        verbose_name = _("instellingen potjes")
        verbose_name_plural = _("instellingen potjes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(yearly_amount__gte=0), name="pot_settings_amount_not_negative"
            ),
            models.CheckConstraint(
                condition=models.Q(four_eyes_threshold__isnull=True)
                | models.Q(four_eyes_threshold__gte=0),
                name="pot_settings_threshold_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(sensitive_text_days__gte=1), name="pot_settings_days_positive"
            ),
        ]

    def __str__(self):
        return f"{self._meta.verbose_name} – {self.municipality}"

    @classmethod
    def for_municipality(cls, municipality) -> "PotSettings":
        """The saved settings, or unsaved defaults for a municipality that never set any."""
        return cls.objects.filter(municipality=municipality).first() or cls(
            municipality=municipality
        )
