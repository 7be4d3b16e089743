"""Applicants and candidate gangmakers read their mails in the language they applied in;
a person with an account that chose a language reads theirs."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import translation

from programme.models import StreetApplication
from programme.services import start_street
from tests.programme.test_views import APPLICATION

pytestmark = pytest.mark.django_db
User = get_user_model()


def _in(language: str, msgid: str, **values) -> str:
    with translation.override(language):
        return translation.gettext(msgid) % values


def _apply_in(client, language, form_started, capture, **changes):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    with capture(execute=True):
        response = client.post(
            reverse("programme:apply"), {**APPLICATION, **form_started, **changes}
        )
    assert response.status_code == 302
    return StreetApplication.objects.get()


def _mails_to(address):
    return [m for m in mail.outbox if m.to == [address]]


@pytest.mark.parametrize("language", ["en", "tr"])
def test_an_application_made_in_english_or_turkish_is_confirmed_in_that_language(
    client, world, form_started, django_capture_on_commit_callbacks, language
):
    application = _apply_in(client, language, form_started, django_capture_on_commit_callbacks)

    assert {a.language for a in application.applicants.all()} == {language}
    assert {c.language for c in application.candidates.all()} == {language}
    (received,) = _mails_to("ria@example.org")
    subject = _in(language, "Uw aanmelding voor %(street_name)s", street_name="Bloemkweekstraat")
    assert subject != "Uw aanmelding voor Bloemkweekstraat"
    assert received.subject == subject
    assert _in(language, "Groet,") in received.body
    assert "Groet," not in received.body
    assert received.extra_headers["Content-Language"] == language
    assert received.alternatives[0].content.startswith(f'<div lang="{language}"')
    # The coordinator reads the news in their own language (theirs is not chosen: Dutch).
    (for_coordinator,) = _mails_to(world.coordinator.email)
    assert for_coordinator.extra_headers["Content-Language"] == "nl"


def test_a_dutch_application_stays_dutch(
    client, world, form_started, django_capture_on_commit_callbacks
):
    application = _apply_in(client, "nl", form_started, django_capture_on_commit_callbacks)

    assert application.applicants.get().language == "nl"
    (received,) = _mails_to("ria@example.org")
    assert received.subject == "Uw aanmelding voor Bloemkweekstraat"
    assert "Groet," in received.body
    assert received.extra_headers["Content-Language"] == "nl"


def test_an_applicant_whose_account_chose_a_language_reads_that_one(
    client, world, form_started, django_capture_on_commit_callbacks
):
    world.bewoner_a.language = "ar"
    world.bewoner_a.save(update_fields=["language"])

    _apply_in(
        client,
        "en",
        form_started,
        django_capture_on_commit_callbacks,
        email=world.bewoner_a.email,
        gangmaker_1_email=world.bewoner_a.email,
    )

    (received,) = _mails_to(world.bewoner_a.email)
    assert received.extra_headers["Content-Language"] == "ar"
    assert received.subject == _in(
        "ar", "Uw aanmelding voor %(street_name)s", street_name="Bloemkweekstraat"
    )


def test_the_start_and_the_invitation_reach_a_turkish_applicant_in_turkish(
    client, world, form_started, django_capture_on_commit_callbacks
):
    application = _apply_in(client, "tr", form_started, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    translation.activate("nl")  # the coordinator starts the street on a Dutch screen

    with django_capture_on_commit_callbacks(execute=True):
        street, _created = start_street(application, world.coordinator, wijk=world.wijk)

    subjects = {m.subject for m in _mails_to("ria@example.org")}
    assert subjects == {
        _in("tr", "De %(title)s is een Lief & Leedstraat!", title=street.title),
        _in("tr", "U bent gangmaker van de %(title)s", title=street.title),
    }
    assert {m.extra_headers["Content-Language"] for m in _mails_to("ria@example.org")} == {"tr"}
    # The new gangmaker's account starts in Turkish, so later mails are Turkish too.
    assert User.objects.get(email="ria@example.org").language == "tr"


def test_a_candidate_with_an_account_that_chose_keeps_their_language_when_appointed(
    client, world, form_started, django_capture_on_commit_callbacks
):
    world.bewoner_a.language = "en"
    world.bewoner_a.save(update_fields=["language"])
    application = _apply_in(
        client,
        "tr",
        form_started,
        django_capture_on_commit_callbacks,
        gangmaker_1_name=world.bewoner_a.first_name,
        gangmaker_1_email=world.bewoner_a.email,
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        street, _created = start_street(application, world.coordinator, wijk=world.wijk)

    (appointed,) = _mails_to(world.bewoner_a.email)
    assert appointed.extra_headers["Content-Language"] == "en"
    world.bewoner_a.refresh_from_db()
    assert world.bewoner_a.language == "en"
