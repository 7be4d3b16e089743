"""Tips from neighbours, reminders for the gangmakers, and forgetting what should be forgotten."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_q.tasks import async_task

from home.models import HomePage
from pot.choices import HEALTH_OCCASIONS, AuditAction, TipStatus
from pot.models import PotSettings, Reminder, Tip
from streets.models import StreetPage

from .audit import log
from .ledger import PotError


@transaction.atomic
def submit_tip(street: StreetPage, by, occasion: str, about: str = "", note: str = "") -> Tip:
    """A member tips the gangmakers; they get an e-mail that says only that there is a tip."""
    tip = Tip.objects.create(
        street=street, occasion=occasion, about=about, note=note, created_by=by
    )
    log(street, AuditAction.TIP_RECEIVED, actor=by, subject=f"tip #{tip.pk}", occasion=occasion)
    transaction.on_commit(lambda: async_task("pot.tasks.tell_gangmakers_of_tip", tip.pk))
    return tip


def _decide_tip(tip: Tip, by, status: str, action: str) -> Tip:
    tip = Tip.objects.select_for_update().get(pk=tip.pk)
    if tip.status != TipStatus.OPEN:
        raise PotError(_("Deze tip is al afgehandeld."))
    tip.status = status
    tip.decided_by = by
    tip.decided_at = timezone.now()
    tip.save(update_fields=["status", "decided_by", "decided_at"])
    log(tip.street, action, actor=by, subject=f"tip #{tip.pk}")
    return tip


@transaction.atomic
def mark_tip_handled(tip: Tip, by) -> Tip:
    """Handled without spending from the pot (a visit, a phone call)."""
    return _decide_tip(tip, by, TipStatus.HANDLED, AuditAction.TIP_HANDLED)


@transaction.atomic
def dismiss_tip(tip: Tip, by) -> Tip:
    return _decide_tip(tip, by, TipStatus.DISMISSED, AuditAction.TIP_DISMISSED)


@transaction.atomic
def complete_reminder(reminder: Reminder, by) -> Reminder:
    reminder = (
        Reminder.objects.select_for_update().select_related("pot__street").get(pk=reminder.pk)
    )
    if reminder.done_at is None:
        reminder.done_at = timezone.now()
        reminder.done_by = by
        reminder.save(update_fields=["done_at", "done_by"])
        log(
            reminder.pot.street,
            AuditAction.REMINDER_DONE,
            actor=by,
            pot=reminder.pot,
            subject=f"herinnering #{reminder.pk}",
        )
    return reminder


@transaction.atomic
def expire_sensitive_texts(now: datetime.datetime | None = None) -> int:
    """Wipe the free text of health tips and reminders older than the municipality allows.

    A tip counts from when it was given; a reminder from its date (it must live until then).
    The occasion stays, so the year's counts are unchanged. Returns how many were wiped.
    """
    now = now or timezone.now()
    wiped = 0
    for home in HomePage.objects.all():
        days = PotSettings.for_municipality(home).sensitive_text_days
        cutoff = now - datetime.timedelta(days=days)
        streets = StreetPage.objects.descendant_of(home)
        tips = Tip.objects.filter(
            street__in=streets,
            occasion__in=HEALTH_OCCASIONS,
            text_removed_at__isnull=True,
            created_at__lt=cutoff,
        )
        reminders = Reminder.objects.filter(
            pot__street__in=streets,
            occasion__in=HEALTH_OCCASIONS,
            text_removed_at__isnull=True,
            due_on__lt=timezone.localdate(cutoff),
        )
        for street_id in {
            *tips.values_list("street", flat=True),
            *reminders.values_list("pot__street", flat=True),
        }:
            street = StreetPage.objects.get(pk=street_id)
            log(street, AuditAction.TEXT_EXPIRED, subject=str(days))
        wiped += tips.update(note="", about="", text_removed_at=now)
        wiped += reminders.update(text="", text_removed_at=now)
    return wiped


def send_due_reminders(today: datetime.date | None = None) -> int:
    """Mark the reminders due by `today` as sent and e-mail each street's gangmakers a digest.

    Marking and enqueueing happen in one transaction per street, so a second run the same
    day sends nothing again. Returns the number of reminders sent.
    """
    today = today or timezone.localdate()
    due = Reminder.objects.filter(
        due_on__lte=today, sent_at__isnull=True, done_at__isnull=True, pot__street__live=True
    )
    sent = 0
    for street_id in sorted(set(due.values_list("pot__street", flat=True))):
        with transaction.atomic():
            ids = list(
                due.filter(pot__street=street_id).select_for_update().values_list("pk", flat=True)
            )
            Reminder.objects.filter(pk__in=ids).update(sent_at=timezone.now())
            transaction.on_commit(
                lambda street_id=street_id, ids=ids: async_task(
                    "pot.tasks.send_reminder_digest", street_id, ids
                )
            )
        sent += len(ids)
    return sent
