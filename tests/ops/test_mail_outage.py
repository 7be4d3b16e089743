"""The mail server is unreachable: nothing fails for the neighbour, and notifications go out later.

A real SMTP backend talks to a port on 127.0.0.1 that nobody listens on (bound, then closed),
so the connection is refused exactly as with a mail server that is down.
"""

import datetime
import logging
import socket
import zoneinfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from matching.models import DigestFrequency, MatchStatus, Notification, NotificationPreference
from matching.services.matching import propose_for_request
from matching.services.notifications import send_digests, send_notification
from pot.choices import Occasion
from pot.models import Reminder
from streets.choices import MembershipStatus
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory
from tests.pot.factories import funded_pot
from tests.streets.factories import MembershipFactory

pytestmark = pytest.mark.django_db
AFTERNOON = datetime.datetime(2026, 11, 24, 14, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def mail_server(settings):
    """mail_server.down() points Django at a closed SMTP port; mail_server.up() at locmem."""

    class MailServer:
        def down(self):
            smtp = {"host": "127.0.0.1", "port": _closed_port(), "timeout": 2}
            settings.MAILERS = {
                "default": {
                    "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                    "OPTIONS": smtp,
                }
            }

        def up(self):
            settings.MAILERS = {
                "default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}
            }

    return MailServer()


@pytest.fixture
def proposal(world):
    helper = MembershipFactory(
        street=world.street_a, user__first_name="Henk", house_number="14"
    ).user
    HelpOfferFactory(street=world.street_a, author=helper, availability=["1:ochtend"])
    request = HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, when_slots=["1:ochtend"]
    )
    return propose_for_request(request.pk)[0], helper


def _mails_to(user) -> int:
    return sum(user.email in message.to for message in mail.outbox)


def test_an_acceptance_during_an_outage_is_saved_and_its_news_goes_out_once_later(
    login, world, proposal, mail_server, caplog, django_capture_on_commit_callbacks
):
    match, helper = proposal
    mail_server.down()
    with caplog.at_level(logging.INFO), django_capture_on_commit_callbacks(execute=True):
        response = login(helper).post(
            reverse("matching:match_step", args=[world.street_a.pk, match.pk, "accept"])
        )

    assert response.status_code == 302
    match.refresh_from_db()
    assert match.status == MatchStatus.ACCEPTED
    news = Notification.objects.get(user=world.bewoner_a, kind="accepted")
    assert news.emailed_at is None and news.email_claimed_at is None
    assert "wait for the next run" in caplog.text
    assert world.bewoner_a.email not in caplog.text

    mail_server.up()
    send_digests(now=AFTERNOON)
    send_digests(now=AFTERNOON + datetime.timedelta(hours=1))
    assert _mails_to(world.bewoner_a) == 1
    (body,) = [m.body for m in mail.outbox if world.bewoner_a.email in m.to]
    assert "Henk wil u helpen" in body
    news.refresh_from_db()
    assert news.emailed_at is not None


def test_a_direct_notification_that_failed_is_sent_once_by_the_next_hourly_run(
    proposal, mail_server
):
    _match, helper = proposal
    notification = Notification.objects.get(user=helper)
    mail_server.down()
    assert not send_notification(notification.pk, now=AFTERNOON)
    assert send_digests(now=AFTERNOON) == 0

    mail_server.up()
    assert send_digests(now=AFTERNOON + datetime.timedelta(hours=1)) == 1
    assert not send_notification(notification.pk, now=AFTERNOON + datetime.timedelta(hours=1))
    assert send_digests(now=AFTERNOON + datetime.timedelta(hours=2)) == 0
    assert _mails_to(helper) == 1


def test_a_weekly_digest_that_failed_is_sent_at_the_next_run_not_a_week_later(
    proposal, mail_server
):
    _match, helper = proposal
    NotificationPreference.objects.create(user=helper, digest=DigestFrequency.WEEKLY)
    mail_server.down()
    assert send_digests(now=AFTERNOON) == 0
    assert NotificationPreference.objects.get(user=helper).last_digest_at is None

    mail_server.up()
    assert send_digests(now=AFTERNOON + datetime.timedelta(hours=1)) == 1
    assert send_digests(now=AFTERNOON + datetime.timedelta(hours=2)) == 0
    assert _mails_to(helper) == 1


def test_a_gangmaker_approving_a_neighbour_during_an_outage_gets_no_error_page(
    login, world, mail_server, caplog, django_capture_on_commit_callbacks
):
    application = MembershipFactory(street=world.street_a, status=MembershipStatus.PENDING)
    mail_server.down()
    with caplog.at_level(logging.INFO), django_capture_on_commit_callbacks(execute=True):
        response = login(world.gangmaker_a).post(
            reverse("streets:approve", args=[world.street_a.pk, application.pk])
        )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == MembershipStatus.APPROVED
    assert "not sent: ConnectionRefusedError" in caplog.text
    assert application.user.email not in caplog.text


def test_pot_reminders_that_could_not_be_mailed_are_mailed_once_the_next_day(
    world, mail_server, django_capture_on_commit_callbacks
):
    pot = funded_pot(world.street_a)
    Reminder.objects.create(
        pot=pot, occasion=Occasion.ZIEK, due_on=timezone.localdate(), text="Even langs bij nr. 5?"
    )
    mail_server.down()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_pot_reminders")
    assert Reminder.objects.get().sent_at is None

    mail_server.up()
    for _day in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            call_command("send_pot_reminders")
    assert [m.to for m in mail.outbox] == [[world.gangmaker_a.email]]
    assert "Even langs bij nr. 5?" in mail.outbox[0].body
