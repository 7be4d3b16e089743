"""Telling neighbours about their matches: a list in the members' area, and e-mail.

A notification is a row first, written in the same transaction as the change it reports,
with a unique key per (match, kind, recipient): a task that runs twice finds the row and
sends nothing twice. E-mail waits during quiet hours (22:00-8:00, Amsterdam time) and for
members who chose a daily or weekly digest, unless it is urgent; `send_digests` sends what
waited, and also what could not go out because the mail server was unreachable or the
sending worker was killed. Neighbours without e-mail get nothing by mail: their gangmaker's
printable door list shows what to pass on.
"""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from accounts.languages import for_person, language_of
from accounts.mail import MAIL_ERRORS, send_to_user
from matching.choices import Urgency
from matching.models import DigestFrequency, Match, Notification, NotificationPreference

logger = logging.getLogger(__name__)

QUIET_FROM = datetime.time(22, 0)
QUIET_UNTIL = datetime.time(8, 0)
DIGEST_INTERVAL = {
    DigestFrequency.DAILY: datetime.timedelta(days=1),
    DigestFrequency.WEEKLY: datetime.timedelta(days=7),
}


def is_quiet(moment: datetime.datetime | None = None) -> bool:
    local = timezone.localtime(moment or timezone.now()).time()
    return local >= QUIET_FROM or local < QUIET_UNTIL


def match_news(match: Match, kind: str) -> list[tuple[object, str, bool]]:
    """(recipient, text, urgent) for each person this change of `match` concerns.

    The text is stored with the notification, written in the recipient's language
    (accounts.languages.language_of), not in that of whoever caused the change.
    """
    request, offer = match.request, match.offer
    requester, helper = request.author, offer.author
    urgent = request.urgency == Urgency.URGENT

    def say(recipient, message: str, urgent: bool):
        with for_person(recipient):
            names = {
                "requester": requester.first_name,
                "helper": helper.first_name,
                "category": request.get_category_display(),
            }
            return (recipient, _(message) % names, urgent)

    if kind == "proposed":
        return [
            say(
                helper,
                gettext_noop("%(requester)s zoekt hulp bij %(category)s. Kunt u helpen?"),
                urgent,
            )
        ]
    if kind == "accepted":
        return [say(requester, gettext_noop("%(helper)s wil u helpen met %(category)s."), True)]
    if kind == "confirmed":
        return [
            say(helper, gettext_noop("Afgesproken: u helpt %(requester)s met %(category)s."), False)
        ]
    if kind == "done":
        return [
            say(
                requester,
                gettext_noop("Is het gelukt met %(category)s? Laat het even weten."),
                False,
            ),
            say(
                helper, gettext_noop("Is het gelukt bij %(requester)s? Laat het even weten."), False
            ),
        ]
    if kind in ("cancelled_by_helper", "declined"):
        return [
            say(requester, gettext_noop("%(helper)s kan toch niet helpen met %(category)s."), False)
        ]
    if kind == "cancelled_by_requester":
        return [
            say(
                helper,
                gettext_noop("%(requester)s heeft geen hulp meer nodig bij %(category)s."),
                False,
            )
        ]
    return []


def notify_match(match: Match, kind: str) -> list[Notification]:
    """Write the notifications for a change of `match`; e-mail them after the commit."""
    created = []
    for user, text, urgent in match_news(match, kind):
        try:
            with transaction.atomic():
                notification = Notification.objects.create(
                    user=user,
                    street_id=match.street_id,
                    match=match,
                    kind=kind,
                    text=text,
                    language=language_of(user),  # the language match_news wrote `text` in
                    urgent=urgent,
                )
        except IntegrityError:
            continue  # this news about this match already reached this person
        created.append(notification)
        transaction.on_commit(lambda pk=notification.pk: enqueue_send(pk))
    return created


def enqueue_send(notification_id: int) -> None:
    from django_q.tasks import async_task

    async_task("matching.tasks.send_notification", notification_id)


