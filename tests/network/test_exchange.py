"""The gangmakers' exchange and directory, as gangmakers and coordinators use them: asking
and answering across streets, never across municipalities, moderation by the coordinator,
messages through the site without e-mail addresses."""

import pytest
from django.urls import reverse

from accounts.todos import todos_for
from matching.models import Notification
from network.models import ExchangeReport, GangmakerMessage, Reply, Topic
from tests.streets.factories import GangmakerMembershipFactory

pytestmark = pytest.mark.django_db


def test_a_gangmaker_asks_and_the_gangmaker_of_another_street_answers(login, world):
    client = login(world.gangmaker_a)
    response = client.post(
        reverse("network:new_topic", args=[world.home.pk]),
        {"title": "Hoe vinden jullie een tweede gangmaker?", "body": "Wij zoeken er een."},
        follow=True,
    )
    topic = Topic.objects.get()
    assert topic.author_street == world.street_a
    body = response.content.decode()
    assert "Hoe vinden jullie een tweede gangmaker?" in body
    assert f"{world.gangmaker_a.first_name}, Zwaanshals" in body
    assert world.gangmaker_a.email not in body

    client = login(world.gangmaker_b)
    client.post(reverse("network:topic", args=[topic.pk]), {"body": "Op de straatborrel vragen!"})
    reply = Reply.objects.get()
    assert reply.author_street == world.street_b
    # The asker hears of it through the outbox (digest and quiet hours respected).
    news = Notification.objects.get(user=world.gangmaker_a, kind="exchange_reply")
    assert "Hoe vinden jullie een tweede gangmaker?" in news.text
    page = login(world.gangmaker_a).get(reverse("network:topic", args=[topic.pk]))
    assert "Op de straatborrel vragen!" in page.content.decode()
    assert "Bergweg" in page.content.decode()


def test_an_empty_question_is_refused_in_dutch_and_keeps_what_was_typed(login, world):
    response = login(world.gangmaker_a).post(
        reverse("network:new_topic", args=[world.home.pk]), {"title": "Kerst", "body": "   "}
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Schrijf eerst iets." in body
    assert 'value="Kerst"' in body
    assert not Topic.objects.exists()


def test_a_gangmaker_never_reads_another_municipalitys_exchange(login, world, other_municipality):
    theirs = Topic.objects.create(
        municipality=other_municipality.home,
        title="Alleen voor Amstelveen",
        body="...",
        author=other_municipality.gangmaker,
    )
    client = login(world.gangmaker_a)
    assert (
        client.get(reverse("network:exchange", args=[other_municipality.home.pk])).status_code
        == 403
    )
    assert client.get(reverse("network:topic", args=[theirs.pk])).status_code == 404
    response = client.post(reverse("network:topic", args=[theirs.pk]), {"body": "Hallo"})
    assert response.status_code == 404
    assert not Reply.objects.exists()
    # The national exchange is shared by both.
    national = Topic.objects.create(
        title="Feestdagen", body="...", author=other_municipality.gangmaker
    )
    assert client.get(reverse("network:topic", args=[national.pk])).status_code == 200


def test_neighbours_and_welzijn_staff_have_no_place_in_the_exchange(login, world):
    for person in (world.bewoner_a, world.welzijn_a):
        client = login(person)
        assert client.get(reverse("network:index")).status_code == 403
        assert client.get(reverse("network:national")).status_code == 403
        assert client.get(reverse("network:exchange", args=[world.home.pk])).status_code == 403


def test_the_coordinator_hides_a_reported_reply_after_confirming(login, world):
    topic = Topic.objects.create(
        municipality=world.home, title="Potje", body="...", author=world.gangmaker_a
    )
    reply = Reply.objects.create(topic=topic, body="Koop mijn spullen!", author=world.gangmaker_b)
    login(world.gangmaker_a).post(
        reverse("network:report_reply", args=[topic.pk, reply.pk]), {"reason": "Reclame."}
    )
    assert ExchangeReport.objects.filter(reply=reply, handled_at__isnull=True).exists()
    # A gangmaker cannot hide.
    assert (
        login(world.gangmaker_a)
        .post(reverse("network:hide_reply", args=[topic.pk, reply.pk]))
        .status_code
        == 403
    )

    client = login(world.coordinator)
    confirm = client.get(reverse("network:hide_reply", args=[topic.pk, reply.pk]))
    assert "Deze reactie verbergen?" in confirm.content.decode()
    reply.refresh_from_db()
    assert reply.hidden_at is None  # looking changes nothing
    client.post(reverse("network:hide_reply", args=[topic.pk, reply.pk]))
    reply.refresh_from_db()
    assert reply.hidden_at is not None
    assert not ExchangeReport.objects.filter(handled_at__isnull=True).exists()
    page = login(world.gangmaker_a).get(reverse("network:topic", args=[topic.pk]))
    assert "Koop mijn spullen!" not in page.content.decode()


def test_gangmakers_of_a_wijk_write_each_other_without_seeing_an_address(login, world):
    target = world.gangmaker_a.memberships.get(street=world.street_a)
    directory = login(world.gangmaker_b).get(reverse("network:directory", args=[world.wijk.pk]))
    body = directory.content.decode()
    assert world.gangmaker_a.first_name in body and "Zwaanshals" in body
    assert world.gangmaker_a.email not in body
    assert world.gangmaker_a.last_name not in body

    client = login(world.gangmaker_b)
    client.post(
        reverse("network:contact", args=[target.pk]),
        {"body": "Zullen we samen een buurtfeest doen?"},
    )
    message = GangmakerMessage.objects.get()
    assert (message.sender, message.recipient) == (world.gangmaker_b, world.gangmaker_a)
    assert Notification.objects.filter(user=world.gangmaker_a, kind="gangmaker_message").exists()
    assert any(
        t.kind == "gangmaker_messages" and t.count == 1 for t in todos_for(world.gangmaker_a)
    )

    inbox = login(world.gangmaker_a).get(reverse("network:inbox"))
    body = inbox.content.decode()
    assert "Zullen we samen een buurtfeest doen?" in body
    assert world.gangmaker_b.email not in body
    message.refresh_from_db()
    assert message.read_at is None  # looking changes nothing
    login(world.gangmaker_a).post(reverse("network:inbox"))
    message.refresh_from_db()
    assert message.read_at is not None


def test_the_directory_of_another_wijk_is_closed_to_a_gangmaker(login, world):
    GangmakerMembershipFactory(street=world.street_c, user__first_name="Zoë")
    client = login(world.gangmaker_a)
    assert client.get(reverse("network:directory", args=[world.other_wijk.pk])).status_code == 403
    other = world.street_c.memberships.get(user__first_name="Zoë")
    assert (
        client.post(reverse("network:contact", args=[other.pk]), {"body": "Hoi"}).status_code == 404
    )
    assert not GangmakerMessage.objects.exists()


def test_erasing_a_gangmaker_removes_what_they_wrote(world):
    from accounts.privacy import export_personal_data

    topic = Topic.objects.create(
        municipality=world.home, title="T", body="B", author=world.gangmaker_a
    )
    Reply.objects.create(topic=topic, body="R", author=world.gangmaker_a)
    assert export_personal_data(world.gangmaker_a)["uitwisseling"]["onderwerpen"]
    from network.personal_data import erase

    erase(world.gangmaker_a, None)
    assert not Topic.objects.exists() and not Reply.objects.exists()
