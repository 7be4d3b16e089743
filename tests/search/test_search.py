"""A visitor finds their street by typing a postcode or a street name."""

from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.services import clean_query
from streets.postcodes import normalise_postcode
from tests.streets.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def search(client, q):
    # Encoded by hand so that lone surrogates arrive as the invalid bytes a browser would send.
    encoded = quote(q, safe="", encoding="utf-8", errors="surrogatepass")
    return client.get(f"{reverse('search')}?q={encoded}")


@pytest.mark.parametrize("typed", ["3035 KS", "3035ks", " 3035  ks ", "3035"])
def test_a_postcode_finds_the_street_however_it_is_typed(client, world, typed):
    response = search(client, typed)
    assert response.status_code == 200
    streets = response.context["streets"]
    assert [s.title for s in streets] == ["Zwaanshals"]


def test_part_of_a_street_name_finds_the_street(client, world):
    streets = search(client, "zwaan").context["streets"]
    assert [s.title for s in streets] == ["Zwaanshals"]


def test_an_unknown_postcode_says_so_and_suggests_the_digits(client, world):
    body = search(client, "9999 ZZ").content.decode()
    assert "Geen Lief &amp; Leedstraat gevonden" in body


def test_events_are_found_by_their_title(client, world):
    EventPageFactory(parent=world.street_a, title="Burendag in de tuin", slug="burendag")
    results = search(client, "burendag").context["pages"]
    assert [p.title for p in results] == ["Burendag in de tuin"]


def test_streets_of_another_municipality_are_not_found(client, world):
    from tests.home.factories import HomePageFactory
    from tests.streets.factories import NeighbourhoodPageFactory, StreetPageFactory

    other_home = HomePageFactory(slug="amstelveen", title="Amstelveen")
    StreetPageFactory(
        parent=NeighbourhoodPageFactory(parent=other_home), title="Zwaanstraat", postcodes="1181 AA"
    )
    assert [s.title for s in search(client, "zwaan").context["streets"]] == ["Zwaanshals"]


@pytest.mark.parametrize(
    "hostile",
    [
        '"',
        '"zwaan',
        "\x00",
        "zwaan\x00",
        "a" * 10_000,
        "\ud800",
        "<script>",
        "AND OR NOT",
        "*",
        "()",
    ],
)
def test_hostile_queries_get_a_page_not_an_error(client, world, hostile):
    assert search(client, hostile).status_code == 200


@given(st.text(max_size=300))
@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_text_is_a_safe_query(client, world, text):
    cleaned = clean_query(text)
    assert '"' not in cleaned and "\x00" not in cleaned and len(cleaned) <= 100
    assert search(client, text).status_code == 200


def test_postcode_normalisation():
    assert normalise_postcode("3072 ab") == "3072AB"
    assert normalise_postcode("3072") == "3072"
    assert normalise_postcode("0123 AB") is None
    assert normalise_postcode("Zwaanshals") is None


def test_a_street_that_is_not_found_offers_the_municipalitys_contact(client, world):
    from home.models import MunicipalitySettings

    contact = MunicipalitySettings.for_site(world.home.get_site())
    contact.contact_email = "liefenleed@gemeente.example"
    contact.contact_phone = "010 123 45 67"
    contact.save()

    body = search(client, "9999 ZZ").content.decode()

    assert "Uw straat is nog geen Lief &amp; Leedstraat?" in body
    assert 'href="mailto:liefenleed@gemeente.example"' in body
    assert 'href="tel:0101234567"' in body


def test_a_street_that_is_not_found_links_to_applying_for_it(client, world):
    body = search(client, "9999 ZZ").content.decode()
    assert f'<a href="{reverse("programme:apply")}" class="button">' in body
    assert "Uw straat staat er nog niet bij? Meld hem aan" in body


def test_a_street_that_is_found_shows_no_next_step(client, world):
    body = search(client, "3035 KS").content.decode()
    assert "Uw straat is nog geen Lief &amp; Leedstraat?" not in body
