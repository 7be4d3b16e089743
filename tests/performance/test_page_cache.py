"""The anonymous street page comes from the cache, and never outlives a change."""

import re
from urllib.parse import urlsplit

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageViewRestriction, Site

from streets import page_cache
from streets.choices import MemberRole
from streets.models import EventException
from tests.matching.factories import HelpOfferFactory
from tests.streets.factories import EventPageFactory, GangmakerMembershipFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def visit(client, street):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(street.url)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


def test_a_second_anonymous_visit_is_served_from_the_cache_without_any_query(
    client, world, django_assert_num_queries
):
    url = world.street_a.url
    client.get(url)
    with django_assert_num_queries(0):
        response = client.get(url)
    assert response.status_code == 200
    assert "Zwaanshals" in response.content.decode()


def test_a_published_edit_of_the_street_shows_at_once(client, world):
    visit(client, world.street_a)
    world.street_a.intro = "<p>Nieuw: elke vrijdag soep.</p>"
    world.street_a.save_revision().publish()
    page, _ = visit(client, world.street_a)
    assert "elke vrijdag soep" in page


def test_a_renamed_wijk_shows_in_the_breadcrumb_at_once(client, world):
    visit(client, world.street_a)
    world.wijk.title = "Oude Noorden"
    world.wijk.save_revision().publish()
    page, _ = visit(client, world.street_a)
    assert "Oude Noorden" in page


def test_a_new_event_and_its_cancellation_show_at_once(client, world):
    visit(client, world.street_a)
    event = EventPageFactory(parent=world.street_a, title="Straatbarbecue", slug="bbq")
    page, _ = visit(client, world.street_a)
    assert "Straatbarbecue" in page
    event.title = "Straatbarbecue met muziek"
    event.save_revision().publish()
    page, _ = visit(client, world.street_a)
    assert "Straatbarbecue met muziek" in page
    event.unpublish()
    page, _ = visit(client, world.street_a)
    assert "Straatbarbecue" not in page


def test_a_cancelled_date_of_a_series_shows_at_once(client, world):
    event = EventPageFactory(parent=world.street_a, title="Liftkoffie", slug="koffie")
    before, _ = visit(client, world.street_a)
    EventException.objects.create(event=event, date=event.start.date(), kind="cancelled")
    after, _ = visit(client, world.street_a)
    assert after != before


def test_an_event_of_another_street_leaves_this_page_cached(client, world):
    visit(client, world.street_a)
    _, cached_queries = visit(client, world.street_a)
    EventPageFactory(parent=world.street_b, title="Bergweg borrel", slug="borrel")
    _, queries = visit(client, world.street_a)
    assert queries == cached_queries


def test_a_new_gangmaker_and_a_renamed_gangmaker_show_at_once(client, world):
    visit(client, world.street_a)
    GangmakerMembershipFactory(street=world.street_a, user__first_name="Henk")
    page, _ = visit(client, world.street_a)
    assert "Henk" in page
    world.gangmaker_a.first_name = "Geertje"
    world.gangmaker_a.save()
    page, _ = visit(client, world.street_a)
    assert "Geertje" in page


def test_a_gangmaker_stepping_down_disappears_at_once(client, world):
    visit(client, world.street_a)
    membership = world.gangmaker_a.memberships.get(street=world.street_a)
    membership.role = MemberRole.BEWONER
    membership.save()
    page, _ = visit(client, world.street_a)
    assert "Gerda" not in page


def test_new_help_on_the_board_changes_the_counts_at_once(client, world):
    before, _ = visit(client, world.street_a)
    helper = MembershipFactory(street=world.street_a, user__first_name="Ilse").user
    HelpOfferFactory(street=world.street_a, author=helper)
    after, _ = visit(client, world.street_a)
    assert after != before


def test_a_member_never_gets_the_anonymous_copy_and_anonymous_never_gets_theirs(
    client, login, world
):
    visit(client, world.street_a)
    member_page = login(world.bewoner_a).get(world.street_a.url)
    assert "Prikbord" in member_page.content.decode()
    client.logout()
    anonymous_page, _ = visit(client, world.street_a)
    assert "Prikbord" not in anonymous_page
    assert "Aanmelden voor deze straat" in anonymous_page


def test_the_forms_on_a_cached_page_carry_this_visitors_csrf_token(world):
    Client().get(world.street_a.url)  # someone else fills the cache
    visitor = Client(enforce_csrf_checks=True)
    page = visitor.get(world.street_a.url).content.decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = visitor.post("/taal/", {"csrfmiddlewaretoken": token, "language": "en", "next": "/"})
    assert response.status_code == 302


def test_a_query_string_is_not_cached(client, world):
    visit(client, world.street_a)
    with CaptureQueriesContext(connection) as uncached:
        client.get(world.street_a.url + "?x=1")
    with CaptureQueriesContext(connection) as again:
        client.get(world.street_a.url + "?x=1")
    _, cached_queries = visit(client, world.street_a)
    assert len(again) == len(uncached) > cached_queries


def csrf_token_in(page: str) -> str:
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)


def test_a_token_from_another_visitors_copy_of_the_page_is_refused(world):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_token = csrf_token_in(first.get(world.street_a.url).content.decode())
    second_token = csrf_token_in(second.get(world.street_a.url).content.decode())
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    form = {"language": "en", "next": "/"}
    refused = second.post("/taal/", {**form, "csrfmiddlewaretoken": first_token})
    accepted = second.post("/taal/", {**form, "csrfmiddlewaretoken": second_token})
    assert refused.status_code == 403
    assert accepted.status_code == 302


