"""Care signals (zorgsignalen) from gangmakers to welzijn staff, and API tokens for exports.

The dashboard itself stores nothing: its figures are computed from the other apps' rows.
"""

import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.choices import Urgency

from .choices import ConsentMethod, SignalStatus

HAS_CONSENT = Q(consent_given_by__gt="", consent_at__isnull=False, consent_method__gt="")
HAS_EMERGENCY_REASON = Q(emergency_reason__gt="")
SUMMARY_WORDS = 8


class CareSignal(models.Model):
    """A gangmaker worries about a neighbour and asks the wijk's welzijn staff to look.

    Personal and health-adjacent: only the raising gangmaker and the welzijn staff of the
    street's wijk ever see one; never in exports, the API or a cache.
    """

    street = models.ForeignKey(
        "streets.StreetPage",
        verbose_name=_("straat"),
        on_delete=models.CASCADE,
        related_name="care_signals",
    )
    neighbour = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("buur"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="care_signals_about",
    )
    # A neighbour who is not a member of the street (found at the door while collecting
    # surveys): a name and a house number instead of an account.
    non_member_name = models.CharField(_("naam van de buur (geen lid)"), max_length=200, blank=True)
    non_member_house_number = models.CharField(
        _("huisnummer van de buur (geen lid)"), max_length=10, blank=True
    )
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="care_signals_raised",
    )
    concern = models.TextField(
        _("zorg"),
        max_length=1000,
        help_text=_("Kort en feitelijk: wat ziet u, sinds wanneer?"),
    )
    urgency = models.CharField(
        _("urgentie"), max_length=20, choices=Urgency.choices, default=Urgency.NORMAL
    )
    consent_given_by = models.CharField(
        _("toestemming gegeven door"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld: de buurvrouw zelf, haar dochter."),
    )
    consent_at = models.DateField(_("toestemming gegeven op"), null=True, blank=True)
    consent_method = models.CharField(
        _("toestemming gevraagd"), max_length=20, choices=ConsentMethod.choices, blank=True
    )
    emergency_reason = models.TextField(
        _("waarom geen toestemming gevraagd kon worden"),
        max_length=1000,
        blank=True,
        help_text=_("Alleen in een noodgeval, bijvoorbeeld: de buur doet niet meer open."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SignalStatus.choices, default=SignalStatus.OPEN
    )
    created_at = models.DateTimeField(_("gemeld op"), default=timezone.now)
    acknowledged_at = models.DateTimeField(_("in behandeling sinds"), null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("in behandeling bij"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgesloten door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    closing_message = models.TextField(
        _("bericht aan de gangmaker"),
        max_length=1000,
        blank=True,
        help_text=_("Wat de gangmaker mag weten, zonder medische details."),
    )

    class Meta:
        verbose_name = _("zorgsignaal")
        verbose_name_plural = _("zorgsignalen")
        ordering = ["-created_at"]
        constraints = [
            # About exactly one person: a member, or a named neighbour who is not one.
            models.CheckConstraint(
                condition=(
                    Q(neighbour__isnull=False, non_member_name="", non_member_house_number="")
                    | (
                        Q(neighbour__isnull=True)
                        & ~Q(non_member_name="")
                        & ~Q(non_member_house_number="")
                    )
                ),
                name="care_signal_about_member_or_named_non_member",
            ),
            # Never a signal about a neighbour without their consent, unless it is an emergency.
            models.CheckConstraint(
                condition=HAS_CONSENT | HAS_EMERGENCY_REASON,
                name="care_signal_has_consent_or_emergency_reason",
            ),
            models.CheckConstraint(
                condition=Q(status__in=SignalStatus.values), name="care_signal_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(urgency__in=Urgency.values), name="care_signal_urgency_valid"
            ),
            models.CheckConstraint(
                condition=Q(consent_method="") | Q(consent_method__in=ConsentMethod.values),
                name="care_signal_consent_method_valid",
            ),
            models.CheckConstraint(
                condition=Q(status=SignalStatus.OPEN) | Q(acknowledged_at__isnull=False),
                name="care_signal_acknowledged_has_date",
            ),
            models.CheckConstraint(
                condition=~Q(status=SignalStatus.CLOSED) | Q(closed_at__isnull=False),
                name="care_signal_closed_has_date",
            ),
        ]
        indexes = [models.Index(fields=["street", "status"])]

    def __str__(self):
        return f"{_('Zorgsignaal')} #{self.pk} – {self.street}"

    @property
    def about_name(self) -> str:
        return self.neighbour.get_full_name() if self.neighbour_id else self.non_member_name

    @property
    def is_about_non_member(self) -> bool:
        return self.neighbour_id is None

    @property
    def is_emergency(self) -> bool:
        return not self.consent_given_by and bool(self.emergency_reason)

    @property
    def summary(self) -> str:
        """A line for lists that tells two signals of one street apart: the concern's first
        words, leaving out every word with a digit in it (house numbers, phone numbers). The
        full text is on the signal's own page."""
        words = [word for word in self.concern.split() if not any(c.isdigit() for c in word)]
        if len(words) > SUMMARY_WORDS:
            return " ".join(words[:SUMMARY_WORDS]) + " …"
        return " ".join(words)


class CareSignalNote(models.Model):
    """A welzijn professional's note on a signal: for staff only, never shown to the street."""

    signal = models.ForeignKey(
        CareSignal, verbose_name=_("zorgsignaal"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("schrijver"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    text = models.TextField(_("notitie"), max_length=2000)
    created_at = models.DateTimeField(_("geschreven op"), default=timezone.now)

    class Meta:
        verbose_name = _("notitie bij een zorgsignaal")
        verbose_name_plural = _("notities bij zorgsignalen")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.signal} – {self.created_at:%Y-%m-%d}"


class WelzijnQuestion(models.Model):
    """A gangmaker asks the wijk's welzijn staff for advice, without names ("Ik maak me zorgen
    om een buurvrouw, wat kan ik doen?"). Kept apart from care signals: no neighbour, no
    consent, no personal data about anyone but the gangmaker asking."""

    street = models.ForeignKey(
        "streets.StreetPage",
        verbose_name=_("straat"),
        on_delete=models.CASCADE,
        related_name="welzijn_questions",
    )
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gesteld door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="welzijn_questions",
    )
    question = models.TextField(_("vraag"), max_length=1000)
    created_at = models.DateTimeField(_("gesteld op"), default=timezone.now)
    answer = models.TextField(_("antwoord"), max_length=2000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beantwoord door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)

    class Meta:
        verbose_name = _("vraag aan welzijn")
        verbose_name_plural = _("vragen aan welzijn")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(answer="") | Q(answered_at__isnull=False),
                name="welzijn_question_answer_has_date",
            ),
        ]

    def __str__(self):
        return f"{_('Vraag aan welzijn')} #{self.pk}"

    @property
    def is_answered(self) -> bool:
        return bool(self.answer)


def hash_token(raw: str) -> str:
    """Tokens are long and random, so a plain SHA-256 suffices (no slow password hash)."""
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """Read access to one municipality's aggregate figures for a reporting system.

    Only the hash is stored; the token itself is shown once, when a coordinator makes it.
    """

    municipality = models.ForeignKey(
        "home.HomePage",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="insights_api_tokens",
    )
    name = models.CharField(
        _("naam"),
        max_length=100,
        help_text=_("Waarvoor deze sleutel dient, bijvoorbeeld: BI-rapportage."),
    )
    token_hash = models.CharField(
        _("hash van de sleutel"), max_length=64, unique=True, editable=False
    )
    prefix = models.CharField(
        _("begin van de sleutel"),
        max_length=12,
        editable=False,
        help_text=_("Om hem te herkennen."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemaakt door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None
