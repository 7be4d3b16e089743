"""Notifications: quiet hours, digests, the outbox key, and the door list for offline neighbours."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.urls import reverse

from matching.models import DigestFrequency, Notification, NotificationPreference
from matching.services.matching import propose_for_request
from matching.services.notifications import send_digests, send_notification
from tests.accounts.factories import OfflineUserFactory
from tests.streets.factories import MembershipFactory

from .factories import HelpOfferFactory, HelpRequestFactory

pytestmark = pytest.mark.django_db
AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
AFTERNOON = datetime.datetime(2026, 11, 24, 14, 0, tzinfo=AMS)
NIGHT = datetime.datetime(2026, 11, 24, 23, 30, tzinfo=AMS)


@pytest.fixture
def proposal(world):
    helper = MembershipFactory(
        street=world.street_a, user__first_name="Henk", house_number="14"
    ).user
    HelpOfferFactory(street=world.street_a, author=helper, availability=["1:ochtend"])
    HelpRequestFactory(street=world.street_a, author=world.bewoner_a, when_slots=["1:ochtend"])
    request = world.bewoner_a.help_posts.get()
    return propose_for_request(request.pk)[0], helper


def test_a_proposal_is_mailed_once_even_if_the_task_runs_twice(proposal):
    match, helper = proposal
    notification = Notification.objects.get(user=helper)
    assert send_notification(notification.pk, now=AFTERNOON)
    assert not send_notification(notification.pk, now=AFTERNOON)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [helper.email]
    assert "Anna zoekt hulp" in mail.outbox[0].body


def test_nothing_is_mailed_at_night_and_it_goes_out_in_the_morning(proposal):
    _match, helper = proposal
    notification = Notification.objects.get(user=helper)
    assert not send_notification(notification.pk, now=NIGHT)
    assert send_digests(now=NIGHT) == 0
    assert mail.outbox == []
    assert send_digests(now=AFTERNOON) == 1
    assert len(mail.outbox) == 1


def test_a_member_who_chose_a_weekly_digest_gets_one_mail_a_week(proposal):
    _match, helper = proposal
    NotificationPreference.objects.create(user=helper, digest=DigestFrequency.WEEKLY)
    notification = Notification.objects.get(user=helper)
    assert not send_notification(notification.pk, now=AFTERNOON)
    assert send_digests(now=AFTERNOON) == 1
    Notification.objects.create(
        user=helper, street=notification.street, kind="other", text="Nog iets"
    )
    assert send_digests(now=AFTERNOON + datetime.timedelta(days=2)) == 0
    assert send_digests(now=AFTERNOON + datetime.timedelta(days=7)) == 1
    assert len(mail.outbox) == 2


def test_news_for_an_offline_neighbour_lands_on_the_gangmakers_door_list(login, world):
    truus = OfflineUserFactory(first_name="Truus")
    MembershipFactory(street=world.street_a, user=truus, house_number="3")
    HelpRequestFactory(
        street=world.street_a, author=truus, when_slots=["1:ochtend"], posted_by=world.gangmaker_a
    )
    helper = MembershipFactory(street=world.street_a, house_number="5").user
    HelpOfferFactory(street=world.street_a, author=helper, availability=["1:ochtend"])
    from matching.services.lifecycle import take_step

    match = propose_for_request(truus.help_posts.get().pk)[0]
    take_step(match, "accept", helper, can_manage=False)

    url = reverse("matching:door_list", args=[world.street_a.pk])
    body = login(world.gangmaker_a).get(url).content.decode()
    assert "Truus" in body and "wil u helpen" in body
    assert login(world.bewoner_a).get(url).status_code == 403
    login(world.gangmaker_a).post(url)
    assert "Er is nu niets door te geven." in login(world.gangmaker_a).get(url).content.decode()


def test_a_member_chooses_how_often_to_get_mail(login, world):
    client = login(world.bewoner_a)
    client.post(reverse("matching:preferences"), {"digest": "daily"})
    assert NotificationPreference.objects.get(user=world.bewoner_a).digest == "daily"
    response = client.post(reverse("matching:preferences"), {"digest": "elk uur"})
    assert response.status_code == 200
    assert NotificationPreference.objects.get(user=world.bewoner_a).digest == "daily"


def test_a_notification_claimed_by_a_killed_run_is_sent_once_when_the_claim_expires(
    proposal, settings
):
    _match, helper = proposal
    notification = Notification.objects.get(user=helper)
    # A worker claimed it and was killed before the mail went out.
    Notification.objects.filter(pk=notification.pk).update(email_claimed_at=AFTERNOON)

    assert not send_notification(notification.pk, now=AFTERNOON + datetime.timedelta(seconds=5))
    assert mail.outbox == []
    lease = datetime.timedelta(seconds=settings.Q_CLUSTER["timeout"])
    later = AFTERNOON + lease + datetime.timedelta(seconds=1)
    assert send_digests(now=later) == 1
    assert send_digests(now=later + datetime.timedelta(hours=1)) == 0
    assert len(mail.outbox) == 1


def test_opening_mijn_hulp_keeps_news_new_until_the_member_marks_it_read(login, proposal, world):
    _match, helper = proposal
    client = login(helper)
    url = reverse("matching:my_help", args=[world.street_a.pk])
    for _look in range(2):
        page = client.get(url).text
        assert "Nieuw:" in page
        assert "Markeer als gelezen" in page
    assert Notification.objects.filter(user=helper, read_at__isnull=True).count() == 1

    assert client.post(url)["Location"] == url
    page = client.get(url).text
    assert "Nieuw:" not in page
    assert "Markeer als gelezen" not in page
    assert not Notification.objects.filter(user=helper, read_at__isnull=True).exists()


def test_looking_at_the_mail_preference_stores_nothing(login, world):
    page = login(world.bewoner_a).get(reverse("matching:preferences"))
    assert page.status_code == 200
    assert not NotificationPreference.objects.filter(user=world.bewoner_a).exists()
