"""Who belongs to which street, and which staff look after which wijk or municipality."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..choices import JoinedVia, MemberRole, MembershipStatus
from .pages import NeighbourhoodPage, StreetPage


class StreetMembership(models.Model):
    """A person's place in one street: bewoner or gangmaker, from application to leaving."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("buur"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    street = models.ForeignKey(
        StreetPage, verbose_name=_("straat"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("rol"), max_length=20, choices=MemberRole.choices, default=MemberRole.BEWONER
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    house_number = models.CharField(
        _("huisnummer"), max_length=10, help_text=_("Met toevoeging, bijvoorbeeld 12a of 40-2")
    )
    joined_via = models.CharField(
        _("aangemeld"), max_length=20, choices=JoinedVia.choices, default=JoinedVia.WEBSITE
    )
    message = models.TextField(_("bericht aan de gangmakers"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_note = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ["street", "house_number"]
        constraints = [
            models.UniqueConstraint(fields=["user", "street"], name="one_membership_per_street"),
            models.CheckConstraint(
                condition=models.Q(role__in=MemberRole.values), name="membership_role_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=MembershipStatus.values),
                name="membership_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["street", "status", "role"])]

    def __str__(self):
        return f"{self.user} – {self.street} ({self.get_role_display()})"


class WelzijnAssignment(models.Model):
    """A welzijn professional looks after one wijk (aggregates and care signals only)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.CASCADE,
        related_name="welzijn_assignments",
    )
    neighbourhood = models.ForeignKey(
        NeighbourhoodPage,
        verbose_name=_("wijk"),
        on_delete=models.CASCADE,
        related_name="welzijn_assignments",
    )

    class Meta:
        verbose_name = _("welzijnsmedewerker van een wijk")
        verbose_name_plural = _("welzijnsmedewerkers van wijken")
        constraints = [
            models.UniqueConstraint(fields=["user", "neighbourhood"], name="one_welzijn_per_wijk"),
        ]

    def __str__(self):
        return f"{self.user} – {self.neighbourhood}"


class CoordinatorAssignment(models.Model):
    """A coordinator runs the programme of one municipality (a HomePage and its site)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coördinator"),
        on_delete=models.CASCADE,
        related_name="coordinator_assignments",
    )
    municipality = models.ForeignKey(
        "home.HomePage",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="coordinator_assignments",
    )

    class Meta:
        verbose_name = _("coördinator van een gemeente")
        verbose_name_plural = _("coördinatoren van gemeenten")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"], name="one_coordinator_per_municipality"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.municipality}"


class NationalCoordinatorAssignment(models.Model):
    """A national coordinator (the national organisation): figures across municipalities and
    the interest shown by new municipalities, never the personal data of any street."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("landelijk coördinator"),
        on_delete=models.CASCADE,
        related_name="national_coordinator_assignment",
    )
    created_at = models.DateTimeField(_("aangesteld op"), default=timezone.now)

    class Meta:
        verbose_name = _("landelijk coördinator")
        verbose_name_plural = _("landelijk coördinatoren")

    def __str__(self):
        return str(self.user)
