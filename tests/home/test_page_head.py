"""What every page tells the browser and search engines: a description and an icon; the
language cookie's flags; text with "<" in it that is escaped (HTML validation)."""

import html
import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client
from django.urls import reverse

from tests.security.conftest import api_token_id, route_kwargs
from tests.security.test_permission_matrix import ROLES, ROUTES
from tests.surveys.factories import template_survey

pytestmark = pytest.mark.django_db

DESCRIPTION = re.compile(r'<meta name="description" content="([^"]*)">')
ICON = re.compile(r'<link rel="icon" href="([^"]+)" type="image/svg\+xml">')


def _description(response) -> str:
    found = DESCRIPTION.findall(response.text)
    assert len(found) == 1, f"{response.request['PATH_INFO']}: {len(found)} descriptions"
    return html.unescape(found[0]).strip()


def test_every_page_of_the_project_has_a_description_and_an_icon(world):
    token_id = api_token_id(world)
    objects = route_kwargs(world, world.street_a, world.gangmaker_a, world.bewoner_a, token_id)
    clients = {}
    for role in ROLES:
        clients[role] = Client()
        if role != "anonymous":
            clients[role].force_login(getattr(world, role))
    checked, problems = 0, []
    for name, route in ROUTES.items():
        url = reverse(name, kwargs=route.kwargs(objects))
        for role in (role for role in ROLES if role in route.get):
            response = clients[role].get(url)
            if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
                continue
            checked += 1
            if not DESCRIPTION.search(response.text) or not _description(response):
                problems.append(f"{name}: no description")
            if not ICON.search(response.text):
                problems.append(f"{name}: no icon")
            break
    assert checked > 60
    assert not problems, "\n".join(problems)


def test_the_icon_is_a_static_file_that_exists(client, world):
    href = ICON.search(client.get(world.street_a.url).text).group(1)
    assert href.startswith("/static/")
    assert finders.find(href.removeprefix("/static/"))


def test_a_page_without_a_search_description_is_described_by_its_title(client, world):
    assert not world.street_a.search_description
    description = _description(client.get(world.street_a.url))
    assert description.startswith("Zwaanshals – Lief & Leedstraten")


def test_a_page_with_a_search_description_uses_it(client, world):
    world.street_a.search_description = "Zwaanshals helpt elkaar sinds 2014."
    world.street_a.save_revision().publish()
    assert _description(client.get(world.street_a.url)) == "Zwaanshals helpt elkaar sinds 2014."


def test_the_language_cookie_is_httponly_and_samesite(client, world):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    cookie = response.cookies["django_language"]
    assert cookie["httponly"]
    assert cookie["samesite"] == "Lax"


def test_the_survey_figures_escape_the_less_than_sign(world, login):
    survey = template_survey(world.street_a, world.gangmaker_a)
    url = reverse("surveys:figures", args=[world.street_a.pk, survey.pk])
    page = login(world.gangmaker_a).get(url).text
    assert "“&lt; 5”" in page
    assert "“< 5”" not in page
