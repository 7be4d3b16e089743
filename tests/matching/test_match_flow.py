"""From a request on the board to help given: proposals with reasons, answering them, and who
sees contact details. The issue's done-when, through the views."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from matching.models import Match, MatchStatus, Notification, PostStatus
from matching.services.lifecycle import MatchError, expire_proposals, make_match, take_step
from matching.services.matching import propose_for_request, rematch_street, street_inputs
from matching.tasks import match_new_post
from tests.streets.factories import MembershipFactory

from .factories import HelpOfferFactory, HelpRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def helpers(world):
    """Three neighbours of street A who offer help with boodschappen on Tuesday mornings."""
    people = []
    for name, number in (("Henk", "14"), ("Ineke", "40"), ("Joop", "90")):
        user = MembershipFactory(
            street=world.street_a,
            user__first_name=name,
            user__phone=f"06-1234{number}",
            house_number=number,
        ).user
        HelpOfferFactory(street=world.street_a, author=user, availability=["1:ochtend"], capacity=1)
        people.append(user)
    return people


@pytest.fixture
def anna_asks(world):
    world.bewoner_a.phone = "010-7654321"
    world.bewoner_a.save()
    return HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, when_slots=["1:ochtend"]
    )


def test_a_new_request_is_proposed_to_the_nearest_helpers_with_dutch_reasons(
    world, helpers, anna_asks
):
    matches = propose_for_request(anna_asks.pk)

    assert [m.offer.author.first_name for m in matches] == ["Henk", "Ineke", "Joop"]
    # Anna lives at 12, Henk at 14: next door.
    assert matches[0].reasons == [
        {"code": "next_door"},
        {"code": "can_on", "slots": [[1, "ochtend"]]},
        {"code": "likes", "category": "boodschappen"},
    ]
    with translation.override("nl"):
        assert matches[0].reason_texts == [
            "woont hiernaast",
            "kan op dinsdagochtend",
            "helpt graag met boodschappen",
        ]
        assert "deuren verder" in " ".join(matches[1].reason_texts)
    assert Notification.objects.filter(user=helpers[0], kind="proposed").count() == 1


def test_running_the_job_twice_makes_no_duplicate_proposals(world, helpers, anna_asks):
    match_new_post(anna_asks.pk, "request", world.street_a.pk)
    match_new_post(anna_asks.pk, "request", world.street_a.pk)
    rematch_street(world.street_a.pk)

    assert Match.objects.filter(request=anna_asks).count() == 3
    assert Notification.objects.filter(kind="proposed").count() == 3


def test_a_helper_who_declined_is_not_asked_again_through_another_of_their_offers(
    world, helpers, anna_asks
):
    henk = helpers[0]
    HelpOfferFactory(street=world.street_a, author=henk, availability=["1:ochtend"], capacity=1)
    for match in propose_for_request(anna_asks.pk):
        take_step(match, "decline", match.offer.author, can_manage=False)
    newcomer = MembershipFactory(street=world.street_a, house_number="60").user
    HelpOfferFactory(street=world.street_a, author=newcomer, availability=["1:ochtend"])

    # Henk's second offer fits as well as his first, but he said no to Anna: only the newcomer
    # is asked, by the new-request job and by the nightly re-match alike.
    assert [m.offer.author for m in propose_for_request(anna_asks.pk)] == [newcomer]
    Match.objects.filter(offer__author=newcomer).update(status=MatchStatus.DECLINED)
    assert rematch_street(world.street_a.pk) == []
    assert not Match.objects.filter(offer__author=henk, status=MatchStatus.PROPOSED).exists()


def test_offers_of_another_street_are_never_proposed(world, anna_asks):
    stranger = MembershipFactory(street=world.street_b, house_number="13").user
    HelpOfferFactory(street=world.street_b, author=stranger, availability=["1:ochtend"])

    assert propose_for_request(anna_asks.pk) == []


def test_the_nightly_rematch_respects_each_helpers_capacity(world, helpers):
    requests = [
        HelpRequestFactory(
            street=world.street_a,
            author=MembershipFactory(street=world.street_a).user,
            when_slots=["1:ochtend"],
        )
        for _ in range(5)
    ]
    made = rematch_street(world.street_a.pk)
    assert len(made) == 3  # three helpers, capacity one each
    for match in made:
        take_step(match, "accept", match.offer.author, can_manage=False)
    # Everyone is busy now: another night proposes nothing more.
    assert rematch_street(world.street_a.pk) == []
    assert {m.request_id for m in made} <= {r.pk for r in requests}


def test_building_the_engine_input_takes_the_same_queries_for_10_or_50_posts(
    world, django_assert_num_queries
):
    def fill(n):
        for _ in range(n):
            member = MembershipFactory(street=world.street_a).user
            HelpOfferFactory(street=world.street_a, author=member)
            HelpRequestFactory(street=world.street_a, author=member)

    today = timezone.localdate()
    fill(10)
    with django_assert_num_queries(4):
        street_inputs(world.street_a.pk, today)
    fill(40)
    with django_assert_num_queries(4):
        inputs = street_inputs(world.street_a.pk, today)
    assert len(inputs.offers) == 50


def test_the_helper_accepts_in_the_browser_and_only_the_two_sides_see_contact_details(
    login, world, helpers, anna_asks, django_capture_on_commit_callbacks
):
    henk = helpers[0]
    match = propose_for_request(anna_asks.pk)[0]
    detail = reverse("matching:match_detail", args=[world.street_a.pk, match.pk])

    before = login(henk).get(detail).content.decode()
    assert "010-7654321" not in before
    assert "kan op dinsdagochtend" in before

    with django_capture_on_commit_callbacks(execute=True):
        response = login(henk).post(
            reverse("matching:match_step", args=[world.street_a.pk, match.pk, "accept"])
        )
    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.ACCEPTED

    assert "010-7654321" in login(henk).get(detail).content.decode()
    assert henk.phone in login(world.bewoner_a).get(detail).content.decode()
    assert any(world.bewoner_a.email in m.to for m in mail.outbox)
    # Nobody else: another helper who was proposed, a neighbour, another street.
    assert login(helpers[1]).get(detail).status_code == 404
    assert login(MembershipFactory(street=world.street_a).user).get(detail).status_code == 404
    assert login(world.gangmaker_b).get(detail).status_code == 403
    # The street's gangmaker may step in, and sees them.
    assert "010-7654321" in login(world.gangmaker_a).get(detail).content.decode()


@pytest.mark.parametrize("who", ["bewoner_a", "gangmaker_b", "outsider"])
def test_only_the_helper_or_a_gangmaker_can_answer_a_proposal(
    login, world, helpers, anna_asks, who
):
    match = propose_for_request(anna_asks.pk)[0]
    login(getattr(world, who)).post(
        reverse("matching:match_step", args=[world.street_a.pk, match.pk, "accept"])
    )
    match.refresh_from_db()
    assert match.status == MatchStatus.PROPOSED


def test_declining_asks_for_confirmation_first(login, world, helpers, anna_asks):
    match = propose_for_request(anna_asks.pk)[0]
    client = login(helpers[0])
    url = reverse("matching:match_step", args=[world.street_a.pk, match.pk, "decline"])
    assert "U kunt niet helpen?" in client.post(url).content.decode()
    match.refresh_from_db()
    assert match.status == MatchStatus.PROPOSED
    client.post(url, {"confirmed": "1"})
    match.refresh_from_db()
    assert match.status == MatchStatus.DECLINED


def test_the_whole_life_of_a_match_ends_with_asking_whether_help_happened(
    login, world, helpers, anna_asks
):
    match = propose_for_request(anna_asks.pk)[0]
    take_step(match, "accept", helpers[0], can_manage=False)
    with pytest.raises(MatchError):
        take_step(match, "confirm", helpers[0], can_manage=False)  # the requester confirms
    take_step(match, "confirm", world.bewoner_a, can_manage=False)
    take_step(match, "done", world.bewoner_a, can_manage=False)

    anna_asks.refresh_from_db()
    assert anna_asks.status == PostStatus.CLOSED
    assert Notification.objects.filter(kind="done").count() == 2
    login(world.bewoner_a).post(
        reverse("matching:match_feedback", args=[world.street_a.pk, match.pk]), {"helped": "ja"}
    )
    match.refresh_from_db()
    assert match.requester_says_helped is True
    assert [e.status for e in match.events.all()] == ["proposed", "accepted", "confirmed", "done"]


def test_a_full_helper_cannot_accept_another_request(world, helpers, anna_asks):
    henk = helpers[0]
    first = propose_for_request(anna_asks.pk)[0]
    take_step(first, "accept", henk, can_manage=False)
    other = HelpRequestFactory(
        street=world.street_a, author=MembershipFactory(street=world.street_a).user
    )
    second = make_match(other, first.offer, world.gangmaker_a)
    with pytest.raises(MatchError, match="zoveel buren"):
        take_step(second, "accept", henk, can_manage=False)


def test_a_gangmaker_pairs_by_hand_but_not_across_streets(login, world, helpers, anna_asks):
    offer = helpers[0].help_posts.get().helpoffer
    response = login(world.gangmaker_a).post(
        reverse("matching:match_overview", args=[world.street_a.pk]),
        {"request": anna_asks.pk, "offer": offer.pk},
    )
    assert response.status_code == 302
    assert Match.objects.get(request=anna_asks, offer=offer).made_by == world.gangmaker_a

    foreign = HelpOfferFactory(street=world.street_b, author=world.bewoner_b)
    response = login(world.gangmaker_a).post(
        reverse("matching:match_overview", args=[world.street_a.pk]),
        {"request": anna_asks.pk, "offer": foreign.pk},
    )
    assert response.status_code == 200  # refused by the form: not a choice of this street
    assert not Match.objects.filter(offer=foreign).exists()


def test_the_gangmaker_sees_requests_that_found_no_helper(login, world, anna_asks):
    body = (
        login(world.gangmaker_a)
        .get(reverse("matching:match_overview", args=[world.street_a.pk]))
        .content.decode()
    )
    assert "Nog geen helper gevonden" in body
    assert "Anna" in body
    assert (
        login(world.bewoner_a)
        .get(reverse("matching:match_overview", args=[world.street_a.pk]))
        .status_code
        == 403
    )


def test_unanswered_proposals_expire(world, helpers, anna_asks):
    matches = propose_for_request(anna_asks.pk)
    assert expire_proposals(now=timezone.now() + datetime.timedelta(days=6)) == len(matches)
    assert set(Match.objects.values_list("status", flat=True)) == {MatchStatus.EXPIRED}
