"""A neighbour's safety net in one street: consent, spare keys, emergency contacts, reads."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models.pages import StreetPage
from .choices import ContactKind, ReadPurpose, SafetyConsentMethod


class SafetyNet(models.Model):
    """One person's consent to keep spare keys and emergency contacts in one street.

    Everything else hangs from this row: withdrawing consent deletes it, and the keys,
    contacts and read log go with it (CASCADE).
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("buur"),
        on_delete=models.CASCADE,
        related_name="safety_nets",
    )
    street = models.ForeignKey(
        StreetPage, verbose_name=_("straat"), on_delete=models.CASCADE, related_name="safety_nets"
    )
    consent_at = models.DateTimeField(_("toestemming gegeven op"), default=timezone.now)
    consent_method = models.CharField(
        _("toestemming gegeven"), max_length=20, choices=SafetyConsentMethod.choices
    )
    consent_recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("toestemming genoteerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("sleutels en noodcontacten")
        verbose_name_plural = _("sleutels en noodcontacten")
        constraints = [
            models.UniqueConstraint(fields=["person", "street"], name="one_safety_net_per_street"),
            models.CheckConstraint(
                condition=Q(consent_method__in=SafetyConsentMethod.values),
                name="safety_net_consent_method_valid",
            ),
        ]

    def __str__(self):
        return f"{_('Sleutels en noodcontacten')} #{self.pk}"


class SpareKey(models.Model):
    """Who keeps a spare key of the person's home: a neighbour member, or a named holder
    outside the site (the beheercommissie, a caretaker)."""

    net = models.ForeignKey(
        SafetyNet, verbose_name=_("vangnet"), on_delete=models.CASCADE, related_name="spare_keys"
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("buur die de sleutel bewaart"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="spare_keys_held",
    )
    holder_name = models.CharField(
        _("andere bewaarder"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: de beheercommissie van de flat."),
    )
    created_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    class Meta:
        verbose_name = _("reservesleutel")
        verbose_name_plural = _("reservesleutels")
        ordering = ["created_at"]
        constraints = [
            # Exactly one holder: a neighbour on the site, or a name.
            models.CheckConstraint(
                condition=(Q(holder__isnull=False) & Q(holder_name=""))
                | (Q(holder__isnull=True) & ~Q(holder_name="")),
                name="spare_key_has_one_holder",
            ),
        ]

    def __str__(self):
        return f"{_('Reservesleutel')} #{self.pk}"

    @property
    def holder_display(self) -> str:
        return self.holder.get_full_name() if self.holder_id else self.holder_name


class EmergencyContact(models.Model):
    """Whom to call for the person: family, Thuiszorg, the huisarts."""

    net = models.ForeignKey(
        SafetyNet,
        verbose_name=_("vangnet"),
        on_delete=models.CASCADE,
        related_name="emergency_contacts",
    )
    kind = models.CharField(_("wie"), max_length=20, choices=ContactKind.choices)
    name = models.CharField(
        _("naam"), max_length=200, help_text=_("Bijvoorbeeld: dochter Ineke, of Thuiszorg West.")
    )
    phone = models.CharField(_("telefoonnummer"), max_length=30)
    created_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    class Meta:
        verbose_name = _("noodcontact")
        verbose_name_plural = _("noodcontacten")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=ContactKind.values), name="emergency_contact_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{_('Noodcontact')} #{self.pk}"


class SafetyNetRead(models.Model):
    """Someone other than the person looked at (or printed) their keys and contacts."""

    net = models.ForeignKey(
        SafetyNet, verbose_name=_("vangnet"), on_delete=models.CASCADE, related_name="reads"
    )
    reader = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bekeken door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    purpose = models.CharField(
        _("wat"), max_length=20, choices=ReadPurpose.choices, default=ReadPurpose.VIEW
    )
    read_at = models.DateTimeField(_("bekeken op"), default=timezone.now)

    class Meta:
        verbose_name = _("inzage in sleutels en noodcontacten")
        verbose_name_plural = _("inzagen in sleutels en noodcontacten")
        ordering = ["-read_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(purpose__in=ReadPurpose.values), name="safety_net_read_purpose_valid"
            ),
        ]

    def __str__(self):
        return f"{self.net} – {self.read_at:%Y-%m-%d %H:%M}"
