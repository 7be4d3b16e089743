"""A logged-in person's street page takes its route, the street, its view restrictions, the
gangmakers' section and one's own posts from what is kept per street version; each of them
follows a change at once, and nobody gets another person's."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction

from tests.matching.factories import HelpRequestFactory
from tests.streets.factories import GangmakerMembershipFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    response.queries = [q["sql"][:160] for q in queries.captured_queries]
    return response, len(queries)


def test_a_members_street_page_needs_only_the_session_user_and_restrictions(world):
    anna = _client(world.bewoner_a)
    url = world.street_a.url
    _get(anna, url)  # routes, and keeps the route, parts and roles
    _get(anna, url)  # from the kept route: keeps the street and its view restrictions
    response, queries = _get(anna, url)
    assert response.status_code == 200
    assert reverse("matching:board", args=[world.street_a.pk]) in response.text
    # The session (the user row is kept per person); the street's view restrictions are
    # checked by Wagtail's hook from the kept list (no query).
    assert queries <= 1, "\n".join(q[:90] for q in response.queries)


def test_board_and_my_help_need_few_queries_once_kept(world):
    anna = _client(world.bewoner_a)
    board = reverse("matching:board", args=[world.street_a.pk])
    my_help = reverse("matching:my_help", args=[world.street_a.pk])
    _get(anna, board)
    _get(anna, my_help)
    response, board_queries = _get(anna, board)
    assert response.status_code == 200
    response, help_queries = _get(anna, my_help)
    assert response.status_code == 200
    # Board: the session (user, street, parts and own posts kept). Mijn hulp: session, user,
    # matches, news and care rotas, which are one person's and read each time.
    assert board_queries <= 1, board_queries
    assert help_queries <= 5, help_queries


def test_a_moved_street_is_not_served_at_its_old_address(world):
    anna = _client(world.bewoner_a)
    old_url = world.street_a.url
    assert _get(anna, old_url)[0].status_code == 200
    world.street_a.move(world.street_c.get_parent(), pos="last-child")
    response = _get(anna, old_url)[0]
    # Not the page: Wagtail's redirect to where it moved (made by the move), or nothing.
    assert response.status_code in (301, 404), response.status_code
    if response.status_code == 301:
        world.street_a.refresh_from_db()
        assert response["Location"] == world.street_a.url


def test_an_unpublished_street_is_gone_for_members_at_once(world):
    anna = _client(world.bewoner_a)
    url = world.street_a.url
    board = reverse("matching:board", args=[world.street_a.pk])
    assert _get(anna, url)[0].status_code == 200
    assert _get(anna, board)[0].status_code == 200
    world.street_a.unpublish()
    assert _get(anna, url)[0].status_code == 404
    assert _get(anna, board)[0].status_code == 404


def test_a_new_view_restriction_above_the_street_applies_to_a_kept_route(world):
    from django.contrib.auth.models import Group

    anna = _client(world.bewoner_a)
    url = world.street_a.url
    assert _get(anna, url)[0].status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=world.street_a.get_parent(), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Alleen redactie"))
    response = _get(anna, url)[0]
    assert response.status_code in (302, 403), response.status_code
    restriction.delete()
    assert _get(anna, url)[0].status_code == 200


def test_a_renamed_street_shows_its_new_title_to_members_at_once(world):
    anna = _client(world.bewoner_a)
    board = reverse("matching:board", args=[world.street_a.pk])
    assert "Zwaanshals" in _get(anna, board)[0].text
    world.street_a.title = "Zwaanshals-Noord"
    world.street_a.save_revision().publish()
    assert "Zwaanshals-Noord" in _get(anna, board)[0].text
    assert "Zwaanshals-Noord" in _get(anna, world.street_a.url)[0].text


def test_own_posts_are_each_persons_own_and_follow_a_change(world):
    anna_user, karel_user = world.bewoner_a, MembershipFactory(street=world.street_a).user
    anna, karel = _client(anna_user), _client(karel_user)
    board = reverse("matching:board", args=[world.street_a.pk])
    _get(anna, board)
    _get(karel, board)
    post = HelpRequestFactory(street=world.street_a, author=anna_user, description="Anna's vraag")
    anna_page = _get(anna, board)[0].text
    karel_page = _get(karel, board)[0].text
    withdraw = reverse("matching:withdraw", args=[world.street_a.pk, post.pk])
    assert withdraw in anna_page
    assert withdraw not in karel_page
    post.status = "withdrawn"
    post.save()
    assert withdraw not in _get(anna, board)[0].text


def test_a_new_gangmaker_shows_in_the_kept_gangmakers_section(world):
    anna = _client(world.bewoner_a)
    url = world.street_a.url
    assert "Hendrik" not in _get(anna, url)[0].text
    GangmakerMembershipFactory(street=world.street_a, user__first_name="Hendrik")
    assert "Hendrik" in _get(anna, url)[0].text


def test_the_gangmakers_section_differs_for_members_and_others(world):
    """Street B has no gangmaker: members are offered to become one, others to sign up."""
    member = MembershipFactory(street=world.street_b).user
    become = reverse("programme:become_gangmaker", args=[world.street_b.pk])
    url = world.street_b.url
    assert become in _get(_client(member), url)[0].text
    assert become not in _get(_client(world.bewoner_a), url)[0].text
    assert become not in Client().get(url).text


def test_a_changed_municipality_contact_shows_in_kept_search_results_at_once(client, world):
    from home.models import MunicipalitySettings

    url = "/zoeken/?q=Nergensstraat"
    assert "nieuw@gemeente.example" not in client.get(url).text
    contact = MunicipalitySettings.for_site(world.home.get_site())
    contact.contact_email = "nieuw@gemeente.example"
    contact.save()
    assert "nieuw@gemeente.example" in client.get(url).text
    # And on a kept anonymous street page (its footer).
    assert "nieuw@gemeente.example" in client.get(world.street_a.url).text


def test_a_request_closed_after_the_help_was_given_leaves_the_kept_board(world):
    from matching.services.lifecycle import make_match, take_step
    from tests.matching.factories import HelpOfferFactory

    helper = MembershipFactory(street=world.street_a).user
    request = HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, description="Boodschappen graag"
    )
    offer = HelpOfferFactory(street=world.street_a, author=helper)
    match = make_match(request, offer, world.gangmaker_a)
    take_step(match, "accept", helper, can_manage=False)
    karel = _client(MembershipFactory(street=world.street_a).user)
    board = reverse("matching:board", args=[world.street_a.pk])
    assert "Boodschappen graag" in _get(karel, board)[0].text
    take_step(match, "done", helper, can_manage=False)
    assert "Boodschappen graag" not in _get(karel, board)[0].text
