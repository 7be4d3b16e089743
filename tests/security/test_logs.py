"""Logs hold no e-mail addresses, passwords, post texts or home addresses (issue 9).

Every record of the main flows is captured at DEBUG, then put through the configured
handlers' filters and formatted as the console would write it (plain and JSON). The flows:
joining with a password, logging in wrong and right, posting a help request, accepting a
match, a tip for the pot, geocoding that fails in every way the fake service can, and a mail
server that refuses the recipient.
"""

import datetime
import logging
import re
import smtplib

import pytest
from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from geopy.adapters import AdapterHTTPError
from geopy.exc import GeocoderTimedOut
from geopy.geocoders import options

from accounts.logfilters import EMAIL
from matching.models import HelpRequest
from matching.services.lifecycle import make_match
from matching.services.locations import geocode_membership
from ops.jsonlog import JsonFormatter
from tests.matching.factories import HelpOfferFactory
from tests.matching.test_geocoding import CannedAdapter
from tests.pot.factories import funded_pot
from tests.streets.factories import MembershipFactory

pytestmark = pytest.mark.django_db

EMAIL_ADDRESS = "joop.zwaan@example.org"
PASSWORD = "Zwanenhals-geheim-2026"
WRONG_PASSWORD = "Verkeerd-wachtwoord-8841"
POST_TEXT = "Wie rijdt mij dinsdag met de rolstoel naar de Zuiderkerk?"
TIP_TEXT = "Buurvrouw op nummer negen brak haar heup bij het fietsenhok."
# The address as the geocoder gets it, however it is written into a URL or a repr.
ADDRESS = re.compile(r"Zwaanshals\W{0,3}12")


class RefusingBackend(BaseEmailBackend):
    """A mail server that refuses every recipient, quoting the address as SMTP servers do."""

    def send_messages(self, email_messages):
        recipients = [r for message in email_messages for r in message.recipients()]
        raise smtplib.SMTPRecipientsRefused(
            {r: (550, f"5.1.1 <{r}>: Recipient address rejected".encode()) for r in recipients}
        )


def _rendered(records) -> list[str]:
    """Each record as every configured handler writes it, plain and as JSON."""
    handlers = [logging.getHandlerByName(name) for name in settings.LOGGING["handlers"]]
    lines = []
    for record in records:
        for handler in handlers:
            assert handler.filter(record), "a handler's filter dropped a record"
            lines.append(handler.format(record))
            lines.append(JsonFormatter().format(record))
    return lines


def _join(client, street):
    return client.post(
        reverse("streets:join", args=[street.pk]),
        {
            "first_name": "Joop",
            "email": EMAIL_ADDRESS,
            "password": PASSWORD,
            "house_number": "30",
            "message": "Ik woon hier sinds kort.",
            "privacy": "on",
        },
    )


def _log_in(bewoner):
    client = Client()
    wrong = client.post(
        reverse("accounts:login"), {"username": bewoner.email, "password": WRONG_PASSWORD}
    )
    assert wrong.status_code == 200
    right = client.post(
        reverse("accounts:login"), {"username": bewoner.email, "password": PASSWORD}
    )
    assert right.status_code == 302
    return client


def _post_request(client, street):
    today = timezone.localdate()
    return client.post(
        reverse("matching:new_request", args=[street.pk]),
        {
            "category": "vervoer",
            "description": POST_TEXT,
            "when": "once",
            "needed_on": (today + datetime.timedelta(days=2)).isoformat(),
            "urgency": "normaal",
            "valid_until": (today + datetime.timedelta(days=20)).isoformat(),
        },
    )


def _accept_match(world, street):
    request = HelpRequest.objects.get(street=street, description=POST_TEXT)
    helper = MembershipFactory(street=street, user__first_name="Henk").user
    offer = HelpOfferFactory(street=street, author=helper, categories=["vervoer"])
    match = make_match(request, offer, world.gangmaker_a)
    client = Client()
    client.force_login(helper)
    return client.post(
        reverse("matching:match_step", args=[street.pk, match.pk, "accept"]),
        {"note": POST_TEXT},
    )


def _fail_geocoding(monkeypatch, settings, membership):
    """Nominatim logs the URL; an error page echoes the query; a retry logs its arguments;
    an unexpected error quotes the address in its message."""
    query = "Zwaanshals 12, 3035 KS Rotterdam"
    fake = type("Service", (), {"answers": [], "calls": []})()
    monkeypatch.setattr(
        options,
        "default_adapter_factory",
        lambda proxies, ssl_context: CannedAdapter(
            proxies=proxies, ssl_context=ssl_context, service=fake
        ),
    )
    results = []
    for backend, answers in (
        ("nominatim", [AdapterHTTPError("Bad", status_code=400, headers={}, text=query)] * 2),
        ("pdok", [GeocoderTimedOut(f"timed out for {query}"), ValueError(f"kapot: {query}")]),
    ):
        settings.GEOCODER = {
            **settings.GEOCODER,
            "backend": backend,
            "user_agent": "liefleed-tests",
            "min_delay_seconds": 0,
            "error_wait_seconds": 0,
            "max_retries": 1,
        }
        fake.answers[:] = answers
        location = geocode_membership(membership.pk)
        results.append(location.error)
    return results


def test_the_main_flows_log_no_email_password_post_text_or_address(
    world, caplog, monkeypatch, settings, django_capture_on_commit_callbacks
):
    caplog.set_level(logging.DEBUG)
    settings.MAILERS = {"default": {"BACKEND": "tests.security.test_logs.RefusingBackend"}}
    street = world.street_a
    bewoner = world.bewoner_a
    bewoner.set_password(PASSWORD)
    bewoner.save()
    funded_pot(street)

    with django_capture_on_commit_callbacks(execute=True):
        assert _join(Client(), street).status_code == 302
        client = _log_in(bewoner)
        assert _post_request(client, street).status_code == 302
        assert _accept_match(world, street).status_code == 302
        tip = client.post(
            reverse("pot:tip_new", args=[street.pk]),
            {"occasion": "ill", "about": "nr. 9", "note": TIP_TEXT},
        )
        assert tip.status_code == 302
        reset = Client().post(reverse("accounts:password_reset"), {"email": bewoner.email})
        assert reset.status_code == 302
    membership = bewoner.memberships.get(street=street)
    errors = _fail_geocoding(monkeypatch, settings, membership)
    assert errors == ["failed", "failed"]

    # The flows did log: geopy's own lines and the refused mail are among the records.
    loggers = {record.name for record in caplog.records}
    assert {"geopy", "matching.geocoding", "django.contrib.auth"} <= loggers
    secrets = (EMAIL_ADDRESS, bewoner.email, PASSWORD, WRONG_PASSWORD, POST_TEXT, TIP_TEXT)
    leaks = [
        line
        for line in _rendered(caplog.records)
        if any(secret in line for secret in secrets) or ADDRESS.search(line) or EMAIL.search(line)
    ]
    assert not leaks, "\n".join(leaks)
