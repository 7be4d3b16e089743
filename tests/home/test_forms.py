"""The contact form works for people and stops simple bots, without any outside service."""

import time

import pytest
from django.conf import settings
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from home.forms import HONEYPOT_FIELD, TIMESTAMP_FIELD, start_token
from tests.home.factories import FormFieldFactory, FormPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(home):
    page = FormPageFactory(parent=home)
    FormFieldFactory(page=page, label="Uw vraag", field_type="multiline")
    return page


def post(client, page, **extra):
    data = {
        "uw_vraag": "Hoe begin ik een Lief & Leedstraat?",
        TIMESTAMP_FIELD: start_token(time.time() - 30),
    }
    data.update(extra)
    return client.post(page.url, data)


def test_a_person_sends_a_question_and_it_is_stored_and_mailed(client, contact):
    response = post(client, contact)
    assert response.status_code == 200
    assert "Bedankt" in response.content.decode()
    submission = FormSubmission.objects.get(page=contact)
    assert submission.get_data()["uw_vraag"] == "Hoe begin ik een Lief & Leedstraat?"
    assert HONEYPOT_FIELD not in submission.form_data
    (message,) = mail.outbox
    assert message.sent_using == "default"
    assert message.to == [address.strip() for address in contact.to_address.split(",")]
    assert message.subject == contact.subject
    assert message.from_email == settings.DEFAULT_FROM_EMAIL
    assert "Uw vraag: Hoe begin ik een Lief & Leedstraat?" in message.body
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"


def test_a_filled_honeypot_is_refused(client, contact):
    response = post(client, contact, **{HONEYPOT_FIELD: "http://spam.example"})
    assert "Dit formulier kon niet worden verstuurd." in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_a_form_sent_within_seconds_is_refused_and_keeps_the_text(client, contact):
    response = post(client, contact, **{TIMESTAMP_FIELD: start_token()})
    body = response.content.decode()
    assert "Dat ging wel erg snel" in body
    assert "Hoe begin ik een Lief &amp; Leedstraat?" in body
    assert not FormSubmission.objects.exists()


@pytest.mark.parametrize("token", ["", "forged", "123:abc"])
def test_a_missing_or_forged_timestamp_is_refused(client, contact, token):
    response = post(client, contact, **{TIMESTAMP_FIELD: token})
    assert "verlopen" in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_an_expired_form_can_be_sent_again_after_the_error(client, contact):
    response = post(client, contact, **{TIMESTAMP_FIELD: start_token(time.time() - 3 * 86400)})
    assert "verlopen" in response.content.decode()
    assert not FormSubmission.objects.exists()
    # The re-rendered form carries a fresh start time.
    assert response.context["form"].data[TIMESTAMP_FIELD] != ""
