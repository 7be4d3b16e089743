"""The "grotere letters" switch (home/views.py); the browser test is in tests/e2e/."""

import pytest

from home.views import LETTERS_COOKIE


@pytest.mark.django_db
def test_larger_letters_set_a_cookie_for_a_year_and_go_back_to_the_page(client):
    response = client.post("/letters/", {"letters": "groot", "next": "/zoeken/?q=3035"})

    assert response.status_code == 302
    assert response["Location"] == "/zoeken/?q=3035"
    cookie = response.cookies[LETTERS_COOKIE]
    assert cookie.value == "groot"
    assert cookie["max-age"] == 365 * 24 * 60 * 60
    assert cookie["httponly"]


@pytest.mark.django_db
def test_normal_letters_remove_the_cookie(client):
    client.cookies[LETTERS_COOKIE] = "groot"
    response = client.post("/letters/", {"letters": "normaal", "next": "/"})

    assert response.cookies[LETTERS_COOKIE]["max-age"] == 0


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/", "javascript:alert(1)", "", "\x00"]
)
def test_the_switch_never_sends_a_visitor_to_another_site(client, next_url):
    response = client.post("/letters/", {"letters": "groot", "next": next_url})

    assert response.status_code == 302
    assert response["Location"] == "/"


@pytest.mark.django_db
def test_the_switch_only_changes_on_a_form_post(client):
    response = client.get("/letters/?letters=groot")

    assert response.status_code == 405
    assert LETTERS_COOKIE not in response.cookies


@pytest.mark.django_db
def test_every_page_shows_the_switch_and_large_print_follows_the_cookie(home, client):
    assert b"Grotere letters" in client.get("/").content

    client.cookies[LETTERS_COOKIE] = "groot"
    page = client.get("/").content.decode()

    assert '<html lang="nl" dir="ltr" class="large-print">' in page
    assert "Gewone letters" in page
