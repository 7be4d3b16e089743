"""Posts past their end date leave the board every night; their authors can renew them."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_q.models import Schedule

from matching.models import HelpPost, PostStatus
from tests.accounts.factories import OfflineUserFactory
from tests.streets.factories import MembershipFactory

from .factories import HelpOfferFactory, HelpRequestFactory

pytestmark = pytest.mark.django_db


def days_ago(n):
    return timezone.localdate() - datetime.timedelta(days=n)


def test_posts_past_their_end_date_expire_and_the_author_is_told_once(
    world, django_capture_on_commit_callbacks
):
    old = HelpRequestFactory(street=world.street_a, author=world.bewoner_a, valid_until=days_ago(1))
    waiting = HelpOfferFactory(
        street=world.street_a,
        author=world.bewoner_a,
        status=PostStatus.PENDING,
        valid_until=days_ago(3),
    )
    today = HelpOfferFactory(
        street=world.street_a, author=world.gangmaker_a, valid_until=days_ago(0)
    )
    withdrawn = HelpOfferFactory(
        street=world.street_a,
        author=world.gangmaker_a,
        status=PostStatus.WITHDRAWN,
        valid_until=days_ago(5),
        description="ingetrokken",
    )

    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_posts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_posts", stdout=open("/dev/null", "w"))  # noqa: SIM115

    status = dict(HelpPost.objects.values_list("pk", "status"))
    assert status[old.pk] == status[waiting.pk] == PostStatus.EXPIRED
    assert status[today.pk] == PostStatus.OPEN  # stands through its last day
    assert status[withdrawn.pk] == PostStatus.WITHDRAWN
    assert len(mail.outbox) == 2
    assert all(m.to == [world.bewoner_a.email] for m in mail.outbox)
    assert "met één klik" in mail.outbox[0].body


def test_an_offline_author_gets_no_mail_but_the_post_still_expires(
    world, django_capture_on_commit_callbacks
):
    offline = OfflineUserFactory()
    MembershipFactory(street=world.street_a, user=offline)
    post = HelpRequestFactory(street=world.street_a, author=offline, valid_until=days_ago(1))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_posts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert HelpPost.objects.get(pk=post.pk).status == PostStatus.EXPIRED
    assert mail.outbox == []


def test_a_daily_schedule_runs_the_expiry_command():
    schedule = Schedule.objects.get(name="prikbord: verlopen berichten")
    assert schedule.func == "django.core.management.call_command"
    assert schedule.args == "'expire_posts'"
    assert schedule.schedule_type == Schedule.DAILY
