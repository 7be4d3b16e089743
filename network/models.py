"""The gangmakers' exchange (per municipality, and one national) and messages between
gangmakers sent through the site.

An author is shown by first name and street only; e-mail addresses are never shown. A topic
with `municipality` empty belongs to the national exchange. The municipality's coordinator
hides what does not belong there (hidden rows stay for the record, out of sight).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_BODY = 2000


class Topic(models.Model):
    municipality = models.ForeignKey(
        "home.HomePage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField(_("onderwerp"), max_length=120)
    body = models.TextField(_("uw vraag of tip"), max_length=MAX_BODY)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exchange_topics"
    )
    author_street = models.ForeignKey(
        "streets.StreetPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    last_activity_at = models.DateTimeField(default=timezone.now)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("onderwerp in de uitwisseling")
        verbose_name_plural = _("onderwerpen in de uitwisseling")
        ordering = ["-last_activity_at"]

    def __str__(self):
        return self.title


class Reply(models.Model):
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="replies")
    body = models.TextField(_("uw reactie"), max_length=MAX_BODY)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exchange_replies"
    )
    author_street = models.ForeignKey(
        "streets.StreetPage", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("reactie in de uitwisseling")
        verbose_name_plural = _("reacties in de uitwisseling")
        ordering = ["created_at"]

    def __str__(self):
        return f"{self.topic_id}: {self.body[:40]}"


class ExchangeReport(models.Model):
    """A participant reports a topic or a reply to the coordinator."""

    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="reports")
    reply = models.ForeignKey(
        Reply, null=True, blank=True, on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    reason = models.CharField(_("waarom"), max_length=500)
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("melding in de uitwisseling")
        verbose_name_plural = _("meldingen in de uitwisseling")

    def __str__(self):
        return f"{self.topic_id}/{self.reply_id}: {self.reason[:40]}"


class GangmakerMessage(models.Model):
    """A message from one gangmaker to another, delivered by the site: neither sees the
    other's e-mail address; the recipient answers through the site too."""

    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="sent_gangmaker_messages"
    )
    sender_street = models.ForeignKey(
        "streets.StreetPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="received_gangmaker_messages",
    )
    recipient_street = models.ForeignKey(
        "streets.StreetPage", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    body = models.TextField(_("uw bericht"), max_length=MAX_BODY)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bericht tussen gangmakers")
        verbose_name_plural = _("berichten tussen gangmakers")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.sender_id} → {self.recipient_id}"


class Audience(models.TextChoices):
    GANGMAKERS = "gangmakers", _("gangmakers")
    GANGMAKERS_WELZIJN = "gangmakers_welzijn", _("gangmakers en welzijn")
    STAFF = "staff", _("welzijn en coördinatoren")


class Meeting(models.Model):
    """A meeting above the street: for a wijk (its gangmakers), a municipality or the whole
    country (no municipality), organised by a coordinator."""

    municipality = models.ForeignKey(
        "home.HomePage", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    wijk = models.ForeignKey(
        "streets.NeighbourhoodPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("wijk"),
        help_text=_("Leeg: voor de hele gemeente."),
    )
    title = models.CharField(_("titel"), max_length=120)
    start = models.DateTimeField(_("begint"))
    end = models.DateTimeField(_("eindigt"))
    location = models.CharField(_("waar"), max_length=200)
    description = models.TextField(_("wat gaan we doen"), max_length=MAX_BODY, blank=True)
    audience = models.CharField(
        _("voor wie"), max_length=20, choices=Audience.choices, default=Audience.GANGMAKERS
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("bijeenkomst")
        verbose_name_plural = _("bijeenkomsten")
        ordering = ["start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__gt=models.F("start")), name="meeting_ends_after_start"
            ),
        ]

    def __str__(self):
        return self.title


class MeetingAttendance(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_attendances"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="one_meeting_attendance"),
        ]

    def __str__(self):
        return f"{self.meeting_id}: {self.user_id}"


# The newsletter's models live in their feature package; importing them here is how Django
# finds them under the app label `network`.
from .newsletters.models import (  # noqa: E402
    Delivery,
    Dispatch,
    NewsletterIndexPage,
    NewsletterPage,
    Subscriber,
)

__all__ = [
    "Audience",
    "Delivery",
    "Dispatch",
    "ExchangeReport",
    "GangmakerMessage",
    "Meeting",
    "MeetingAttendance",
    "NewsletterIndexPage",
    "NewsletterPage",
    "Reply",
    "Subscriber",
    "Topic",
]
