"""A street's application, the intake's log, the startpakket, the wish to be gangmaker, and
the coordinator's follow-up of quiet streets."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.languages import language_choices
from streets.postcodes import format_postcode

from .choices import ApplicationState, FollowUpOutcome, PackItem, RequestStatus


class StreetApplication(models.Model):
    """ "Ook een Lief & Leedstraat?": one per street, however many neighbours apply for it."""

    municipality = models.ForeignKey(
        "home.HomePage",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="street_applications",
    )
    wijk = models.ForeignKey(
        "streets.NeighbourhoodPage",
        verbose_name=_("wijk"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="street_applications",
    )
    street_name = models.CharField(_("straatnaam"), max_length=120)
    street_key = models.CharField(
        _("straatnaam genormaliseerd"), max_length=120, editable=False, db_index=True
    )
    postcodes = models.CharField(_("postcodes"), max_length=200, blank=True)
    house_numbers = models.CharField(_("huisnummers"), max_length=100, blank=True)
    motivation = models.TextField(_("waarom"), max_length=2000, blank=True)
    state = models.CharField(
        _("stand"),
        max_length=20,
        choices=ApplicationState.choices,
        default=ApplicationState.APPLIED,
    )
    state_reason = models.CharField(_("reden"), max_length=500, blank=True)
    state_changed_at = models.DateTimeField(_("stand sinds"), default=timezone.now)
    notes = models.TextField(_("notities"), max_length=5000, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    street = models.OneToOneField(
        "streets.StreetPage",
        verbose_name=_("gestarte straat"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="application",
    )
    started_at = models.DateTimeField(_("gestart op"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanmelding van een straat")
        verbose_name_plural = _("aanmeldingen van straten")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "street_key"], name="one_application_per_street"
            ),
            models.CheckConstraint(
                condition=models.Q(state__in=ApplicationState.values),
                name="application_state_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(state=ApplicationState.STARTED)
                | models.Q(street__isnull=False),
                name="started_application_has_street",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "state"])]

    def __str__(self):
        return self.street_name

    @property
    def postcode_list(self) -> list[str]:
        return [format_postcode(p.strip()) for p in self.postcodes.split(",") if p.strip()]


class Applicant(models.Model):
    """A neighbour who applied for the street (the first, or one who joined later)."""

    application = models.ForeignKey(
        StreetApplication,
        verbose_name=_("aanmelding"),
        on_delete=models.CASCADE,
        related_name="applicants",
    )
    name = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    house_number = models.CharField(_("huisnummer"), max_length=10)
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    told_started_at = models.DateTimeField(_("bericht over de start"), null=True, blank=True)
    # The language the site was in when they applied: their mails are written in it (an
    # account's own choice wins, programme.services.mail).
    language = models.CharField(
        _("taal"), max_length=8, choices=language_choices, default=settings.LANGUAGE_CODE
    )

    class Meta:
        verbose_name = _("aanmelder")
        verbose_name_plural = _("aanmelders")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(email="") | ~models.Q(phone=""),
                name="applicant_reachable",
            ),
        ]

    def __str__(self):
        return self.name


class GangmakerCandidate(models.Model):
    """Someone the applicants put forward as gangmaker; appointed when the street starts."""

    application = models.ForeignKey(
        StreetApplication,
        verbose_name=_("aanmelding"),
        on_delete=models.CASCADE,
        related_name="candidates",
    )
    name = models.CharField(_("naam"), max_length=120)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    house_number = models.CharField(_("huisnummer"), max_length=10, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    invited_at = models.DateTimeField(_("uitgenodigd op"), null=True, blank=True)
    # The language the site was in when the applicant put them forward: a new account made for them
    # (and its invitation) starts in it; an existing account keeps its own choice.
    language = models.CharField(
        _("taal"), max_length=8, choices=language_choices, default=settings.LANGUAGE_CODE
    )

    class Meta:
        verbose_name = _("kandidaat-gangmaker")
        verbose_name_plural = _("kandidaat-gangmakers")
        ordering = ["pk"]

    def __str__(self):
        return self.name


class StateChange(models.Model):
    """One step of the intake: who moved the application to which state, when and why."""

    application = models.ForeignKey(
        StreetApplication,
        verbose_name=_("aanmelding"),
        on_delete=models.CASCADE,
        related_name="changes",
    )
    from_state = models.CharField(
        _("van"), max_length=20, choices=ApplicationState.choices, blank=True
    )
    to_state = models.CharField(_("naar"), max_length=20, choices=ApplicationState.choices)
    note = models.CharField(_("toelichting"), max_length=500, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        verbose_name = _("stap van een aanmelding")
        verbose_name_plural = _("stappen van aanmeldingen")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.application} → {self.get_to_state_display()}"


class StarterPack(models.Model):
    """The startpakket of one street for one year: what goes to whom, sent when, received when."""

    street = models.ForeignKey(
        "streets.StreetPage",
        verbose_name=_("straat"),
        on_delete=models.CASCADE,
        related_name="starter_packs",
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    folder = models.BooleanField(PackItem.FOLDER.label, default=True)
    cards = models.BooleanField(PackItem.CARDS.label, default=True)
    street_map = models.BooleanField(PackItem.STREET_MAP.label, default=True)
    tips = models.BooleanField(PackItem.TIPS.label, default=True)
    recipient = models.CharField(_("aan wie"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)
    sent_on = models.DateField(_("verstuurd of afgegeven op"), null=True, blank=True)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("verstuurd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    received_at = models.DateTimeField(_("ontvangen op"), null=True, blank=True)
    received_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ontvangen door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("startpakket")
        verbose_name_plural = _("startpakketten")
        ordering = ["-year", "street__title"]
        constraints = [
            models.UniqueConstraint(fields=["street", "year"], name="one_starter_pack_per_year"),
        ]

    def __str__(self):
        return f"{self.street} {self.year}"

    def item_labels(self) -> list[str]:
        return [str(item.label) for item in PackItem if getattr(self, item.value)]


class GangmakerRequest(models.Model):
    """ "Ik wil gangmaker worden": a member offers; the street's gangmakers or coordinator decide."""

    membership = models.ForeignKey(
        "streets.StreetMembership",
        verbose_name=_("lid"),
        on_delete=models.CASCADE,
        related_name="gangmaker_requests",
    )
    motivation = models.TextField(_("toelichting"), max_length=1000, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    created_at = models.DateTimeField(_("gevraagd op"), default=timezone.now)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("verzoek om gangmaker te worden")
        verbose_name_plural = _("verzoeken om gangmaker te worden")
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["membership"],
                condition=models.Q(status="open"),
                name="one_open_gangmaker_request",
            ),
        ]

    def __str__(self):
        return f"{self.membership}"


class StreetFollowUp(models.Model):
    """The coordinator's log of a quiet street: who called whom, when, and how it went."""

    street = models.ForeignKey(
        "streets.StreetPage",
        verbose_name=_("straat"),
        on_delete=models.CASCADE,
        related_name="follow_ups",
    )
    called_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    gangmaker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gangmaker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    contact_name = models.CharField(_("gesproken met"), max_length=120)
    called_on = models.DateField(_("wanneer"))
    outcome = models.CharField(_("uitkomst"), max_length=20, choices=FollowUpOutcome.choices)
    note = models.TextField(_("toelichting"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("vastgelegd op"), default=timezone.now)

    class Meta:
        verbose_name = _("opvolging van een stille straat")
        verbose_name_plural = _("opvolging van stille straten")
        ordering = ["-called_on", "-pk"]
        indexes = [models.Index(fields=["street", "called_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(outcome__in=FollowUpOutcome.values),
                name="follow_up_outcome_valid",
            ),
        ]

    def __str__(self):
        return f"{self.street} {self.called_on}"
