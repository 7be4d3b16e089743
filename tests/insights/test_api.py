"""The read-only API: bearer tokens per municipality, the same suppressed figures, OpenAPI."""

import json
import re

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import get_resolver, reverse

from insights import api
from insights.figures import METRICS
from insights.services import create_api_token
from insights.suppression import SUPPRESSED
from insights.urls import api_urlpatterns
from tests.home.factories import HomePageFactory
from tests.streets.factories import MembershipFactory, NeighbourhoodPageFactory

from .factories import helped

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(world):
    return create_api_token(world.home, "BI-rapportage", world.coordinator)[1]


def get(client, url, token=None, **extra):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.get(url, **headers, **extra)


def api_urls(world):
    return [
        reverse("insights:api_municipality"),
        reverse("insights:api_wijken"),
        reverse("insights:api_wijk", args=[world.wijk.pk]),
        reverse("insights:api_street", args=[world.street_a.pk]),
    ]


def test_every_api_call_without_or_with_a_wrong_token_is_401(client, world, token):
    for url in api_urls(world):
        assert get(client, url).status_code == 401, url
        assert get(client, url, "ll_not-a-real-token").status_code == 401, url
        assert client.get(url, HTTP_AUTHORIZATION=f"Token {token}").status_code == 401, url
        response = get(client, url, token[:-1])
        assert response.status_code == 401
        assert response["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_no_longer_works(client, world, login, token):
    from insights.models import ApiToken

    assert get(client, reverse("insights:api_wijken"), token).status_code == 200
    stored = ApiToken.objects.get()
    login(world.coordinator).post(reverse("insights:revoke_token", args=[world.home.pk, stored.pk]))
    assert get(client, reverse("insights:api_wijken"), token).status_code == 401


def test_a_token_reads_its_own_municipality_with_small_counts_suppressed(client, world, token):
    MembershipFactory.create_batch(4, street=world.street_a)

    data = json.loads(get(client, reverse("insights:api_municipality"), token).content)
    by_title = {s["title"]: s["figures"] for s in data["streets"]}
    assert by_title["Zwaanshals"]["bewoners"] == 6
    assert by_title["Bergweg"]["bewoners"] == SUPPRESSED
    assert by_title["Putselaan"]["bewoners"] == SUPPRESSED

    wijken = json.loads(get(client, reverse("insights:api_wijken"), token).content)["wijken"]
    assert {w["title"] for w in wijken} == {"Noord", "Zuid"}
    street = json.loads(
        get(client, reverse("insights:api_street", args=[world.street_b.pk]), token).content
    )
    assert street["totals"]["bewoners"] == SUPPRESSED


def test_a_token_of_another_municipality_is_refused_for_this_ones_wijken_and_streets(client, world):
    other_home = HomePageFactory(title="Amstelveen", slug="amstelveen")
    other_wijk = NeighbourhoodPageFactory(parent=other_home, slug="centrum")
    other_token = create_api_token(other_home, "Amstelveen BI", None)[1]

    assert (
        get(client, reverse("insights:api_wijk", args=[world.wijk.pk]), other_token).status_code
        == 404
    )
    assert (
        get(
            client, reverse("insights:api_street", args=[world.street_a.pk]), other_token
        ).status_code
        == 404
    )
    own = json.loads(get(client, reverse("insights:api_municipality"), other_token).content)
    assert own["scope"]["title"] == "Amstelveen"
    assert "Zwaanshals" not in json.dumps(own)
    wijken = json.loads(get(client, reverse("insights:api_wijken"), other_token).content)["wijken"]
    assert wijken == [{"id": other_wijk.pk, "title": other_wijk.title}]


def test_a_wrong_period_is_a_400_with_the_reason(client, world, token):
    response = get(
        client, reverse("insights:api_municipality") + "?van=2026-05-01&tot=2026-01-01", token
    )
    assert response.status_code == 400
    assert "Het einde ligt voor het begin." in response.content.decode()


def test_the_api_is_read_only(client, world, token):
    response = client.post(
        reverse("insights:api_municipality"), HTTP_AUTHORIZATION=f"Bearer {token}"
    )
    assert response.status_code == 405


def test_the_openapi_document_lists_exactly_the_routed_api_paths(client, world):
    response = client.get(reverse("insights:api_openapi"))
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.1")
    assert document["servers"][0]["url"] == "http://testserver/api/signalen/v1"

    # Django's "wijken/<int:id>/" is OpenAPI's "/wijken/{id}/".
    routed = {"/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", str(p.pattern)) for p in api_urlpatterns}
    assert set(document["paths"]) == routed
    for route in routed:
        assert get_resolver().resolve("/api/signalen/v1" + route.replace("{id}", "1"))
    # Every $ref points at a schema that exists.
    refs = {ref.rsplit("/", 1)[1] for ref in _refs(document)}
    assert refs <= set(document["components"]["schemas"])


def _refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from _refs(value)
    elif isinstance(node, list):
        for item in node:
            yield from _refs(item)


