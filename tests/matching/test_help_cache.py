""" "Mijn hulp" is kept per person (matching/help_cache.py): the second visit asks the
database only for the session and the user, and every change shows on the next visit at once,
also those written without signals (bulk_create, bulk_update, update()). Nobody is served
another person's kept page, and its form carries the viewer's own CSRF token."""

import datetime
import re

import pytest
from django.middleware.csrf import _does_token_match
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from matching.choices import Category
from matching.models import Match, MatchStatus, Notification, RotaMoment
from matching.services.lifecycle import expire_proposals, take_step
from matching.services.matching import propose_for_request
from matching.services.rota import answer
from matching.signal_handlers import release_moments
from streets.services import leave_street
from tests.streets.factories import MembershipFactory

from .factories import HelpOfferFactory, HelpRequestFactory, evening_rota

pytestmark = pytest.mark.django_db

EVENINGS = [f"{day}:avond" for day in range(7)]
_TOKENS = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def people(world):
    """Anna asks for shopping; Henk and Ineke of her street offer it (and cook evenings)."""
    found = {"anna": world.bewoner_a}
    for name, number in (("henk", "14"), ("ineke", "40")):
        user = MembershipFactory(
            street=world.street_a, user__first_name=name.title(), house_number=number
        ).user
        HelpOfferFactory(
            street=world.street_a,
            author=user,
            categories=[Category.BOODSCHAPPEN, Category.MAALTIJD],
            availability=["1:ochtend", *EVENINGS],
            capacity=2,
        )
        found[name] = user
    found["otto"] = MembershipFactory(street=world.street_c, user__first_name="Otto").user
    return found


@pytest.fixture
def anna_asks(world):
    return HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, when_slots=["1:ochtend"]
    )


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _my_help(client, street) -> str:
    response = client.get(reverse("matching:my_help", args=[street.pk]))
    assert response.status_code == 200
    return response.text


def _match_of(helper, request) -> Match:
    return Match.objects.get(offer__author=helper, request=request)


def test_the_second_visit_asks_only_for_the_session(
    world, people, anna_asks, django_assert_num_queries
):
    propose_for_request(anna_asks.pk)
    henk = _client(people["henk"])
    first = _my_help(henk, world.street_a)
    # The user comes from the per-person cache too (accounts.backends.AccountBackend).
    with django_assert_num_queries(1):
        second = _my_help(henk, world.street_a)
    assert "Anna zoekt hulp bij boodschappen" in first
    assert _TOKENS.sub("", second) == _TOKENS.sub("", first)


def test_a_proposal_made_by_the_matching_service_shows_at_once(world, people, anna_asks):
    henk, anna = _client(people["henk"]), _client(people["anna"])
    assert "zoekt hulp" not in _my_help(henk, world.street_a)
    assert "kan u helpen" not in _my_help(anna, world.street_a)

    propose_for_request(anna_asks.pk)  # Match and Notification bulk_create: no signals

    page = _my_help(henk, world.street_a)
    assert "Anna zoekt hulp bij boodschappen" in page
    assert "Nieuw:" in page
    assert "Henk kan u helpen met boodschappen" in _my_help(anna, world.street_a)


def test_accepting_declining_and_closing_a_match_show_at_once(world, people, anna_asks):
    propose_for_request(anna_asks.pk)
    henk, ineke = _client(people["henk"]), _client(people["ineke"])
    assert "voorgesteld" in _my_help(henk, world.street_a)
    assert "voorgesteld" in _my_help(ineke, world.street_a)

    henks = take_step(_match_of(people["henk"], anna_asks), "accept", people["henk"], False)
    take_step(_match_of(people["ineke"], anna_asks), "decline", people["ineke"], False)
    assert "helper zegt ja" in _my_help(henk, world.street_a)
    assert "helper kan niet" in _my_help(ineke, world.street_a)

    # "done" closes the request with update() as well.
    take_step(henks, "done", people["anna"], False)
    assert "geholpen" in _my_help(henk, world.street_a)


def test_an_unanswered_proposal_that_expires_leaves_the_page_at_once(world, people, anna_asks):
    propose_for_request(anna_asks.pk)
    henk = _client(people["henk"])
    assert "Nog geen koppelingen" not in _my_help(henk, world.street_a)

    expire_proposals(now=timezone.now() + datetime.timedelta(days=30))  # update()

    # The news about the proposal stays; the match itself is gone.
    assert "Nog geen koppelingen" in _my_help(henk, world.street_a)


def test_marking_the_news_read_shows_at_once(world, people, anna_asks):
    propose_for_request(anna_asks.pk)
    henk = _client(people["henk"])
    assert "Nieuw:" in _my_help(henk, world.street_a)

    henk.post(reverse("matching:my_help", args=[world.street_a.pk]))  # update()

    page = _my_help(henk, world.street_a)
    assert "Nieuw:" not in page
    assert "Markeer als gelezen" not in page
    assert not Notification.objects.filter(user=people["henk"], read_at__isnull=True).exists()


