"""A match's page speaks to whoever reads it, and pairing by hand warns when days do not fit."""

import pytest
from django.urls import reverse

from matching.models import Match
from matching.services.lifecycle import make_match
from tests.streets.factories import MembershipFactory

from .factories import HelpOfferFactory, HelpRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def henk(world):
    return MembershipFactory(street=world.street_a, user__first_name="Henk").user


@pytest.fixture
def proposal(world, henk):
    """Gangmaker Gerda paired Anna's request with Henk's offer by hand."""
    offer = HelpOfferFactory(street=world.street_a, author=henk, availability=["1:ochtend"])
    request = HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, when_slots=["1:ochtend"]
    )
    return make_match(request, offer, world.gangmaker_a)


def detail(client, match):
    return client.get(reverse("matching:match_detail", args=[match.street_id, match.pk])).text


def test_the_gangmaker_who_paired_others_is_not_addressed_as_the_helper(login, world, proposal):
    page = detail(login(world.gangmaker_a), proposal)

    assert "Ja, ik help" not in page
    assert "Ik kan niet" not in page
    assert "Mijn hulp" not in page
    assert "Ja zeggen namens Henk" in page
    assert "Voorstel afwijzen" in page
    assert "U bekijkt deze koppeling als gangmaker" in page
    assert reverse("matching:match_overview", args=[world.street_a.pk]) in page


def test_the_helper_reads_what_saying_yes_does_not_that_they_wait_for_a_helper(
    login, henk, proposal
):
    page = detail(login(henk), proposal)

    assert "Ja, ik help" in page
    assert "Ik kan niet" in page
    assert "zodra de helper ja heeft gezegd" not in page
    assert "Zegt u ja, dan ziet u hoe u Anna bereikt" in page


def test_the_requester_waits_for_the_helper(login, world, proposal):
    page = detail(login(world.bewoner_a), proposal)

    assert "Contactgegevens ziet u zodra de helper ja heeft gezegd." in page
    assert "Ja, ik help" not in page


def test_declining_for_the_helper_asks_the_gangmaker_in_their_own_words(login, world, proposal):
    url = reverse("matching:match_step", args=[world.street_a.pk, proposal.pk, "decline"])
    page = login(world.gangmaker_a).get(url).text
    assert "Voorstel afwijzen?" in page
    assert "U kunt niet helpen?" not in page


@pytest.fixture
def mismatch(world, henk):
    """Henk can on Monday afternoons; Anna asks for Tuesday mornings."""
    offer = HelpOfferFactory(street=world.street_a, author=henk, availability=["0:middag"])
    request = HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, when_slots=["1:ochtend"]
    )
    return request, offer


def test_pairing_by_hand_warns_when_the_helpers_days_do_not_fit(login, world, mismatch):
    request, offer = mismatch
    client = login(world.gangmaker_a)
    url = reverse("matching:match_overview", args=[world.street_a.pk])

    response = client.post(url, {"request": request.pk, "offer": offer.pk})
    assert response.status_code == 200
    assert "de dagen passen niet" in response.text
    assert "Henk kan op maandag middag" in response.text
    assert "dinsdag ochtend" in response.text
    assert 'type="checkbox" name="despite_times"' in response.text
    assert not Match.objects.exists()

    response = client.post(url, {"request": request.pk, "offer": offer.pk, "despite_times": "on"})
    assert response.status_code == 302
    assert Match.objects.get().offer == offer


def test_a_dated_request_fits_a_helper_who_can_on_that_weekday(login, world, henk):
    import datetime

    tuesday = datetime.date(2030, 1, 1)  # a Tuesday
    offer = HelpOfferFactory(street=world.street_a, author=henk, availability=["1:avond"])
    request = HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, needed_on=tuesday, when_slots=[]
    )
    response = login(world.gangmaker_a).post(
        reverse("matching:match_overview", args=[world.street_a.pk]),
        {"request": request.pk, "offer": offer.pk},
    )
    assert response.status_code == 302