def test_every_api_path_but_the_description_itself_asks_for_the_bearer_token(client, world):
    document = json.loads(client.get(reverse("insights:api_openapi")).content)
    schemes = document["components"]["securitySchemes"]
    assert [s["scheme"] for s in schemes.values()] == ["bearer"]
    for route, operations in document["paths"].items():
        needs_token = "security" in operations["get"]
        assert needs_token == (route != "/openapi.json"), route
        if needs_token:
            assert "401" in operations["get"]["responses"], route


def test_there_is_no_interactive_docs_page_that_would_load_scripts_from_a_cdn(client, world):
    for url in ("/api/signalen/v1/docs", "/api/signalen/v1/docs/", "/api/signalen/v1/"):
        response = client.get(url, follow=True)
        assert response.status_code == 404, url
        assert b"swagger" not in response.content.lower(), url


def test_a_logged_in_welzijn_user_without_a_token_gets_401_for_wijk_b(client, world, login):
    client = login(world.welzijn_a)
    for url in (
        reverse("insights:api_wijk", args=[world.other_wijk.pk]),
        reverse("insights:api_street", args=[world.street_c.pk]),
        reverse("insights:api_municipality"),
    ):
        assert client.get(url).status_code == 401, url


def test_the_match_figures_come_through_the_api_suppressed_below_five_neighbours(
    client, world, token
):
    for _ in range(4):
        helped(world.street_a)
    url = reverse("insights:api_street", args=[world.street_a.pk])

    figures = json.loads(get(client, url, token).content)["totals"]
    assert figures["hulpvragen_met_helper"] == SUPPRESSED
    assert figures["tijd_tot_helper_mediaan"] == SUPPRESSED

    helped(world.street_a)
    cache.clear()  # the figures are kept for five minutes
    data = json.loads(get(client, url, token).content)
    assert data["totals"]["hulpvragen_met_helper"] == 5
    assert data["totals"]["tijd_tot_helper_mediaan"] == 2.0
    trend = next(t for t in data["trends"] if t["key"] == "hulpvragen_met_helper")
    assert 5 in [p["value"] for p in trend["points"]]


def test_the_openapi_document_describes_every_figure(client, world):
    document = json.loads(client.get(reverse("insights:api_openapi")).content)
    figures = document["components"]["schemas"]["Figures"]["properties"]
    assert figures["tijd_tot_helper_p90"]["description"] == (
        "Tijd tot een helper (90e percentiel) (dagen)"
    )
    assert {"hulpvragen_met_helper", "open_zonder_helper", "bewoners"} <= set(figures)


def test_the_openapi_document_describes_a_figure_as_a_number_or_the_suppressed_text(client, world):
    document = json.loads(client.get(reverse("insights:api_openapi")).content)
    schemas = document["components"]["schemas"]
    value = schemas["Value"]
    assert {"type": "integer"} in value["anyOf"]
    assert {"type": "number"} in value["anyOf"]
    assert {"const": SUPPRESSED, "type": "string"} in value["anyOf"]
    assert "minder dan 5 mensen" in value["description"]
    assert set(schemas["Figures"]["properties"]) == {metric.key for metric in METRICS}
    assert {"from", "to"} == set(schemas["Period"]["properties"])


def test_the_openapi_document_is_in_dutch_whatever_language_the_visitor_chose(client, world):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    document = json.loads(client.get(reverse("insights:api_openapi")).content)
    figures = document["components"]["schemas"]["Figures"]["properties"]
    assert figures["bewoners"]["description"] == "Bewoners die meedoen"
    assert document["paths"]["/wijken/"]["get"]["summary"] == "De wijken van de gemeente"


def test_every_answer_has_the_shape_the_openapi_document_gives_for_its_status(client, world, token):
    MembershipFactory.create_batch(4, street=world.street_a)
    for _ in range(5):
        helped(world.street_a)
    document = json.loads(client.get(reverse("insights:api_openapi")).content)
    street = reverse("insights:api_street", args=[world.street_a.pk])
    calls = [
        ("/gemeente/", reverse("insights:api_municipality"), token),
        ("/wijken/", reverse("insights:api_wijken"), token),
        ("/wijken/{id}/", reverse("insights:api_wijk", args=[world.wijk.pk]), token),
        ("/straten/{id}/", street, token),
        ("/straten/{id}/", street + "?van=2026-05-01&tot=2026-01-01", token),
        ("/straten/{id}/", street + "?van=gisteren", token),
        ("/straten/{id}/", street, None),
        ("/straten/{id}/", reverse("insights:api_street", args=[world.wijk.pk]), token),
    ]
    statuses = set()
    for path, url, key in calls:
        response = get(client, url, key)
        documented = document["paths"][path]["get"]["responses"][str(response.status_code)]
        ref = documented["content"]["application/json"]["schema"]["$ref"]
        schema = getattr(api, ref.rsplit("/", 1)[1])
        # Strict and without unknown keys: what the document says, no more and no less.
        schema.model_validate_json(response.content, strict=True)
        statuses.add(response.status_code)
    assert statuses == {200, 400, 401, 404}


def test_an_id_larger_than_any_row_can_have_is_not_found(client, world, token):
    too_large = 2**63
    for name in ("insights:api_wijk", "insights:api_street"):
        response = get(client, reverse(name, args=[too_large]), token)
        assert response.status_code == 404, name
