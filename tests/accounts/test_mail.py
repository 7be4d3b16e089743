"""accounts.mail: every e-mail to a person goes through Django's default mailer (MAILERS)."""

import socket

import pytest
from django.core import mail
from django.utils.deprecation import RemovedInDjango2028Warning

from accounts.mail import send_to_user
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db

ITEMS = {"items": [{"text": "Henk kan dinsdag helpen", "street": "Zwaanshals", "url": "/"}]}


def test_a_mail_to_a_neighbour_goes_out_through_the_default_mailer_as_text_and_html():
    user = UserFactory(email="anna@example.org")

    assert send_to_user(user, "matching/email/notifications", ITEMS) is True

    (message,) = mail.outbox
    assert message.sent_using == "default"
    assert message.to == ["anna@example.org"]
    assert "Henk kan dinsdag helpen" in message.body
    assert message.alternatives[0].mimetype == "text/html"


def test_an_unreachable_mail_server_is_reported_to_callers_that_keep_an_outbox(settings):
    with socket.socket() as sock:  # a port on this machine that nobody listens on
        sock.bind(("127.0.0.1", 0))
        closed_port = sock.getsockname()[1]
    # No BACKEND: a MAILERS entry is Django's SMTP backend by default.
    settings.MAILERS = {"default": {"OPTIONS": {"host": "127.0.0.1", "port": closed_port}}}
    user = UserFactory(email="anna@example.org")

    assert send_to_user(user, "matching/email/notifications", ITEMS) is False
    with pytest.raises(OSError):
        send_to_user(user, "matching/email/notifications", ITEMS, fail_silently=False)


def test_code_that_uses_the_deprecated_mail_api_fails_the_suite():
    # pyproject.toml turns Django's e-mail deprecation warnings into errors.
    with pytest.raises(RemovedInDjango2028Warning, match="get_connection"):
        mail.get_connection()
