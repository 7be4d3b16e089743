"""What the database itself refuses, whatever code tries to save."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from matching.models import (
    HelpPost,
    ModerationLog,
    PostReport,
    PostStatus,
    validate_categories,
    validate_slots,
)

from .factories import HelpOfferFactory, HelpRequestFactory

pytestmark = pytest.mark.django_db


def _refused(**changes):
    with pytest.raises(IntegrityError), transaction.atomic():
        HelpPost.objects.filter(pk=HelpPost.objects.first().pk).update(**changes)


def test_a_post_cannot_have_an_unknown_status_or_kind(world):
    HelpRequestFactory(street=world.street_a, author=world.bewoner_a)
    _refused(status="gewist")
    _refused(kind="advert")


def test_an_open_post_always_knows_since_when_it_is_on_the_board(world):
    HelpRequestFactory(street=world.street_a, author=world.bewoner_a, status=PostStatus.PENDING)
    _refused(status=PostStatus.OPEN)


def test_an_offer_helps_between_one_and_five_neighbours_at_once(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        HelpOfferFactory(street=world.street_a, author=world.bewoner_a, capacity=0)
    with pytest.raises(IntegrityError), transaction.atomic():
        HelpOfferFactory(street=world.street_a, author=world.bewoner_a, capacity=50)


def test_a_request_has_a_known_category_and_urgency(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        HelpRequestFactory(street=world.street_a, author=world.bewoner_a, category="schoonmaken")
    with pytest.raises(IntegrityError), transaction.atomic():
        HelpRequestFactory(street=world.street_a, author=world.bewoner_a, urgency="nu!")


def test_a_neighbour_has_one_open_report_per_post(world):
    post = HelpRequestFactory(street=world.street_a, author=world.bewoner_a)
    PostReport.objects.create(post=post, reporter=world.gangmaker_a, reason="a")
    with pytest.raises(IntegrityError), transaction.atomic():
        PostReport.objects.create(post=post, reporter=world.gangmaker_a, reason="b")
    PostReport.objects.filter(post=post).update(status="dismissed")
    PostReport.objects.create(post=post, reporter=world.gangmaker_a, reason="c")


def test_a_log_entry_names_its_post_unless_it_is_about_the_settings(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        ModerationLog.objects.create(
            street=world.street_a, action="hidden", actor=world.gangmaker_a
        )
    ModerationLog.objects.create(
        street=world.street_a, action="settings_changed", actor=world.gangmaker_a
    )


@pytest.mark.parametrize(
    "value", ["1:ochtend", ["1:ochtend", "1:ochtend"], ["8:ochtend"], [["1", "ochtend"]]]
)
def test_slots_that_are_not_a_list_of_known_slots_do_not_validate(value):
    with pytest.raises(ValidationError):
        validate_slots(value)


@pytest.mark.parametrize("value", [[], ["schoonmaken"], ["tuin", "tuin"], "tuin"])
def test_categories_must_be_known_and_at_least_one(value):
    with pytest.raises(ValidationError):
        validate_categories(value)


def test_the_engine_reads_slots_as_pairs(world):
    offer = HelpOfferFactory(
        street=world.street_a, author=world.bewoner_a, availability=["0:middag", "4:avond"]
    )
    request = HelpRequestFactory(
        street=world.street_a,
        author=world.bewoner_a,
        needed_on=timezone.localdate(),
        when_slots=["2:ochtend"],
    )
    assert offer.slot_set == {(0, "middag"), (4, "avond")}
    assert request.slot_set == {(2, "ochtend")}
    assert not request.is_recurring


def test_the_sites_own_note_in_a_match_log_is_translated_for_the_reader_a_persons_is_not():
    from unittest import mock

    from matching.models import MatchEvent
    from matching.models.match import BY_HAND

    def english(msgid):  # a catalogue with this one message (the lead translates it later)
        return {"met de hand": "by hand"}.get(msgid, msgid)

    with mock.patch("matching.models.match.gettext", side_effect=english):
        assert MatchEvent(note=BY_HAND).shown_note == "by hand"
        assert MatchEvent(note="Belde haar op").shown_note == "Belde haar op"
