"""What being logged in costs every page: the session row and nothing else once the person's
row is kept (accounts.backends.AccountBackend); a change to the person is read anew at once."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db


def _queries(client, url) -> list[str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries]


def test_the_board_reads_only_the_session_once_warm(world):
    anna = Client()
    anna.force_login(world.bewoner_a)
    board = reverse("matching:board", args=[world.street_a.pk])
    first = _queries(anna, board)
    assert any('"accounts_user"' in sql for sql in first)
    warm = _queries(anna, board)
    assert len(warm) == 1, warm
    assert '"django_session"' in warm[0]


def test_a_changed_person_is_read_anew_on_the_next_request(world):
    anna = Client()
    anna.force_login(world.bewoner_a)
    board = reverse("matching:board", args=[world.street_a.pk])
    _queries(anna, board)
    world.bewoner_a.phone = "010-1234567"
    world.bewoner_a.save()
    assert any('"accounts_user"' in sql for sql in _queries(anna, board))
    assert not any('"accounts_user"' in sql for sql in _queries(anna, board))
