"""The board's rules, called directly: who may do what, what is logged, who is told."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone, translation

from matching.models import BoardSettings, HelpPost, HelpRequest, ModerationLog, PostStatus
from matching.services import board, board_queries
from matching.signals import post_opened
from streets.permissions import street_access
from tests.accounts.factories import OfflineUserFactory
from tests.streets.factories import MembershipFactory

from .factories import HelpOfferFactory, HelpRequestFactory, PostReportFactory

pytestmark = pytest.mark.django_db


def new_request(**fields):
    defaults = {
        "category": "boodschappen",
        "description": "Boodschappen",
        "when_slots": ["1:ochtend"],
        "valid_until": timezone.localdate() + datetime.timedelta(days=10),
    }
    return HelpRequest(**{**defaults, **fields})


@pytest.fixture
def opened():
    """Collects post_opened signals."""
    seen = []

    def receiver(sender, post_id, street_id, **kwargs):
        seen.append((sender.__name__, post_id, street_id))

    post_opened.connect(receiver)
    yield seen
    post_opened.disconnect(receiver)


def premoderate(street, days=30):
    BoardSettings.objects.update_or_create(
        street=street, defaults={"premoderate_new_members": True, "new_member_days": days}
    )


def test_a_post_goes_straight_on_the_board_and_announces_itself_after_the_commit(
    world, opened, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post = board.create_post(new_request(), world.street_a, world.bewoner_a, world.bewoner_a)
    assert post.status == PostStatus.OPEN and opened == []
    for callback in callbacks:
        callback()
    assert opened == [("HelpRequest", post.pk, world.street_a.pk)]


def test_with_premoderation_a_new_members_post_waits_and_announces_nothing(
    world, opened, django_capture_on_commit_callbacks
):
    premoderate(world.street_a)
    with django_capture_on_commit_callbacks(execute=True):
        post = board.create_post(new_request(), world.street_a, world.bewoner_a, world.bewoner_a)
    assert post.status == PostStatus.PENDING
    assert opened == []


def test_a_member_of_longer_standing_or_with_an_earlier_post_is_not_new(world):
    premoderate(world.street_a, days=30)
    membership = world.bewoner_a.memberships.get()
    membership.decided_at = timezone.now() - datetime.timedelta(days=31)
    membership.save()
    post = board.create_post(new_request(), world.street_a, world.bewoner_a, world.bewoner_a)
    assert post.status == PostStatus.OPEN

    neighbour = MembershipFactory(street=world.street_a).user
    HelpOfferFactory(
        street=world.street_a, author=neighbour, status=PostStatus.EXPIRED, opened_at=timezone.now()
    )
    post = board.create_post(new_request(), world.street_a, neighbour, neighbour)
    assert post.status == PostStatus.OPEN


def test_gangmakers_posts_and_posts_on_behalf_never_wait(world):
    premoderate(world.street_a)
    own = board.create_post(new_request(), world.street_a, world.gangmaker_a, world.gangmaker_a)
    offline = OfflineUserFactory()
    MembershipFactory(street=world.street_a, user=offline)
    for_neighbour = board.create_post(new_request(), world.street_a, offline, world.gangmaker_a)
    assert own.status == for_neighbour.status == PostStatus.OPEN
    assert for_neighbour.posted_by == world.gangmaker_a and for_neighbour.on_behalf


@pytest.mark.parametrize(
    ("author", "by"),
    [
        ("outsider", "outsider"),
        ("bewoner_b", "bewoner_b"),
        ("bewoner_a", "gangmaker_b"),
        ("gangmaker_a", "bewoner_a"),
    ],
)
def test_posting_outside_ones_street_or_for_someone_else_is_refused(world, author, by):
    with pytest.raises(board.BoardError):
        board.create_post(new_request(), world.street_a, getattr(world, author), getattr(world, by))
    assert not HelpPost.objects.exists()


def test_approving_opens_logs_and_tells_the_author(
    world, opened, django_capture_on_commit_callbacks
):
    post = HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, status=PostStatus.PENDING
    )
    with django_capture_on_commit_callbacks(execute=True):
        board.approve_post(post, world.gangmaker_a, "welkom")
    post.refresh_from_db()
    assert post.status == PostStatus.OPEN and post.opened_at
    assert opened == [("HelpRequest", post.pk, world.street_a.pk)]
    log = ModerationLog.objects.get()
    assert (log.action, log.actor, log.reason, log.post_id) == (
        "approved",
        world.gangmaker_a,
        "welkom",
        post.pk,
    )
    assert mail.outbox[0].to == [world.bewoner_a.email]


@pytest.mark.parametrize("who", ["bewoner_a", "gangmaker_b", "coordinator"])
def test_only_a_gangmaker_of_the_street_moderates(world, who):
    post = HelpRequestFactory(street=world.street_a, author=world.bewoner_a)
    pending = HelpRequestFactory(
        street=world.street_a,
        author=world.bewoner_a,
        status=PostStatus.PENDING,
        description="wacht",
    )
    report = PostReportFactory(post=post.helppost_ptr, reporter=world.gangmaker_a)
    by = getattr(world, who)
    for action in (
        lambda: board.hide_post(post, by, "weg"),
        lambda: board.approve_post(pending, by),
        lambda: board.dismiss_report(report, by),
        lambda: board.change_settings(world.street_a, by, True, 10),
    ):
        with pytest.raises(board.BoardError):
            action()
    assert ModerationLog.objects.count() == 0
    assert HelpPost.objects.get(pk=post.pk).status == PostStatus.OPEN


def test_hiding_closes_the_reports_and_restoring_puts_it_back(
    world, django_capture_on_commit_callbacks
):
    post = HelpRequestFactory(street=world.street_a, author=world.bewoner_a)
    report = PostReportFactory(post=post.helppost_ptr, reporter=world.gangmaker_a)
    with django_capture_on_commit_callbacks(execute=True):
        board.hide_post(post, world.gangmaker_a, "reclame")
        board.restore_post(post, world.gangmaker_a, "toch niet")
    report.refresh_from_db()
    assert report.status == "handled"
    assert HelpPost.objects.get(pk=post.pk).status == PostStatus.OPEN
    assert [e.action for e in ModerationLog.objects.order_by("pk")] == ["hidden", "restored"]
    assert [m.subject for m in mail.outbox] == [
        "Uw bericht op het prikbord van Zwaanshals is verborgen",
        "Uw bericht staat weer op het prikbord van Zwaanshals",
    ]


def test_a_post_cannot_be_reported_twice_by_the_same_neighbour_or_by_its_author(world):
    post = HelpRequestFactory(street=world.street_a, author=world.bewoner_a)
    board.report_post(post, world.gangmaker_a, "raar")
    with pytest.raises(board.BoardError):
        board.report_post(post, world.gangmaker_a, "nog steeds raar")
    with pytest.raises(board.BoardError):
        board.report_post(post, world.bewoner_a, "mijn eigen")
    with pytest.raises(board.BoardError):
        board.report_post(post, world.bewoner_b, "andere straat")


def test_only_the_author_or_the_gangmaker_of_an_offline_author_changes_a_post(world):
    post = HelpRequestFactory(street=world.street_a, author=world.bewoner_a)
    gangmaker_access = street_access(world.gangmaker_a, world.street_a)
    with pytest.raises(board.BoardError):
        board.withdraw_post(post, world.gangmaker_a, gangmaker_access)

    offline = OfflineUserFactory()
    MembershipFactory(street=world.street_a, user=offline)
    theirs = HelpRequestFactory(street=world.street_a, author=offline)
    board.withdraw_post(theirs, world.gangmaker_a, gangmaker_access)
    assert HelpPost.objects.get(pk=theirs.pk).status == PostStatus.WITHDRAWN


def test_a_post_that_expired_while_waiting_waits_again_when_renewed(world):
    premoderate(world.street_a)
    post = HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, status=PostStatus.EXPIRED, opened_at=None
    )
    renewed = board.renew_post(
        post, world.bewoner_a, street_access(world.bewoner_a, world.street_a)
    )
    assert renewed.status == PostStatus.PENDING


def test_settings_changes_are_logged_with_what_changed(world):
    board.change_settings(world.street_a, world.gangmaker_a, True, 14)
    assert board.settings_for(world.street_a).premoderate_new_members
    entry = ModerationLog.objects.get()
    assert entry.action == "settings_changed" and "14 dagen" in entry.shown_reason


def test_a_settings_change_reads_in_the_language_of_whoever_reads_the_log(world):
    with translation.override("tr"):  # the gangmaker who changes it reads Turkish
        board.change_settings(world.street_a, world.gangmaker_a, False, 21)
    entry = ModerationLog.objects.get()

    with translation.override("nl"):
        assert entry.shown_reason == (
            "nieuwe buren eerst goedkeuren: uit (nieuw gedurende 21 dagen)"
        )
    with translation.override("en"):
        english = entry.shown_reason
    assert "21" in english and "goedkeuren" not in english
    # A row written before the change keeps its text.
    entry.reason = "nieuwe buren eerst goedkeuren: aan, nieuw gedurende 30 dagen"
    assert entry.shown_reason == entry.reason


def test_the_public_counts_are_people_per_category_in_one_query(world, django_assert_num_queries):
    HelpOfferFactory(street=world.street_a, author=world.bewoner_a, categories=["tuin"])
    HelpOfferFactory(
        street=world.street_a,
        author=world.bewoner_a,
        categories=["tuin", "maaltijd"],
        description="tweede",
    )
    HelpOfferFactory(street=world.street_a, author=world.gangmaker_a, categories=["tuin"])
    HelpRequestFactory(street=world.street_a, author=world.bewoner_a, category="vervoer")
    HelpRequestFactory(street=world.street_a, author=world.gangmaker_a, status=PostStatus.PENDING)
    HelpOfferFactory(street=world.street_b, author=world.bewoner_b, categories=["maaltijd"])
    HelpOfferFactory(street=world.street_a, author=world.bewoner_b, categories=["computer"])

    with django_assert_num_queries(1):
        counts = board_queries.open_help_counts(world.street_a)

    # Bram is not a member of street A: his post there does not count.
    assert counts == {
        "offer": [("tuin", 2), ("maaltijd", 1)],
        "request": [("vervoer (arts, ziekenhuis)", 1)],
    }
