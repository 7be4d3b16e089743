"""Every kept page part varies by language: what was rendered for a Dutch reader is never
served to an English one. The language itself (`get_current_language`) is rendered inside each
part, so these hold whether or not the catalogues are complete."""

import datetime
import re

import pytest
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import translation
from django.utils.functional import Promise

from insights.choices import ScopeKind
from insights.figures.overview import overview

pytestmark = pytest.mark.django_db

PART = (
    "{% load i18n street_parts %}{% streetpart street 'probe' %}"
    "{% get_current_language as language %}[{{ language }}]{% translate 'Mijn straten' %}"
    "{% endstreetpart %}"
)
SITE_PART = (
    "{% load i18n street_parts %}{% sitepart 'probe' 'q' %}"
    "{% get_current_language as language %}[{{ language }}]{% translate 'Mijn straten' %}"
    "{% endsitepart %}"
)


def _render(source: str, language: str, **context) -> str:
    request = RequestFactory().get("/")
    with translation.override(language):
        return Template(source).render(Context({"request": request, **context}))


def _expected(language: str) -> str:
    with translation.override(language):
        return f"[{language}]" + translation.gettext("Mijn straten")


@pytest.mark.parametrize("source", [PART, SITE_PART], ids=["streetpart", "sitepart"])
def test_a_part_kept_in_dutch_is_not_served_to_an_english_reader(world, source):
    first = _render(source, "nl", street=world.street_a)
    assert first == _expected("nl")
    assert _render(source, "nl", street=world.street_a) == first  # kept, and served again
    assert _render(source, "en", street=world.street_a) == _expected("en")
    assert _render(source, "ar", street=world.street_a) == _expected("ar")


def _lang(page: str) -> str:
    return re.search(r'<html lang="([^"]*)"', page).group(1)


def test_the_anonymous_street_page_kept_in_dutch_is_not_served_to_an_english_visitor(client, world):
    assert _lang(client.get(world.street_a.url).text) == "nl"
    assert _lang(client.get(world.street_a.url).text) == "nl"  # from the cache now
    client.cookies["django_language"] = "en"
    response = client.get(world.street_a.url)
    assert _lang(response.text) == "en"
    assert response["Content-Language"] == "en"


@pytest.mark.parametrize("which", ["home", "wijk"])
def test_the_kept_home_and_wijk_pages_vary_by_language(client, world, which):
    url = world.home.url if which == "home" else world.wijk.url
    assert _lang(client.get(url).text) == "nl"
    client.cookies["django_language"] = "ar"
    assert _lang(client.get(url).text) == "ar"


def test_kept_search_results_vary_by_language(client, world):
    url = "/zoeken/?q=Zwaan"
    dutch = client.get(url).text
    client.cookies["django_language"] = "en"
    english = client.get(url).text
    assert _lang(dutch) == "nl" and _lang(english) == "en"
    with translation.override("en"):
        expected = translation.gettext("Zoek uw straat")
    assert expected in english


def test_the_kept_dashboard_figures_hold_labels_in_no_language(world):
    """The dashboard cache is shared by all readers: its labels stay lazy and are put into
    words when a reader's page is rendered, in that reader's language."""
    start, end = datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)
    with translation.override("nl"):
        kept = overview(ScopeKind.MUNICIPALITY, world.home, start, end)
    with translation.override("en"):
        again = overview(ScopeKind.MUNICIPALITY, world.home, start, end)
    labels = [m.label for m in again.dashboard.metrics]
    labels += [b.metric.label for b in again.dashboard.breakdowns]
    labels += [label for b in again.dashboard.breakdowns for label, _value in b.rows]
    assert labels
    assert all(isinstance(label, Promise) for label in labels), [
        label for label in labels if not isinstance(label, Promise)
    ][:5]
    assert kept.computed_at == again.computed_at  # the same kept copy
