"""The health endpoint as a load balancer and a monitoring system see it."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.urls import reverse

URL = "/gezondheid/"


@pytest.fixture
def cache_cleared():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_the_health_url_is_gezondheid():
    assert reverse("ops:health") == URL


def test_a_healthy_site_answers_200_with_every_check_ok(db, client, cache_cleared):
    response = client.get(URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert {name: check["status"] for name, check in body["checks"].items()} == {
        "database": "ok",
        "cache": "ok",
        "queue": "ok",
    }


def test_the_answer_is_never_cached(db, client, cache_cleared):
    response = client.get(URL)

    assert "no-store" in response["Cache-Control"]


def test_the_answer_holds_statuses_and_timings_only_no_personal_data(world, client, cache_cleared):
    response = client.get(URL)

    text = response.content.decode()
    for person in (world.bewoner_a, world.gangmaker_a, world.coordinator):
        assert person.email not in text
        assert person.first_name not in text
    assert set(response.json()["checks"]["queue"]) == {
        "status",
        "ms",
        "queued",
        "oldest_age_s",
        "last_heartbeat_age_s",
    }


def test_a_database_that_does_not_answer_gives_503(db, client, cache_cleared):
    with mock.patch("ops.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get(URL)

    assert response.status_code == 503
    assert response.json()["status"] == "error"
    assert response.json()["checks"]["database"]["status"] == "error"


def test_a_cache_that_loses_what_was_just_written_gives_503(db, client, cache_cleared):
    with mock.patch("ops.health.cache.get", return_value=None):
        response = client.get(URL)

    assert response.status_code == 503
    assert response.json()["checks"]["cache"]["status"] == "error"


def test_the_error_text_stays_in_the_log_and_out_of_the_answer(db, client, cache_cleared):
    secret = "password=hunter2 host=10.1.2.3"
    with mock.patch("ops.health.connection.cursor", side_effect=OperationalError(secret)):
        response = client.get(URL)

    assert "hunter2" not in response.content.decode()


def test_posting_to_the_health_url_is_refused(db, client):
    assert client.post(URL).status_code == 405


def test_the_health_check_needs_few_queries(
    db, client, cache_cleared, django_assert_max_num_queries, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.get(URL)  # the first call also sends a heartbeat through the (inline) queue

    with django_assert_max_num_queries(4):
        response = client.get(URL)

    assert response.status_code == 200


def test_the_old_icon_address_leads_to_the_sites_icon(db, client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
    assert client.post("/favicon.ico").status_code == 405