def _preference(user) -> str:
    preference = (
        NotificationPreference.objects.filter(user=user).values_list("digest", flat=True).first()
    )
    return preference or DigestFrequency.DIRECT


def send_notification(notification_id: int, now: datetime.datetime | None = None) -> bool:
    """E-mail one notification now if the member wants it now; True if it was sent."""
    now = now or timezone.now()
    notification = (
        Notification.objects.select_related("user", "street", "match")
        .filter(pk=notification_id)
        .first()
    )
    if notification is None or notification.emailed_at or not notification.user.email:
        return False
    if not notification.urgent and (
        is_quiet(now) or _preference(notification.user) != DigestFrequency.DIRECT
    ):
        return False
    return _send([notification], now)


def _claim_lease() -> datetime.timedelta:
    # django-q2 kills a task that runs longer than its timeout: an older claim has no sender.
    return datetime.timedelta(seconds=settings.Q_CLUSTER["timeout"])


def _send(notifications: list[Notification], now: datetime.datetime) -> bool:
    """Claim, send, then mark as e-mailed; True if a mail went out.

    The claim keeps concurrent runs from sending the same rows. A run that cannot reach the
    mail server releases its claim; a run that is killed leaves one that expires after the
    lease. Either way the rows wait for the next run (`send_digests`, hourly). Only a run
    killed between the server's acceptance and the mark can send a row twice.
    """
    ids = [n.pk for n in notifications]
    claimed = Notification.objects.filter(
        Q(email_claimed_at__isnull=True) | Q(email_claimed_at__lt=now - _claim_lease()),
        pk__in=ids,
        emailed_at__isnull=True,
    ).update(email_claimed_at=now)
    if claimed != len(ids):
        notifications = list(
            Notification.objects.filter(
                pk__in=ids, email_claimed_at=now, emailed_at__isnull=True
            ).select_related("street")
        )
        if not notifications:
            return False
    mine = Notification.objects.filter(pk__in=[n.pk for n in notifications], email_claimed_at=now)
    user = notifications[0].user
    items = [
        {
            "text": n.text,
            "street": n.street.title,
            "url": settings.WAGTAILADMIN_BASE_URL + reverse("matching:my_help", args=[n.street_id]),
        }
        for n in notifications
    ]
    try:
        sent = send_to_user(
            user, "matching/email/notifications", {"items": items}, fail_silently=False
        )
    except MAIL_ERRORS:
        mine.update(email_claimed_at=None)
        logger.warning("%s notifications for user %s wait for the next run", len(items), user.pk)
        return False
    mine.update(emailed_at=now)
    return sent


def send_digests(now: datetime.datetime | None = None) -> int:
    """Send what waited: after quiet hours for everyone, daily or weekly for digest readers."""
    now = now or timezone.now()
    if is_quiet(now):
        return 0
    waiting = (
        Notification.objects.filter(
            emailed_at__isnull=True, user__email__isnull=False, user__is_active=True
        )
        .select_related("user", "street")
        .order_by("user_id", "created_at")
    )
    by_user: dict[int, list[Notification]] = {}
    for notification in waiting:
        by_user.setdefault(notification.user_id, []).append(notification)
    preferences = {
        p.user_id: p for p in NotificationPreference.objects.filter(user_id__in=by_user.keys())
    }
    sent = 0
    for user_id, notifications in by_user.items():
        preference = preferences.get(user_id)
        if preference and preference.digest in DIGEST_INTERVAL:
            due = (
                preference.last_digest_at is None
                or now - preference.last_digest_at >= DIGEST_INTERVAL[preference.digest]
            )
            if not due:
                continue
        if not _send(notifications, now):
            continue
        sent += 1
        # Only a digest that went out starts the next interval; a failed one is tried again.
        if preference and preference.digest in DIGEST_INTERVAL:
            preference.last_digest_at = now
            preference.save(update_fields=["last_digest_at"])
    logger.info("digests sent to %s members", sent)
    return sent
