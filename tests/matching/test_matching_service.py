"""The nightly re-match over many streets: its cost, its chunks, and what it promises on
the way (nothing twice, nothing across streets, mail only after the commit)."""

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from matching.choices import Urgency
from matching.models import Match, MatchEvent, Notification
from matching.services import matching
from tests.streets.factories import MembershipFactory, StreetPageFactory

from .factories import HelpOfferFactory, HelpRequestFactory

pytestmark = pytest.mark.django_db


def streets_with_a_helper_and_a_request(wijk, count: int, **request_fields) -> list:
    """`count` new streets, each with one helper and one neighbour asking for what they offer."""
    streets = []
    for _ in range(count):
        street = StreetPageFactory(parent=wijk)
        helper = MembershipFactory(street=street).user
        HelpOfferFactory(street=street, author=helper, availability=["1:ochtend"], capacity=1)
        asker = MembershipFactory(street=street).user
        HelpRequestFactory(street=street, author=asker, when_slots=["1:ochtend"], **request_fields)
        streets.append(street)
    return streets


def rematch_counting_queries() -> tuple[int, int]:
    """(proposals made, queries taken) by one nightly run."""
    with CaptureQueriesContext(connection) as queries:
        made = matching.rematch_all()
    return made, len(queries)


def test_the_nightly_rematch_takes_as_many_queries_for_50_streets_as_for_10(world):
    streets_with_a_helper_and_a_request(world.wijk, 10)
    made_for_10, queries_for_10 = rematch_counting_queries()

    streets_with_a_helper_and_a_request(world.wijk, 40)
    made_for_50, queries_for_50 = rematch_counting_queries()

    # The 10 streets of the first night have their proposals; the 40 new ones get theirs.
    assert (made_for_10, made_for_50) == (10, 40)
    assert queries_for_50 == queries_for_10


def test_streets_in_later_transactions_are_matched_too_and_never_across_streets(world, monkeypatch):
    monkeypatch.setattr(matching, "STREETS_PER_TRANSACTION", 3)
    streets = streets_with_a_helper_and_a_request(world.wijk, 7)

    assert matching.rematch_all() == 7
    matches = Match.objects.select_related("request", "offer")
    assert {m.street_id for m in matches} == {street.pk for street in streets}
    for match in matches:
        assert match.request.street_id == match.offer.street_id == match.street_id
    assert MatchEvent.objects.count() == Notification.objects.count() == 7
    # The next night finds every request proposed: nothing twice.
    assert matching.rematch_all() == 0


def test_helpers_are_mailed_only_after_the_proposals_are_committed(
    world, django_capture_on_commit_callbacks
):
    # Urgent news goes out at once, also at night, so the mail does not depend on the hour.
    streets_with_a_helper_and_a_request(world.wijk, 2, urgency=Urgency.URGENT)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        assert matching.rematch_all() == 2
    assert Notification.objects.filter(kind="proposed", emailed_at=None).count() == 2
    assert mail.outbox == []

    for callback in callbacks:
        callback()
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        Notification.objects.values_list("user__email", flat=True)
    )
    assert Notification.objects.filter(emailed_at=None).count() == 0


def test_a_pair_a_parallel_run_stored_first_is_neither_repeated_nor_announced_again(
    world, monkeypatch
):
    (street,) = streets_with_a_helper_and_a_request(world.wijk, 1)
    request = street.help_posts.get(kind="request")
    read_before = matching.street_inputs(street.pk, timezone.localdate())
    # Between the night run's reading and writing, the new-request task proposes the pair.
    assert len(matching.propose_for_request(request.pk)) == 1
    monkeypatch.setattr(matching, "streets_inputs", lambda ids, today: {street.pk: read_before})

    assert matching.rematch_street(street.pk) == []
    assert Match.objects.count() == MatchEvent.objects.count() == 1
    assert Notification.objects.count() == 1


def test_matches_are_not_kept_when_their_notifications_cannot_be_written(world, monkeypatch):
    (street,) = streets_with_a_helper_and_a_request(world.wijk, 1)

    def disk_full(rows):
        raise RuntimeError("the notifications could not be written")

    monkeypatch.setattr(Notification.objects, "bulk_create", disk_full)
    with pytest.raises(RuntimeError):
        matching.rematch_street(street.pk)
    assert not Match.objects.exists()
    assert not MatchEvent.objects.exists()
