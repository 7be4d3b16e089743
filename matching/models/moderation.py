"""Per-street board settings, reports by neighbours, and the log of every moderation step."""

import re

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from matching.choices import ModerationAction, ReportStatus

from .posts import HelpPost

DEFAULT_NEW_MEMBER_DAYS = 30

# A settings change is stored as what changed, not as a sentence: every reader of the log reads
# it in their own language (ModerationLog.shown_reason).
SETTINGS_CODE = "premoderate={premoderate} days={days}"
_SETTINGS_CODE = re.compile(r"premoderate=(on|off) days=(\d+)")


def settings_code(premoderate_new_members: bool, new_member_days: int) -> str:
    return SETTINGS_CODE.format(
        premoderate="on" if premoderate_new_members else "off", days=int(new_member_days)
    )


class BoardSettings(models.Model):
    """How a street runs its board; made with the defaults the first time it is needed."""

    street = models.OneToOneField(
        "streets.StreetPage",
        verbose_name=_("straat"),
        on_delete=models.CASCADE,
        related_name="board_settings",
    )
    premoderate_new_members = models.BooleanField(
        _("berichten van nieuwe buren eerst goedkeuren"),
        default=False,
        help_text=_(
            "Een nieuwe buur is korter lid dan het aantal dagen hieronder en heeft nog geen "
            "bericht op het prikbord gehad. Berichten van gangmakers wachten nooit."
        ),
    )
    new_member_days = models.PositiveSmallIntegerField(
        _("nieuw gedurende (dagen)"),
        default=DEFAULT_NEW_MEMBER_DAYS,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
    )
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("instellingen van het prikbord")
        verbose_name_plural = _("instellingen van prikborden")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(new_member_days__gte=1, new_member_days__lte=365),
                name="boardsettings_new_member_days_range",
            ),
        ]

    def __str__(self):
        return f"Prikbord {self.street_id}"


class PostReport(models.Model):
    """A neighbour tells the gangmakers that a post does not belong on the board."""

    post = models.ForeignKey(
        HelpPost, verbose_name=_("bericht"), on_delete=models.CASCADE, related_name="reports"
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    reason = models.TextField(_("reden"), max_length=500)
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus.choices, default=ReportStatus.OPEN
    )
    created_at = models.DateTimeField(_("gemeld op"), default=timezone.now)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    handled_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("melding")
        verbose_name_plural = _("meldingen")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=ReportStatus.values), name="postreport_status_valid"
            ),
            # Reporting the same post twice adds nothing while the first report is open.
            models.UniqueConstraint(
                fields=["post", "reporter"],
                condition=models.Q(status=ReportStatus.OPEN),
                name="one_open_report_per_reporter",
            ),
        ]

    def __str__(self):
        return f"Melding {self.pk} over bericht {self.post_id}"


class ModerationLog(models.Model):
    """Who did what to which post, when and why. Rows are only ever added."""

    street = models.ForeignKey(
        "streets.StreetPage",
        verbose_name=_("straat"),
        on_delete=models.CASCADE,
        related_name="moderation_log",
    )
    post = models.ForeignKey(
        HelpPost,
        verbose_name=_("bericht"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="moderation_log",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("actie"), max_length=20, choices=ModerationAction.choices)
    reason = models.TextField(_("reden"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("op"), default=timezone.now)

    class Meta:
        verbose_name = _("moderatiestap")
        verbose_name_plural = _("moderatielogboek")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=ModerationAction.values),
                name="moderationlog_action_valid",
            ),
            # Only a settings change is about no post in particular.
            models.CheckConstraint(
                condition=models.Q(action=ModerationAction.SETTINGS_CHANGED)
                | models.Q(post__isnull=False),
                name="moderationlog_post_required",
            ),
        ]

    def __str__(self):
        return f"{self.get_action_display()} ({self.created_at:%Y-%m-%d})"

    @property
    def shown_reason(self) -> str:
        """The reason as the reader reads it: a settings change in the active language (rows
        written before it was stored as a code show their text as written)."""
        found = (
            _SETTINGS_CODE.fullmatch(self.reason)
            if self.action == ModerationAction.SETTINGS_CHANGED
            else None
        )
        if found is None:
            return self.reason
        days = {"days": int(found.group(2))}
        if found.group(1) == "on":
            return (
                gettext("nieuwe buren eerst goedkeuren: aan, nieuw gedurende %(days)d dagen") % days
            )
        return gettext("nieuwe buren eerst goedkeuren: uit (nieuw gedurende %(days)d dagen)") % days
