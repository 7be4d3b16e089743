"""The retention job removes finished help posts after the retention period, nothing else."""

from datetime import timedelta

from django.core.management import call_command
from django.utils import timezone
from django_q.models import Schedule

from matching.models import HelpPost, PostStatus
from tests.matching.factories import HelpRequestFactory


def test_finished_posts_older_than_the_period_go_and_open_or_recent_ones_stay(world, settings):
    settings.RETENTION_CLOSED_POSTS_DAYS = 365
    old_closed = HelpRequestFactory(street=world.street_a, status=PostStatus.CLOSED)
    old_open = HelpRequestFactory(street=world.street_a)
    recent_closed = HelpRequestFactory(street=world.street_a, status=PostStatus.WITHDRAWN)
    long_ago = timezone.now() - timedelta(days=400)
    HelpPost.objects.filter(pk__in=[old_closed.pk, old_open.pk]).update(updated_at=long_ago)

    call_command("remove_closed_posts")

    remaining = set(HelpPost.objects.values_list("pk", flat=True))
    assert remaining == {old_open.pk, recent_closed.pk}


def test_the_job_is_scheduled_daily(db):
    schedule = Schedule.objects.get(args="'remove_closed_posts'")
    assert schedule.schedule_type == Schedule.DAILY