def test_rota_moments_proposed_declined_and_freed_show_at_once(world, people):
    meals = HelpRequestFactory(
        street=world.street_a, author=people["anna"], category="maaltijd", when_slots=EVENINGS
    )
    henk, ineke = _client(people["henk"]), _client(people["ineke"])
    assert "Zorgrooster" not in _my_help(henk, world.street_a)
    assert "Zorgrooster" not in _my_help(ineke, world.street_a)

    # Moments made with bulk_create, proposed to helpers with bulk_update.
    rota = evening_rota(meals, by=world.gangmaker_a)
    assert "Zorgrooster voor Anna" in _my_help(henk, world.street_a)
    assert "Zorgrooster voor Anna" in _my_help(ineke, world.street_a)

    # Henk declines all his moments (update() and bulk_create): the rota is no longer his.
    mine = list(rota.moments.filter(helper=people["henk"]).values_list("pk", flat=True))
    assert answer(rota, people["henk"], accept=[], decline=mine) == (0, len(mine))
    assert "Zorgrooster voor Anna" not in _my_help(henk, world.street_a)

    # Ineke's moments are freed (update(), as when a helper leaves).
    assert release_moments(RotaMoment.objects.filter(helper=people["ineke"]))
    assert "Zorgrooster voor Anna" not in _my_help(ineke, world.street_a)


def test_a_partners_new_first_name_and_a_new_category_show_at_once(world, people, anna_asks):
    propose_for_request(anna_asks.pk)
    henk = _client(people["henk"])
    assert "Anna zoekt hulp bij boodschappen" in _my_help(henk, world.street_a)

    people["anna"].first_name = "Annemarie"
    people["anna"].save()
    assert "Annemarie zoekt hulp bij boodschappen" in _my_help(henk, world.street_a)

    anna_asks.category = Category.MAALTIJD
    anna_asks.save()
    assert "Annemarie zoekt hulp bij maaltijd" in _my_help(henk, world.street_a)


def test_a_member_who_left_is_never_served_their_kept_page(world, people, anna_asks):
    propose_for_request(anna_asks.pk)
    henk = _client(people["henk"])
    assert "Anna zoekt hulp" in _my_help(henk, world.street_a)

    leave_street(people["henk"].memberships.get(street=world.street_a))

    response = henk.get(reverse("matching:my_help", args=[world.street_a.pk]))
    assert response.status_code != 200
    assert "Anna zoekt hulp" not in response.text


def test_nobody_is_served_another_persons_kept_page(world, people, anna_asks):
    propose_for_request(anna_asks.pk)
    HelpRequestFactory(street=world.street_c, author=people["otto"])
    pages = {
        name: _my_help(_client(people[name]), world.street_a) for name in ("henk", "ineke", "anna")
    }
    assert "Anna zoekt hulp" in pages["henk"] and "Anna zoekt hulp" in pages["ineke"]
    assert "Henk kan u helpen" in pages["anna"] and "Ineke kan u helpen" in pages["anna"]
    # Each helper sees their own match only.
    henks = _match_of(people["henk"], anna_asks)
    ineke_s = _match_of(people["ineke"], anna_asks)
    assert reverse("matching:match_detail", args=[world.street_a.pk, henks.pk]) in pages["henk"]
    assert (
        reverse("matching:match_detail", args=[world.street_a.pk, ineke_s.pk]) not in pages["henk"]
    )
    assert (
        reverse("matching:match_detail", args=[world.street_a.pk, henks.pk]) not in pages["ineke"]
    )
    # A member of another street: their own (empty) page, nothing of street A.
    otto = _my_help(_client(people["otto"]), world.street_c)
    assert "Nog geen koppelingen" in otto
    assert "Anna" not in otto and "Henk" not in otto
    # And street A's page is not theirs.
    response = _client(people["otto"]).get(reverse("matching:my_help", args=[world.street_a.pk]))
    assert response.status_code in (403, 404)


def test_the_read_button_on_a_kept_page_carries_the_viewers_own_csrf_token(
    world, people, anna_asks
):
    propose_for_request(anna_asks.pk)
    # Henk on his phone fills the kept part; on his laptop (another session, another CSRF
    # secret) he is served from it, with the laptop's token.
    for device in (_client(people["henk"]), _client(people["henk"])):
        page = _my_help(device, world.street_a)
        tokens = _TOKENS.findall(page)
        assert len(tokens) >= 2  # the chrome's forms and "Markeer als gelezen"
        for token in tokens:
            assert _does_token_match(token, device.cookies["csrftoken"].value)
    assert "Markeer als gelezen" in page
    assert str(MatchStatus.PROPOSED.label) in page
