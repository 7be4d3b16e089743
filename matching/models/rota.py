"""Care rotas: one neighbour's request for repeated care, split into moments and shared.

"Every evening a warm meal, for two weeks after the hospital": a CareRota belongs to one help
request and holds a RotaMoment per date and dagdeel. The engine (engine/rota.py) proposes who
takes which moment; a helper accepts or declines their moments, a gangmaker fills a gap by hand
or swaps two helpers. A helper who declined a moment is never proposed for it again
(RotaDecline). Who sees a rota: its helpers, its requester and the street's managers.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.choices import RotaMomentState
from matching.reasons import render_reasons
from streets.vocabulary import Dagdeel

MAX_ROTA_DAYS = 31


class CareRota(models.Model):
    street = models.ForeignKey("streets.StreetPage", on_delete=models.CASCADE, related_name="+")
    request = models.OneToOneField(
        "matching.HelpRequest", on_delete=models.CASCADE, related_name="rota"
    )
    first_day = models.DateField(_("eerste dag"))
    days = models.PositiveSmallIntegerField(
        _("aantal dagen"), validators=[MinValueValidator(1), MaxValueValidator(MAX_ROTA_DAYS)]
    )
    dagdelen = models.JSONField(_("dagdelen"), default=list)
    per_week = models.PositiveSmallIntegerField(
        _("hoogstens per helper per week"),
        default=2,
        validators=[MinValueValidator(1), MaxValueValidator(7)],
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("zorgrooster")
        verbose_name_plural = _("zorgroosters")

    def __str__(self):
        return f"{self.request_id}: {self.first_day} +{self.days}"


class RotaMoment(models.Model):
    rota = models.ForeignKey(CareRota, on_delete=models.CASCADE, related_name="moments")
    day = models.DateField(_("datum"))
    dagdeel = models.CharField(_("dagdeel"), max_length=10, choices=Dagdeel.choices)
    helper = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="rota_moments",
    )
    state = models.CharField(
        max_length=10, choices=RotaMomentState.choices, default=RotaMomentState.OPEN
    )
    # Why this helper was asked, as data rendered for each reader (matching/reasons.py):
    # [{"code": "takes", ...}, {"code": "next_door"}], or [{"code": "filled_by_gangmaker"}].
    reasons = models.JSONField(_("waarom deze buur"), default=list, blank=True)
    by_hand = models.BooleanField(default=False)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("moment van een zorgrooster")
        verbose_name_plural = _("momenten van zorgroosters")
        ordering = ["day", "dagdeel"]
        constraints = [
            models.UniqueConstraint(fields=["rota", "day", "dagdeel"], name="one_rota_moment"),
            models.CheckConstraint(
                condition=models.Q(state="open", helper__isnull=True)
                | (~models.Q(state="open") & models.Q(helper__isnull=False)),
                name="rota_moment_helper_matches_state",
            ),
        ]

    def __str__(self):
        return f"{self.day} {self.dagdeel}"

    @property
    def reason_texts(self) -> list[str]:
        """Why this helper was asked, in the active language."""
        return render_reasons(self.reasons)

    @property
    def dagdeel_order(self) -> int:
        return Dagdeel.values.index(self.dagdeel)


class RotaDecline(models.Model):
    """A helper said no to this moment: the engine does not ask them again for it."""

    moment = models.ForeignKey(RotaMoment, on_delete=models.CASCADE, related_name="declines")
    helper = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["moment", "helper"], name="one_rota_decline"),
        ]

    def __str__(self):
        return f"{self.moment_id}: {self.helper_id}"
