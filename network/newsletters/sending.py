"""Sending an issue: one Delivery row per recipient, sent in batches by django-q2.

The outbox, as matching's notifications keep it (matching/services/notifications.py), with
the same claim-and-lease:

1. `start_sending` writes the Dispatch (one per issue: a unique key, so a second click, a
   second editor or a retried request sends nothing) and every Delivery row (one per issue and
   address: a unique key) in one transaction, and enqueues a few batch tasks after the commit.
2. A batch (`send_batch`) claims up to BATCH_SIZE unsent rows with a token of its own
   (`SELECT … FOR UPDATE SKIP LOCKED` on PostgreSQL; SQLite's immediate transactions let one
   writer claim at a time), sends them one by one over one connection and marks each row sent
   right after the mail server accepted it. When rows are left it enqueues the next batch.
3. A claim holds for one task timeout (Q_CLUSTER["timeout"]): django-q2 kills a task that runs
   longer, so an older claim belongs to a dead batch and its unsent rows are claimed again.

What that guarantees when a worker is killed mid-send (SIGKILL, power loss):
- nobody is skipped: its claimed rows stay unsent; django-q2 hands the killed task out again
  after Q_CLUSTER["retry"] (longer than the lease), and the retried batch claims them; the
  hourly `send_newsletters` job picks up whatever is left after that (and after a mail server
  outage, when a batch releases its claim and stops);
- nobody gets it twice: a row is sent only by the batch holding its claim, and a sent row is
  never claimed again. The one exception no sender can close is a kill in the moment between
  the mail server accepting a message and the row being marked (one UPDATE): that one message
  goes again, with the same Message-ID (`Delivery.message_id`), so the receiving side can
  recognise it. `bench/fault_newsletter.py` kills a worker mid-send and counts every mail.
"""

import datetime
import logging
import smtplib
import uuid

from django.conf import settings
from django.core.mail import mailers
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone

from accounts.mail import MAIL_ERRORS

from . import mail
from .models import Delivery, Dispatch, NewsletterPage
from .recipients import recipients

logger = logging.getLogger(__name__)

BATCH_SIZE = 200
TASK = "network.tasks.send_newsletter_batch"


class AlreadySent(Exception):
    """The issue has been sent (or is being sent) already."""


def start_sending(issue: NewsletterPage, user) -> Dispatch:
    """Write the Dispatch and a Delivery per recipient, then enqueue the batches."""
    newsletter = issue.newsletter
    subject, body_html, body_text = mail.render_issue(issue)
    people = recipients(newsletter)
    with transaction.atomic():
        try:
            with transaction.atomic():
                dispatch = Dispatch.objects.create(
                    issue=issue,
                    started_by=user,
                    total=len(people),
                    subject=subject,
                    body_html=body_html,
                    body_text=body_text,
                )
        except IntegrityError as error:
            raise AlreadySent from error
        Delivery.objects.bulk_create(
            [
                Delivery(
                    dispatch=dispatch,
                    email=p.email,
                    name=p.name,
                    user_id=p.user_id,
                    language=p.language,
                )
                for p in people
            ],
            batch_size=500,
        )
        if not people:
            dispatch.finished_at = dispatch.started_at
            dispatch.save(update_fields=["finished_at"])
        else:
            transaction.on_commit(lambda: enqueue(dispatch.pk))
    logger.info("newsletter %s: sending to %s recipients", issue.pk, len(people))
    return dispatch


def enqueue(dispatch_id: int, batches: int | None = None) -> None:
    """Start `batches` chains of batches (default: one per worker)."""
    from django_q.tasks import async_task

    for _number in range(batches or settings.Q_CLUSTER.get("workers", 1)):
        async_task(TASK, dispatch_id)


def _lease() -> datetime.timedelta:
    return datetime.timedelta(seconds=settings.Q_CLUSTER["timeout"])


def _free(dispatch_id: int, now: datetime.datetime):
    """Rows nobody sends now: never claimed, or claimed by a batch that must be dead."""
    return Delivery.objects.filter(
        Q(claim__isnull=True) | Q(claimed_at__lt=now - _lease()),
        dispatch_id=dispatch_id,
        sent_at__isnull=True,
        failed_at__isnull=True,
    )


