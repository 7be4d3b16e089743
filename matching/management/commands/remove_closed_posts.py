"""Retention: remove help requests and offers that ended more than RETENTION_CLOSED_POSTS_DAYS ago.

Run daily by a django-q2 Schedule (declared in matching/schedules.py); people and cron can run
it too. Finished posts (closed, withdrawn, expired) are kept for a while so a
neighbour can renew or look back, then they go with their reports and moderation steps.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from matching.models import HelpPost, PostStatus

FINISHED = [PostStatus.CLOSED, PostStatus.WITHDRAWN, PostStatus.EXPIRED]


def remove_closed_posts(now=None) -> int:
    """Delete finished posts last changed before the retention period; returns how many."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=settings.RETENTION_CLOSED_POSTS_DAYS)
    with transaction.atomic():
        old = HelpPost.objects.filter(status__in=FINISHED, updated_at__lt=cutoff)
        count = old.count()
        old.delete()
    return count


class Command(BaseCommand):
    help = "Verwijdert afgeronde, ingetrokken en verlopen hulpvragen en hulpaanbod na de bewaartermijn."

    def handle(self, *args, **options):
        count = remove_closed_posts()
        self.stdout.write(f"{count} oude berichten verwijderd.")
