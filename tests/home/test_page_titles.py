"""Every page names itself in the browser tab (WCAG 2.4.2 Page Titled), not just the site.

The pages come from the permission matrix (tests/security/test_permission_matrix.py): every
GET route, opened by a role that may see it, against street A's objects. A new view is in
that table, so it is checked here too without a new line.
"""

import html
import re
from collections import defaultdict

import pytest
from django.test import Client
from django.urls import reverse

from streets.choices import MembershipStatus
from surveys.services import close_survey
from tests.home.factories import HomePageFactory
from tests.security.conftest import api_token_id, route_kwargs
from tests.security.test_permission_matrix import ROLES, ROUTES
from tests.streets.factories import CoordinatorAssignmentFactory, MembershipFactory
from tests.surveys.factories import template_survey
from tests.surveys.test_views import public_post

pytestmark = pytest.mark.django_db

SITE_NAME = "Lief & Leed"

# Two URLs of one page: the current year's pot is that year's pot, and a member and a
# neighbour with the secret link fill in the same survey.
SAME_PAGE = ({"pot:pot", "pot:pot_year"}, {"surveys:answer", "surveys:public_answer"})


def _title(response) -> str:
    match = re.search(r"<title>(.*?)</title>", response.content.decode(), re.DOTALL)
    assert match, f"{response.request['PATH_INFO']} has no <title>"
    return " ".join(html.unescape(match.group(1)).split())


def _titles_of_every_page(world) -> dict[str, str]:
    """Route name -> <title> of every GET route that answers with an HTML page."""
    token_id = api_token_id(world)
    objects = route_kwargs(world, world.street_a, world.gangmaker_a, world.bewoner_a, token_id)
    clients = {role: _client(world, role) for role in ROLES}
    titles = {}
    for name, route in ROUTES.items():
        url = reverse(name, kwargs=route.kwargs(objects))
        # The first allowed role that gets a page: a member may not report their own post, a
        # gangmaker may, so a page is seen by whoever would really see it.
        for role in (role for role in ROLES if role in route.get):
            response = clients[role].get(url)
            if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
                titles[name] = _title(response)
                break
    return titles


def _client(world, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(getattr(world, role))
    return client


def test_every_page_has_a_title_of_its_own(world):
    titles = _titles_of_every_page(world)
    # Guards against the loop silently checking nothing (say, every page redirecting).
    assert len(titles) > 60

    bare = sorted(name for name, title in titles.items() if title == SITE_NAME)
    assert not bare, f"These pages are titled only {SITE_NAME!r}: {bare}"

    routes_by_title = defaultdict(set)
    for name, title in titles.items():
        routes_by_title[title].add(name)
    shared = [
        f"{title!r}: {sorted(names)}"
        for title, names in routes_by_title.items()
        if len(names) > 1 and names not in SAME_PAGE
    ]
    assert not shared, "These pages share one title:\n" + "\n".join(shared)


def test_a_closed_survey_link_names_the_page_and_the_street(world, client):
    survey = template_survey(world.street_a, world.gangmaker_a)
    close_survey(survey)

    response = client.get(reverse("surveys:public_answer", args=[survey.token]))

    assert response.status_code == 410
    assert _title(response) == "Enquête gesloten – Zwaanshals – Lief & Leed"


def test_the_thanks_after_answering_through_the_link_names_the_page_and_the_street(world, client):
    survey = template_survey(world.street_a, world.gangmaker_a)

    response = public_post(client, survey)

    assert _title(response) == "Bedankt voor uw antwoord – Zwaanshals – Lief & Leed"


def test_a_coordinator_of_two_municipalities_chooses_on_a_titled_page(world, login):
    CoordinatorAssignmentFactory(
        user=world.coordinator,
        municipality=HomePageFactory(
            title="Lief & Leed Schiedam", slug="schiedam", municipality_name="Schiedam"
        ),
    )

    response = login(world.coordinator).get(reverse("pot:overview_start"))

    assert response.status_code == 200
    assert _title(response) == "Potjes – Lief & Leed"


def test_a_pending_application_names_the_page_and_the_street(world, login):
    applicant = MembershipFactory(street=world.street_a, status=MembershipStatus.PENDING).user

    response = login(applicant).get(reverse("streets:join", args=[world.street_a.pk]))

    assert _title(response) == "Uw aanmelding – Zwaanshals – Lief & Leed"