def claim_batch(dispatch_id: int, now: datetime.datetime | None = None) -> uuid.UUID | None:
    """Claim up to BATCH_SIZE free rows; the claim's token, or None when none were free."""
    now = now or timezone.now()
    token = uuid.uuid4()
    with transaction.atomic():
        ids = list(
            _free(dispatch_id, now)
            .order_by("pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:BATCH_SIZE]
        )
        if not ids:
            return None
        Delivery.objects.filter(pk__in=ids).update(claim=token, claimed_at=now)
    return token


def send_claimed(dispatch: Dispatch, token: uuid.UUID) -> int:
    """Send the rows of this claim, marking each right after the server accepted it."""
    issue = dispatch.issue
    newsletter = issue.newsletter
    rows = list(
        Delivery.objects.filter(claim=token, sent_at__isnull=True)
        .select_related("user")
        .order_by("pk")
    )
    sent = 0
    mailer = mailers.default
    mailer.open()
    try:
        for row in rows:
            message = mail.build_message(
                newsletter=newsletter,
                issue=issue,
                subject=dispatch.subject,
                body_html=dispatch.body_html,
                body_text=dispatch.body_text,
                email=row.email,
                name=row.name,
                user=row.user,
                language=row.language,
                message_id=row.message_id,
            )
            try:
                mailer.send_messages([message])
            except smtplib.SMTPRecipientsRefused:
                # This address is refused for good: never try it again.
                Delivery.objects.filter(pk=row.pk).update(failed_at=timezone.now())
                continue
            except MAIL_ERRORS as error:
                # The server is out of reach: the rest waits for the next run.
                Delivery.objects.filter(claim=token, sent_at__isnull=True).update(
                    claim=None, claimed_at=None
                )
                logger.warning(
                    "newsletter %s: mail server unreachable (%s), %s rows wait",
                    dispatch.issue_id,
                    type(error).__name__,
                    len(rows) - sent,
                )
                raise
            Delivery.objects.filter(pk=row.pk).update(sent_at=timezone.now())
            sent += 1
    finally:
        mailer.close()
    return sent


def send_batch(dispatch_id: int) -> int:
    """One batch of a dispatch; enqueues the next while rows are left. The number sent."""
    dispatch = Dispatch.objects.select_related("issue").filter(pk=dispatch_id).first()
    if dispatch is None or dispatch.finished_at:
        return 0
    token = claim_batch(dispatch_id)
    if token is None:
        finish_if_done(dispatch)
        return 0
    try:
        sent = send_claimed(dispatch, token)
    except MAIL_ERRORS:
        return 0
    if _free(dispatch_id, timezone.now()).exists():
        transaction.on_commit(lambda: enqueue(dispatch_id, batches=1))
    else:
        finish_if_done(dispatch)
    return sent


def finish_if_done(dispatch: Dispatch) -> None:
    if not dispatch.deliveries.filter(sent_at__isnull=True, failed_at__isnull=True).exists():
        Dispatch.objects.filter(pk=dispatch.pk, finished_at__isnull=True).update(
            finished_at=timezone.now()
        )


def resume_unfinished() -> int:
    """Enqueue a batch for every dispatch with free rows (the hourly job); how many."""
    now = timezone.now()
    resumed = 0
    for dispatch_id in Dispatch.objects.filter(finished_at__isnull=True).values_list(
        "pk", flat=True
    ):
        if _free(dispatch_id, now).exists():
            enqueue(dispatch_id, batches=1)
            resumed += 1
        else:
            finish_if_done(Dispatch.objects.get(pk=dispatch_id))
    return resumed


def progress(dispatch: Dispatch) -> dict:
    if dispatch.sent is not None:  # the recipients are forgotten; their counts were kept
        counts = {"sent": dispatch.sent, "failed": dispatch.failed or 0}
    else:
        counts = _counts(dispatch)
    return {**counts, "total": dispatch.total, "waiting": dispatch.total - sum(counts.values())}


def _counts(dispatch: Dispatch) -> dict:
    return dispatch.deliveries.aggregate(
        sent=Count("pk", filter=Q(sent_at__isnull=False)),
        failed=Count("pk", filter=Q(failed_at__isnull=False)),
    )


def forget_old_recipients(days: int, now=None) -> int:
    """Retention: `days` after a send finished, its delivery rows (an e-mail address each) go;
    the issue keeps how many were sent and how many failed. Returns the rows removed."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    removed = 0
    finished = Dispatch.objects.filter(finished_at__lt=cutoff, sent__isnull=True)
    for dispatch in finished.only("pk"):
        with transaction.atomic():
            counts = _counts(dispatch)
            Dispatch.objects.filter(pk=dispatch.pk).update(**counts)
            removed += dispatch.deliveries.all().delete()[0]
    return removed