def test_an_unpublished_street_is_not_served_from_the_cache(client, world):
    url = world.street_a.url
    visit(client, world.street_a)
    world.street_a.unpublish()
    assert client.get(url).status_code == 404


def test_a_street_with_a_new_slug_is_gone_from_its_old_address(client, world):
    old_url = world.street_a.url
    visit(client, world.street_a)
    world.street_a.slug = "zwaanshals-noord"
    world.street_a.save_revision().publish()
    world.street_a.refresh_from_db()
    assert client.get(old_url).status_code in (301, 302, 404)
    page, _ = visit(client, world.street_a)
    assert "Zwaanshals" in page


def test_a_street_moved_to_another_wijk_is_gone_from_its_old_address(client, world):
    old_url = world.street_a.url
    visit(client, world.street_a)
    world.street_a.move(world.other_wijk, pos="last-child")
    world.street_a.refresh_from_db()
    assert client.get(old_url).status_code in (301, 302, 404)
    page, _ = visit(client, world.street_a)
    assert "Zuid" in page


def test_a_deleted_wijk_takes_its_cached_streets_with_it(client, world):
    url = world.street_a.url
    visit(client, world.street_a)
    world.wijk.delete()
    assert client.get(url).status_code == 404


def test_a_street_closed_to_visitors_sends_them_to_the_login_at_once(client, world):
    url = world.street_a.url
    visit(client, world.street_a)
    PageViewRestriction.objects.create(page=world.wijk, restriction_type="login")
    response = client.get(url)
    assert response.status_code == 302
    assert "Zwaanshals" not in response.content.decode()


def test_a_new_host_name_for_the_site_is_not_answered_from_the_old_one(client, world):
    visit(client, world.street_a)
    other_root = world.other_wijk
    Site.objects.create(hostname="testserver", port=80, root_page=other_root)
    # testserver now leads to the other wijk, where there is no street at this address.
    assert client.get("/noord/zwaanshals/").status_code == 404


def test_a_member_who_logs_in_after_a_cached_visit_sees_the_members_area(client, login, world):
    url = world.street_a.url
    visit(client, world.street_a)
    page = login(world.bewoner_a).get(url)
    assert "Prikbord" in page.content.decode()
    assert "no-store" in page["Cache-Control"]


def test_a_visitor_who_chose_english_or_large_letters_gets_that_page(client, world):
    url = world.street_a.url
    dutch, _ = visit(client, world.street_a)
    client.cookies["django_language"] = "en"
    english = client.get(url).content.decode()
    client.cookies["letters"] = "groot"
    large = client.get(url).content.decode()
    assert '<html lang="nl"' in dutch
    assert '<html lang="en"' in english
    assert "large-print" in large and "large-print" not in english


def test_a_cached_page_keeps_the_headers_of_a_rendered_one(client, world):
    rendered = client.get(world.street_a.url)
    cached = client.get(world.street_a.url)
    for header in (
        "Content-Type",
        "Content-Language",
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
    ):
        assert cached[header] == rendered[header], header
    assert "Cookie" in cached["Vary"]
    assert "nonce" not in cached["Content-Security-Policy"]
    assert "nonce=" not in cached.content.decode()


@pytest.fixture
def street_page_with_a_nonce(settings, tmp_path):
    """The street page as it would be with an inline script carrying the CSP nonce."""
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "street_page.html").write_text(
        '{% extends "pages/street_page.html" %}{% block extra_head %}'
        '<script nonce="{{ csp_nonce }}">window.straat = 1;</script>{% endblock %}'
    )
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]


def test_a_cached_page_with_a_script_carries_this_visitors_nonce_in_page_and_header(
    world, street_page_with_a_nonce
):
    def nonces(response):
        in_page = re.search(r'<script nonce="([^"]+)"', response.content.decode()).group(1)
        in_header = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
        return in_page, in_header

    first_page, first_header = nonces(Client().get(world.street_a.url))
    with CaptureQueriesContext(connection) as queries:
        second_page, second_header = nonces(Client().get(world.street_a.url))
    assert len(queries) == 0
    assert first_page == first_header
    assert second_page == second_header
    assert second_page != first_page


def test_a_preview_of_a_draft_is_never_the_cached_live_page(client, world):
    # The preview's request carries the site's own host name; the live page is cached there.
    host = urlsplit(world.street_a.full_url).netloc
    world.street_a.intro = "<p>Concept: nog niet publiceren.</p>"
    world.street_a.save_revision()
    client.get(world.street_a.url, headers={"host": host})
    preview = world.street_a.make_preview_request().content.decode()
    live = client.get(world.street_a.url, headers={"host": host}).content.decode()
    assert "Concept: nog niet publiceren" in preview
    assert "Concept: nog niet publiceren" not in live


def test_the_projects_own_pages_do_not_read_the_page_cache(client, world, monkeypatch):
    url = world.street_a.url
    read = []
    get_many = page_cache.cache.get_many
    monkeypatch.setattr(
        page_cache.cache, "get_many", lambda keys: read.extend(keys) or get_many(keys)
    )
    # The middleware reads nothing for the project's own views (search keeps its own copy).
    client.get(reverse("programme:apply"))
    assert read == []
    client.get(url)
    assert read


def test_an_address_taken_over_by_another_street_shows_that_street(client, world):
    url = world.street_a.url
    visit(client, world.street_a)
    visit(client, world.street_a)
    world.street_a.slug = "zwaanshals-oud"
    world.street_a.save_revision().publish()
    world.street_b.title = "Nieuwe Zwaanshals"
    world.street_b.slug = "zwaanshals"
    world.street_b.save_revision().publish()
    page = client.get(url).content.decode()
    assert "Nieuwe Zwaanshals" in page
