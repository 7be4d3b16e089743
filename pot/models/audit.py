from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import AuditAction


class AuditEntry(models.Model):
    """Who changed what in a street's pot, and when. Only added to, never edited.

    `details` holds amounts, states and ids, never the free text of tips and reminders: that
    text is personal and expires, the log does not.
    """

    street = models.ForeignKey(
        "streets.StreetPage",
        verbose_name=_("straat"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="pot_audit_entries",
    )
    municipality = models.ForeignKey(
        "home.HomePage",
        verbose_name=_("gemeente"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="pot_audit_entries",
        help_text=_("Bij een wijziging voor de hele gemeente, zoals de instellingen."),
    )
    pot = models.ForeignKey(
        "pot.Pot",
        verbose_name=_("potje"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="audit_entries",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("wat"), max_length=30, choices=AuditAction.choices)
    subject = models.CharField(_("waarover"), max_length=60, blank=True)
    details = models.JSONField(_("gegevens"), default=dict, blank=True)
    created_at = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        verbose_name = _("logregel potje")
        verbose_name_plural = _("logboek potjes")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["street", "created_at"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(street__isnull=False) | models.Q(municipality__isnull=False),
                name="audit_entry_has_a_place",
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()} {self.subject}"
