"""Matches between a help request and a help offer of one street, and what they lead to.

A Match runs proposed → accepted (by the helper) → confirmed (by the requester, or the
gangmaker for a neighbour who is not online) → done, or ends declined / cancelled / expired.
Every change is a MatchEvent (who, when, why). Notifications are rows first: a unique key
per (match, kind, recipient) makes a retried task send nothing twice.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language, gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from accounts.languages import usable
from matching.choices import DigestFrequency, LocationStatus, MatchStatus
from matching.reasons import render_reasons

# A helper is busy with these; they count against the offer's capacity.
ACTIVE_STATUSES = (MatchStatus.ACCEPTED, MatchStatus.CONFIRMED)
# Still going: a new proposal for the same pair would be a duplicate.
LIVE_STATUSES = (MatchStatus.PROPOSED, MatchStatus.ACCEPTED, MatchStatus.CONFIRMED)
# Notes the site writes itself are stored as their Dutch msgid and translated for each reader
# (MatchEvent.shown_note); rows written before keep working, the text being the same.
BY_HAND = gettext_noop("met de hand")
SYSTEM_NOTES = frozenset({BY_HAND})


class Match(models.Model):
    street = models.ForeignKey(
        "streets.StreetPage",
        verbose_name=_("straat"),
        on_delete=models.CASCADE,
        related_name="matches",
    )
    request = models.ForeignKey(
        "matching.HelpRequest",
        verbose_name=_("hulpvraag"),
        on_delete=models.CASCADE,
        related_name="matches",
    )
    offer = models.ForeignKey(
        "matching.HelpOffer",
        verbose_name=_("hulpaanbod"),
        on_delete=models.CASCADE,
        related_name="matches",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=MatchStatus.choices, default=MatchStatus.PROPOSED
    )
    score = models.FloatField(_("score"), default=0)
    # Why this helper was proposed, as data rendered for each reader (matching/reasons.py):
    # [{"code": "doors_along", "doors": 3}, {"code": "likes", "category": "boodschappen"}].
    reasons = models.JSONField(_("waarom deze buur"), default=list, blank=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("met de hand gemaakt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leeg als de koppeling automatisch is voorgesteld."),
    )
    created_at = models.DateTimeField(_("voorgesteld op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    helper_says_helped = models.BooleanField(_("helper: hulp gegeven"), null=True, blank=True)
    requester_says_helped = models.BooleanField(_("buur: geholpen"), null=True, blank=True)

    class Meta:
        verbose_name = _("koppeling")
        verbose_name_plural = _("koppelingen")
        ordering = ["-created_at"]
        constraints = [
            # One pairing per request and offer, ever: a re-run never proposes it again.
            models.UniqueConstraint(fields=["request", "offer"], name="one_match_per_pair"),
            models.CheckConstraint(
                condition=models.Q(status__in=MatchStatus.values), name="match_status_valid"
            ),
        ]
        indexes = [models.Index(fields=["street", "status"])]

    def __str__(self):
        return f"#{self.request_id} ↔ #{self.offer_id} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    @property
    def contact_shared(self) -> bool:
        """Contact details are shared once the helper said yes, until the match ends badly."""
        return self.status in (MatchStatus.ACCEPTED, MatchStatus.CONFIRMED, MatchStatus.DONE)

    @property
    def reason_texts(self) -> list[str]:
        """Why this helper was proposed, in the active language."""
        return render_reasons(self.reasons)


class MatchEvent(models.Model):
    """One step in a match's life: the log the gangmaker reads when stepping in."""

    match = models.ForeignKey(Match, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(_("nieuwe status"), max_length=20, choices=MatchStatus.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField(_("toelichting"), max_length=500, blank=True)
    at = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        verbose_name = _("stap in een koppeling")
        verbose_name_plural = _("stappen in koppelingen")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.match_id}: {self.get_status_display()}"

    @property
    def shown_note(self) -> str:
        """The note as the reader reads it: the site's own notes (MatchEvent.SYSTEM_NOTES) in
        the active language, a person's note as they wrote it."""
        if self.note in SYSTEM_NOTES:
            return gettext(self.note)
        return self.note


class NotificationPreference(models.Model):
    """How often a member wants news that is not urgent by e-mail."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    digest = models.CharField(
        _("nieuws per e-mail"),
        max_length=10,
        choices=DigestFrequency.choices,
        default=DigestFrequency.DIRECT,
    )
    last_digest_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("voorkeur voor berichten")
        verbose_name_plural = _("voorkeuren voor berichten")

    def __str__(self):
        return f"{self.user_id}: {self.digest}"


def written_now() -> str:
    """The active language, as a site language (the default outside one)."""
    return usable(get_language())


class Notification(models.Model):
    """A message for one member, listed in the members' area and sent by e-mail.

    `emailed_at` stays empty until the mail went out: during quiet hours, for members who
    chose a digest, and for neighbours without e-mail (the gangmaker's printable list).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    street = models.ForeignKey("streets.StreetPage", on_delete=models.CASCADE, related_name="+")
    match = models.ForeignKey(
        Match, null=True, blank=True, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("soort"), max_length=30)
    text = models.CharField(_("bericht"), max_length=300)
    # The language `text` was written in: the recipient's at the time (each notification is
    # written under their language, accounts.languages.for_person). Taken when the row is made,
    # bulk_create included; pages mark the text with it (`{% written_lang %}`) when it differs.
    language = models.CharField(max_length=10, default=written_now, editable=False)
    urgent = models.BooleanField(default=False)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)
    # Set by the run that is sending the mail right now, so no other run sends it too; a claim
    # older than a task may live belongs to a run that was killed and is taken over.
    email_claimed_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("bericht aan een buur")
        verbose_name_plural = _("berichten aan buren")
        ordering = ["-created_at"]
        constraints = [
            # The outbox key: the same news about the same match reaches a person once.
            models.UniqueConstraint(
                fields=["match", "kind", "user"], name="one_notification_per_match_kind_user"
            ),
        ]
        indexes = [models.Index(fields=["user", "read_at"]), models.Index(fields=["emailed_at"])]

    def __str__(self):
        return self.text


class HomeLocation(models.Model):
    """Where a member lives, geocoded in the background; never looked up in a request."""

    membership = models.OneToOneField(
        "streets.StreetMembership", on_delete=models.CASCADE, related_name="home_location"
    )
    latitude = models.FloatField(null=True, blank=True)
    longitude = models.FloatField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=LocationStatus.choices, default=LocationStatus.PENDING
    )
    error = models.CharField(max_length=30, blank=True)
    geocoded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("woonadres (coördinaten)")
        verbose_name_plural = _("woonadressen (coördinaten)")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="found")
                | models.Q(latitude__isnull=False, longitude__isnull=False),
                name="found_location_has_coordinates",
            ),
        ]

    def __str__(self):
        return f"{self.membership_id}: {self.get_status_display()}"
