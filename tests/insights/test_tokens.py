"""Coordinators make API tokens; only a hash is kept; welzijn staff cannot make them."""

import pytest
from django.urls import reverse

from insights.models import ApiToken, hash_token

pytestmark = pytest.mark.django_db


def test_a_coordinator_makes_a_token_that_is_shown_once_and_stored_only_as_a_hash(world, login):
    client = login(world.coordinator)
    url = reverse("insights:tokens", args=[world.home.pk])
    response = client.post(url, {"name": "BI-rapportage"})

    token = ApiToken.objects.get()
    raw = response.context["new_token"]
    assert raw.startswith("ll_") and len(raw) > 40
    assert raw in response.content.decode()
    assert token.token_hash == hash_token(raw) and raw not in token.token_hash
    assert token.created_by == world.coordinator
    assert "no-store" in response["Cache-Control"]
    assert raw not in client.get(url).content.decode()


def test_revoking_asks_for_confirmation_first(world, login):
    client = login(world.coordinator)
    client.post(reverse("insights:tokens", args=[world.home.pk]), {"name": "BI"})
    token = ApiToken.objects.get()
    url = reverse("insights:revoke_token", args=[world.home.pk, token.pk])

    assert "Sleutel intrekken?" in client.get(url).content.decode()
    token.refresh_from_db()
    assert token.is_active
    client.post(url)
    token.refresh_from_db()
    assert not token.is_active


def test_an_empty_name_is_refused_and_no_token_made(world, login):
    response = login(world.coordinator).post(
        reverse("insights:tokens", args=[world.home.pk]), {"name": ""}
    )
    assert response.status_code == 200
    assert not ApiToken.objects.exists()


@pytest.mark.parametrize("who", ["welzijn_a", "gangmaker_a", "bewoner_a", "outsider"])
def test_only_coordinators_manage_tokens(world, login, who):
    client = login(getattr(world, who))
    url = reverse("insights:tokens", args=[world.home.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"name": "stiekem"}).status_code == 403
    assert not ApiToken.objects.exists()
