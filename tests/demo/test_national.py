"""The demo's national layer: Amstelveen on its own site, the national site with its
coordinator, meeting and an interest form, the toolkit's themes; built twice the same."""

import io

import pytest
from django.test import Client
from wagtail.models import Site

from demo.builders import home as home_demo
from demo.builders import national
from demo.builders import newsletters as newsletters_demo
from demo.builders import streets as streets_demo
from home.models import ArticlePage, HomePage, Theme
from national.models import InterestSubmission
from national.services import national_figures
from network.models import Meeting
from network.newsletters.models import Dispatch, NewsletterPage
from streets.models import StreetPage
from streets.permissions import is_national_coordinator

pytestmark = pytest.mark.django_db


def _build():
    home = home_demo.build(io.StringIO())
    streets_demo.build(home, io.StringIO())
    national.build(home, io.StringIO())
    return home


def test_the_demo_national_layer_is_complete_and_idempotent():
    _build()
    first = (
        StreetPage.objects.count(),
        Meeting.objects.count(),
        InterestSubmission.objects.count(),
        Theme.objects.count(),
        Site.objects.count(),
        NewsletterPage.objects.count(),
        Dispatch.objects.count(),
    )
    _build()
    assert first == (
        StreetPage.objects.count(),
        Meeting.objects.count(),
        InterestSubmission.objects.count(),
        Theme.objects.count(),
        Site.objects.count(),
        NewsletterPage.objects.count(),
        Dispatch.objects.count(),
    )

    amstelveen = HomePage.objects.get(slug="amstelveen")
    assert Site.objects.get(hostname=national.AMSTELVEEN_HOST).root_page_id == amstelveen.pk
    assert Site.objects.get(hostname=national.NATIONAL_HOST).port == national.PORT
    assert StreetPage.objects.descendant_of(amstelveen).count() == 3
    assert is_national_coordinator(_user(national.NATIONAL_LOGIN.email))
    assert Meeting.objects.get(title=national.NATIONAL_MEETING).municipality is None
    assert ArticlePage.objects.get(slug="gangmaker-worden").themes.count() == 2
    national_issue = NewsletterPage.objects.get(title=newsletters_demo.NATIONAL_ISSUE)
    assert national_issue.newsletter.municipality is None
    assert national_issue.is_sent
    coordinator = _user(national.NATIONAL_LOGIN.email)
    assert coordinator.has_perm("wagtailadmin.access_admin")


def test_the_national_site_links_to_its_newsletter_archive_with_the_sent_issue():
    _build()
    client = Client()
    host = "landelijk.localhost:8000"

    home = client.get("/", HTTP_HOST=host).text
    assert 'href="/nieuwsbrief/"' in home
    archive = client.get("/nieuwsbrief/", HTTP_HOST=host)
    assert archive.status_code == 200
    assert "Landelijke nieuwsbrief" in archive.text
    assert "nieuwe Lief &amp; Leedsteden" in archive.text


def test_on_the_demo_both_municipalities_pass_the_threshold():
    _build()

    figures = national_figures()

    assert {row.home.municipality_name for row in figures.rows} == {"Rotterdam", "Amstelveen"}
    for row in figures.rows:
        assert isinstance(row.households, int) and isinstance(row.gangmakers, int)
    assert isinstance(figures.households, int) and isinstance(figures.gangmakers, int)


def test_the_demo_sites_answer_on_their_own_addresses():
    _build()
    client = Client()

    national_page = client.get("/", HTTP_HOST="landelijk.localhost:8000")
    amstelveen_page = client.get("/", HTTP_HOST="amstelveen.localhost:8000")
    rotterdam_page = client.get("/", HTTP_HOST="127.0.0.1:8000")

    assert "Gemeenten die meedoen" in national_page.text
    assert 'href="http://amstelveen.localhost:8000/"' in national_page.text
    assert 'href="http://localhost:8000/"' in national_page.text
    assert "Westwijk" in amstelveen_page.text
    assert "Noord" in rotterdam_page.text
    toolkit = client.get("/toolkit/hoe-werkt-het/", HTTP_HOST="127.0.0.1:8000")
    assert national.VIDEO_URL in toolkit.text
    assert national.DOCUMENT_TITLE in toolkit.text
    theme = client.get("/toolkit/thema/geld-en-potje/", HTTP_HOST="127.0.0.1:8000")
    assert "Ideeën voor attenties" in theme.text
    assert "Zo word je gangmaker" not in theme.text


def _user(email):
    from accounts.models import User

    return User.objects.get(email=email)


def test_the_demo_national_coordinator_starts_at_the_new_interest():
    from accounts.todos import todos_for

    _build()
    coordinator = _user(national.NATIONAL_LOGIN.email)

    kinds = {todo.kind: todo for todo in todos_for(coordinator)}

    assert kinds["interest"].count == 1
    assert "national_figures" in kinds
    assert "meetings" in kinds  # the national meeting
