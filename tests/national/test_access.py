"""The national coordinator: figures across municipalities and the interest forms, the
national exchange and meetings, and nothing of any street's personal data."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from network.models import Meeting, Topic
from network.services import post_topic
from streets.permissions import sees_more_than_one_street
from tests.national.factories import InterestSubmissionFactory
from tests.security.conftest import api_token_id, route_kwargs
from tests.security.test_permission_matrix import ROUTES

pytestmark = pytest.mark.django_db

# What street A holds about its people (world and tests/security/conftest.street_objects).
PERSONAL = ("Anna", "Gerda", "Henk", "Piet", "Mevrouw Jansen", "Anna Enquête", "Dochter Ineke")


def test_every_street_route_refuses_the_national_coordinator(world):
    objects = route_kwargs(
        world, world.street_a, world.gangmaker_a, world.bewoner_a, api_token_id(world)
    )
    client = Client()
    client.force_login(world.national)
    problems = []
    checked = 0
    for name, route in ROUTES.items():
        kwargs = route.kwargs(objects)
        if "national" in route.get:
            # What the national coordinator may open shows none of the street's people.
            body = client.get(reverse(name, kwargs=kwargs)).content.decode(errors="replace")
            leaked = [word for word in PERSONAL if word in body]
            if leaked:
                problems.append(f"GET {name} shows {leaked}")
            continue
        if "street_id" not in kwargs and not name.startswith(("pot:", "insights:", "surveys:")):
            continue
        checked += 1
        url = reverse(name, kwargs=kwargs)
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            body = response.content.decode(errors="replace")
            if response.status_code not in (401, 403, 404, 405):
                problems.append(f"{method.upper()} {name}: {response.status_code}")
            leaked = [word for word in PERSONAL if word in body]
            if leaked:
                problems.append(f"{method.upper()} {name} shows {leaked}")
    assert checked > 80
    assert not problems, "\n".join(problems)


def test_the_figures_page_shows_counts_and_no_names(world, login):
    response = login(world.national).get(reverse("national:figures"))

    assert response.status_code == 200
    assert "Cijfers van alle gemeenten" in response.text
    assert world.home.municipality_name in response.text
    for word in ("Anna", "Gerda", "Bart", "Bram", "Zwaanshals", "Bergweg"):
        assert word not in response.text
    # Two streets of one gangmaker and one neighbour each: every count of people is small.
    assert "&lt; 5" in response.text


@pytest.mark.parametrize(
    "role", ["bewoner_a", "gangmaker_a", "welzijn_a", "coordinator", "outsider"]
)
def test_only_national_coordinators_see_the_national_pages(world, login, role):
    client = login(getattr(world, role))
    assert client.get(reverse("national:figures")).status_code == 403
    assert client.get(reverse("national:submissions")).status_code == 403


def test_the_national_coordinator_must_use_two_factor(world):
    assert sees_more_than_one_street(world.national)


def test_the_start_page_names_the_new_interest(world, login):
    InterestSubmissionFactory(organisation="Gemeente Zwolle")
    InterestSubmissionFactory(organisation="Gemeente Urk")

    response = login(world.national).get(reverse("streets:my_streets"))

    assert response.status_code == 200
    assert "2 gemeenten willen Lief &amp; Leed invoeren" in response.text
    assert reverse("national:submissions") in response.text
    assert reverse("national:figures") in response.text


def test_submissions_are_listed_and_marked_handled_by_post_only(world, login):
    submission = InterestSubmissionFactory(organisation="Gemeente Zwolle", phone="038 123")
    client = login(world.national)

    page = client.get(reverse("national:submissions"))
    assert "Gemeente Zwolle" in page.text
    assert "038 123" in page.text
    url = reverse("national:handle_submission", args=[submission.pk])
    assert client.get(url).status_code == 405

    response = client.post(url)

    assert response.status_code == 302
    submission.refresh_from_db()
    assert submission.handled_at is not None
    assert submission.handled_by == world.national
    client.post(url, {"handled": "nee"})
    submission.refresh_from_db()
    assert submission.handled_at is None


def test_the_national_coordinator_plans_a_national_meeting_for_every_municipality(
    world, login, other_municipality
):
    start = timezone.localtime() + datetime.timedelta(days=14)
    response = login(world.national).post(
        reverse("network:new_meeting"),
        {
            "municipality": "",
            "wijk": "",
            "title": "Landelijke gangmakersdag",
            "start": start.strftime("%Y-%m-%dT10:00"),
            "end": start.strftime("%Y-%m-%dT16:00"),
            "location": "Utrecht",
            "description": "",
            "audience": "gangmakers",
        },
    )

    assert response.status_code == 302
    meeting = Meeting.objects.get(title="Landelijke gangmakersdag")
    assert meeting.municipality is None
    from network.access import invited

    people = set(invited(meeting))
    assert {world.gangmaker_a, world.gangmaker_b, other_municipality.gangmaker} <= people
    assert world.national in people
    assert world.bewoner_a not in people
    # The organiser sees how many come, not who: that would be a street's personal data.
    from network.services import attend

    attend(world.gangmaker_a, meeting, True)
    page = login(world.national).get(reverse("network:meeting", args=[meeting.pk]))
    assert page.status_code == 200
    assert "1 aanmelding" in page.text
    assert world.gangmaker_a.get_full_name() not in page.text


def test_a_national_meeting_may_not_name_a_wijk(world, login):
    start = timezone.localtime() + datetime.timedelta(days=14)
    response = login(world.national).post(
        reverse("network:new_meeting"),
        {
            "municipality": "",
            "wijk": world.wijk.pk,
            "title": "Landelijke dag",
            "start": start.strftime("%Y-%m-%dT10:00"),
            "end": start.strftime("%Y-%m-%dT16:00"),
            "location": "Utrecht",
            "audience": "gangmakers",
        },
    )
    assert response.status_code == 200
    assert not Meeting.objects.exists()


def test_a_municipal_coordinator_still_has_to_choose_a_municipality(world, login):
    start = timezone.localtime() + datetime.timedelta(days=14)
    response = login(world.coordinator).post(
        reverse("network:new_meeting"),
        {
            "municipality": "",
            "title": "Zonder gemeente",
            "start": start.strftime("%Y-%m-%dT10:00"),
            "end": start.strftime("%Y-%m-%dT16:00"),
            "location": "Utrecht",
            "audience": "gangmakers",
        },
    )
    assert response.status_code == 200
    assert not Meeting.objects.exists()


def test_the_national_coordinator_moderates_the_national_exchange_only(world, login):
    national = post_topic(world.gangmaker_a, None, title="Feestdagen", body="Wat doen jullie?")
    local = post_topic(world.gangmaker_a, world.home, title="Tweede gangmaker", body="Hoe?")
    client = login(world.national)

    assert client.get(reverse("network:national")).status_code == 200
    assert client.get(reverse("network:topic", args=[local.pk])).status_code in (403, 404)
    assert client.post(reverse("network:hide_topic", args=[local.pk])).status_code in (403, 404)
    client.post(reverse("network:hide_topic", args=[national.pk]))

    assert Topic.objects.get(pk=national.pk).hidden_at is not None
    assert Topic.objects.get(pk=local.pk).hidden_at is None
