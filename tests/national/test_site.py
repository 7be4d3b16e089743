"""The national site: its own Wagtail site, listing the municipalities with their streets,
national figures through the suppression rule, the national meetings and the interest form."""

import datetime
import re

import pytest
from django.utils import timezone

from network.models import Meeting
from tests.national.factories import national_site

pytestmark = pytest.mark.django_db

HOST = "landelijk.localhost"


def _title(response) -> str:
    return " ".join(re.search(r"<title>(.*?)</title>", response.text, re.DOTALL).group(1).split())


def test_the_national_site_lists_the_municipalities_figures_meetings_and_the_form(
    client, world, other_municipality
):
    national_site(HOST)
    Meeting.objects.create(
        title="Landelijke gangmakersdag",
        start=timezone.now() + datetime.timedelta(days=20),
        end=timezone.now() + datetime.timedelta(days=20, hours=5),
        location="Utrecht",
        organiser=world.national,
    )

    response = client.get("/", HTTP_HOST=HOST)

    assert response.status_code == 200
    text = response.text
    assert _title(response) == "Lief &amp; Leed Nederland – Lief &amp; Leed"
    assert '<meta name="description" content="Lief &amp; Leed Nederland' in text
    assert "Rotterdam" in text and "Amstelveen" in text
    # Each municipality links to its own site (absolute: another site than this one).
    assert f'href="{world.home.full_url}"' in text
    assert f'href="{other_municipality.home.full_url}"' in text
    assert "2 actieve straten" in text  # Zwaanshals and Bergweg have a gangmaker
    assert "1 actieve straat" in text
    # Every count of people in this small world is below the threshold.
    assert "&lt; 5" in text
    assert "Landelijke gangmakersdag" in text
    assert 'name="organisation"' in text
    assert 'action="/landelijk/interesse/"' in text
    # No street's people on the national site.
    for name in ("Gerda", "Wilhelmina", "Amstelrade", "Poelwijk"):
        assert name not in text


def test_the_municipality_stays_the_default_site(client, world):
    national_site(HOST)

    response = client.get("/")

    assert response.status_code == 200
    assert "Wijken" in response.text and "Noord" in response.text
    assert "Gemeenten die meedoen" not in response.text


def test_without_municipalities_the_page_says_what_to_do(client, db):
    national_site(HOST)

    response = client.get("/", HTTP_HOST=HOST)

    assert response.status_code == 200
    assert "Er doet nog geen gemeente mee" in response.text
    assert "Er staat nu geen landelijke bijeenkomst gepland" in response.text


def test_a_get_of_the_national_site_changes_nothing(client, world):
    from tests.security.test_get_changes_nothing import _snapshot

    national_site(HOST)
    before = _snapshot()
    client.get("/", HTTP_HOST=HOST)
    client.force_login(world.national)
    client.get("/", HTTP_HOST=HOST)
    assert _snapshot() == before
