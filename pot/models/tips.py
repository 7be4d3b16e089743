from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import HEALTH_OCCASIONS, Occasion, TipStatus


class Tip(models.Model):
    """A neighbour tells the street's gangmakers: "buurvrouw van nr. 7 is ziek"."""

    street = models.ForeignKey(
        "streets.StreetPage",
        verbose_name=_("straat"),
        on_delete=models.CASCADE,
        related_name="pot_tips",
    )
    occasion = models.CharField(_("aanleiding"), max_length=20, choices=Occasion.choices)
    about = models.CharField(
        _("over wie"),
        max_length=60,
        blank=True,
        help_text=_("Zonder volledige naam: “nr. 12”, “de buren op de hoek”."),
    )
    note = models.TextField(
        _("wat wilt u de gangmakers vertellen?"),
        max_length=500,
        blank=True,
        help_text=_("Kort is goed. Alleen de gangmakers van uw straat lezen dit."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("getipt door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("getipt op"), default=timezone.now)
    status = models.CharField(
        _("status"), max_length=20, choices=TipStatus.choices, default=TipStatus.OPEN
    )
    expense = models.ForeignKey(
        "pot.Expense",
        verbose_name=_("uitgave"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tips",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    text_removed_at = models.DateTimeField(_("tekst gewist op"), null=True, blank=True)

    class Meta:
        verbose_name = _("tip")
        verbose_name_plural = _("tips")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(occasion__in=Occasion.values), name="tip_occasion_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=TipStatus.values), name="tip_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(expense__isnull=True) | Q(status=TipStatus.HANDLED),
                name="tip_with_expense_is_handled",
            ),
        ]
        indexes = [models.Index(fields=["street", "status"])]

    def __str__(self):
        return f"{self.get_occasion_display()} – {self.about or self.street}"

    @property
    def is_about_health(self) -> bool:
        return self.occasion in HEALTH_OCCASIONS


class Reminder(models.Model):
    """A gentle nudge for the gangmakers on a date: "nr. 5 is terug uit het ziekenhuis"."""

    pot = models.ForeignKey(
        "pot.Pot", verbose_name=_("potje"), on_delete=models.CASCADE, related_name="reminders"
    )
    expense = models.ForeignKey(
        "pot.Expense",
        verbose_name=_("bij uitgave"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    occasion = models.CharField(_("aanleiding"), max_length=20, choices=Occasion.choices)
    due_on = models.DateField(_("herinner op"))
    text = models.CharField(
        _("herinnering"),
        max_length=300,
        blank=True,
        help_text=_("Bijvoorbeeld: “een jaar geleden overleed de man van nr. 12”."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gezet door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gezet op"), default=timezone.now)
    sent_at = models.DateTimeField(_("gemaild op"), null=True, blank=True)
    done_at = models.DateTimeField(_("afgerond op"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgerond door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text_removed_at = models.DateTimeField(_("tekst gewist op"), null=True, blank=True)

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(occasion__in=Occasion.values), name="reminder_occasion_valid"
            ),
        ]
        indexes = [models.Index(fields=["due_on", "sent_at"])]

    def __str__(self):
        return f"{self._meta.verbose_name} {self.due_on}"

    @property
    def is_about_health(self) -> bool:
        return self.occasion in HEALTH_OCCASIONS
