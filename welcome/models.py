"""A street's homes (kept by its gangmakers) and the welcomes still to give or given."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .choices import WelcomeOutcome, WelcomeSource
from .homes import parse_ranges


class StreetHomes(models.Model):
    """The house numbers of one street, as ranges ("1-39 oneven, 2-40 even, 14a")."""

    street = models.OneToOneField(
        "streets.StreetPage",
        verbose_name=_("straat"),
        on_delete=models.CASCADE,
        related_name="homes",
    )
    ranges = models.CharField(
        _("huisnummers"),
        max_length=500,
        help_text=_(
            "Reeksen en losse nummers, gescheiden door komma's: 1-39 oneven, 2-40 even, 14a"
        ),
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bijgewerkt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("bijgewerkt op"), default=timezone.now)

    class Meta:
        verbose_name = _("huisnummers van een straat")
        verbose_name_plural = _("huisnummers van straten")

    def __str__(self):
        return f"{self.street}: {self.ranges}"

    def numbers(self) -> list[str]:
        return parse_ranges(self.ranges)


class Welcome(models.Model):
    """A welcome to give: new neighbours at a house number, for the street's gangmakers.

    At most one per approved membership (approving twice makes no second), and at most one
    open per home (noting "nieuwe bewoners op nr. 14" again, or approving them, joins it).
    """

    street = models.ForeignKey(
        "streets.StreetPage",
        verbose_name=_("straat"),
        on_delete=models.CASCADE,
        related_name="welcomes",
    )
    house_number = models.CharField(_("huisnummer"), max_length=10)
    source = models.CharField(_("bron"), max_length=20, choices=WelcomeSource.choices)
    membership = models.ForeignKey(
        "streets.StreetMembership",
        verbose_name=_("lidmaatschap"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gemeld op"), default=timezone.now)
    done_at = models.DateTimeField(_("verwelkomd op"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verwelkomd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    outcome = models.CharField(
        _("hoe verwelkomd"), max_length=20, choices=WelcomeOutcome.choices, blank=True
    )
    expense = models.ForeignKey(
        "pot.Expense",
        verbose_name=_("attentie"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("welkom")
        verbose_name_plural = _("welkomsten")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership"],
                condition=Q(membership__isnull=False),
                name="one_welcome_per_membership",
            ),
            models.UniqueConstraint(
                fields=["street", "house_number"],
                condition=Q(done_at__isnull=True),
                name="one_open_welcome_per_home",
            ),
            models.CheckConstraint(
                condition=Q(source__in=WelcomeSource.values), name="welcome_source_valid"
            ),
            models.CheckConstraint(
                condition=Q(done_at__isnull=True, outcome="")
                | Q(done_at__isnull=False, outcome__in=WelcomeOutcome.values),
                name="welcome_done_has_outcome",
            ),
        ]

    def __str__(self):
        return f"{self.street} nr. {self.house_number}"

    @property
    def is_open(self) -> bool:
        return self.done_at is None
