"""The site speaks Dutch to an English browser, and English only to who chose it."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_an_english_browser_still_gets_dutch_form_errors(client, world):
    response = client.post(
        reverse("streets:join", args=[world.street_a.pk]),
        {
            "first_name": "Jan",
            "email": "jan@example.org",
            "password": "kort",
            "house_number": "3",
            "privacy": "on",
        },
        HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9",
    )
    body = response.content.decode()
    assert "Dit wachtwoord is te kort" in body
    assert "This password is too short" not in body
    assert response["Content-Language"] == "nl"


def test_a_visitor_who_chose_english_gets_it(client, home):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert client.get("/")["Content-Language"] == "en"
