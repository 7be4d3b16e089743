"""The board and the member's street page are built from parts kept per street version plus
the per-person bits. Nobody sees another person's part, and a change shows at once."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.matching.factories import HelpOfferFactory, HelpRequestFactory
from tests.streets.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def street(world):
    """Two neighbours and a gangmaker of street A, each with a post; a member of street C."""
    anna, gerda = world.bewoner_a, world.gangmaker_a
    karel = MembershipFactory(street=world.street_a, user__first_name="Karel").user
    other = MembershipFactory(street=world.street_c, user__first_name="Otto").user
    posts = {
        "anna": HelpRequestFactory(street=world.street_a, author=anna, description="Anna vraagt"),
        "karel": HelpOfferFactory(street=world.street_a, author=karel, description="Karel biedt"),
        "gerda": HelpOfferFactory(street=world.street_a, author=gerda, description="Gerda biedt"),
        "otto": HelpRequestFactory(street=world.street_c, author=other, description="Otto vraagt"),
    }
    return world, {"anna": anna, "karel": karel, "gerda": gerda, "otto": other}, posts


def _client(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _report_link(world, post) -> str:
    return reverse("matching:report", args=[world.street_a.pk, post.pk])


def _board(client, world):
    response = client.get(reverse("matching:board", args=[world.street_a.pk]))
    assert response.status_code == 200
    return response.text


def test_each_member_is_offered_melden_on_the_others_posts_but_never_on_their_own(street):
    world, people, posts = street
    # Anna's visit fills the kept part; Karel and Gerda are served from it.
    pages = {name: _board(_client(people[name]), world) for name in ("anna", "karel", "gerda")}
    for name, page in pages.items():
        assert "not-for" not in page
        for author in ("anna", "karel", "gerda"):
            assert posts[author].description in page
            offered = _report_link(world, posts[author]) in page
            assert offered == (author != name), (name, author)
    # "Mijn berichten" is each person's own.
    assert 'id="own-title"' in pages["anna"]
    assert pages["anna"].count("Anna vraagt") == 2  # on the board and under "Mijn berichten"
    assert pages["karel"].count("Anna vraagt") == 1
    # Only the gangmaker gets the gangmaker's sections.
    assert 'id="offline-title"' in pages["gerda"]
    assert 'id="offline-title"' not in pages["anna"]
    assert 'id="offline-title"' not in pages["karel"]


def test_a_member_of_another_street_sees_nothing_of_this_board(street):
    world, people, posts = street
    _board(_client(people["anna"]), world)  # street A's part is kept
    otto = _client(people["otto"])
    assert otto.get(reverse("matching:board", args=[world.street_a.pk])).status_code == 403
    own = otto.get(reverse("matching:board", args=[world.street_c.pk])).text
    assert "Otto vraagt" in own
    assert "Anna vraagt" not in own
    assert "Karel biedt" not in own


def test_the_street_page_keeps_each_persons_tools_apart(street):
    world, people, posts = street
    url = world.street_a.url
    anna = _client(people["anna"]).get(url).text  # fills the kept public part
    gerda = _client(people["gerda"]).get(url).text
    otto = _client(people["otto"]).get(url).text
    moderation = reverse("matching:moderation", args=[world.street_a.pk])
    assert moderation in gerda
    assert moderation not in anna
    assert reverse("matching:board", args=[world.street_a.pk]) in anna
    assert reverse("matching:board", args=[world.street_a.pk]) not in otto
    assert reverse("streets:join", args=[world.street_a.pk]) in otto
    # The public part is the same for each of them.
    for page in (anna, gerda, otto):
        assert "Gerda" in page
        assert "Zwaanshals" in page


def test_a_new_post_and_a_changed_name_show_at_once(street):
    world, people, posts = street
    karel = _client(people["karel"])
    assert "Bea biedt" not in _board(karel, world)
    bea = MembershipFactory(street=world.street_a, user__first_name="Bea").user
    HelpOfferFactory(street=world.street_a, author=bea, description="Bea biedt")
    assert "Bea biedt" in _board(karel, world)

    people["anna"].first_name = "Annemarie"
    people["anna"].save()
    assert "Annemarie" in _board(karel, world)


def test_a_post_withdrawn_leaves_the_kept_board_at_once(street):
    world, people, posts = street
    karel = _client(people["karel"])
    assert "Anna vraagt" in _board(karel, world)
    post = posts["anna"]
    post.status = "withdrawn"
    post.save()
    assert "Anna vraagt" not in _board(karel, world)


def test_an_expired_post_leaves_the_kept_board_though_it_is_changed_by_update(street):
    import datetime

    from django.utils import timezone

    from matching.services.board import expire_posts

    world, people, posts = street
    karel = _client(people["karel"])
    assert "Anna vraagt" in _board(karel, world)
    expire_posts(timezone.localdate() + datetime.timedelta(days=365))
    assert "Anna vraagt" not in _board(karel, world)


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_a_kept_board_and_street_page_need_few_queries(street):
    world, people, posts = street
    board = reverse("matching:board", args=[world.street_a.pk])
    karel = _client(people["karel"])
    cold_board = _count(karel, board)
    cold_page = _count(karel, world.street_a.url)
    # Another member, parts and roles kept. The board: session, user, street, own posts. The
    # street page: session, user and Wagtail's routing (site, each level of the path, view
    # restrictions), which no part can skip.
    anna = _client(people["anna"])
    _count(anna, board)  # Anna's own roles are read once
    warm_board = _count(anna, board)
    _count(anna, world.street_a.url)
    warm_page = _count(anna, world.street_a.url)
    assert warm_board < cold_board
    assert warm_page < cold_page
    assert warm_board <= 4, warm_board
    # Wagtail's routing (about 8) and the gangmakers, whose section holds a per-person link.
    assert warm_page <= 11, warm_page
