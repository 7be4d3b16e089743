"""Newsletters: double opt-in, unsubscribing from a link without logging in (also RFC 8058's
one-click POST), the headers of every mail, who receives and who may send, sending once in
batches that a crash between claim and send does not make skip or repeat anyone."""

import datetime
import io
import re
import time
import uuid
from unittest import mock

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from home.forms import start_token
from network.newsletters import sending, tokens
from network.newsletters.choices import SubscriberStatus
from network.newsletters.models import Delivery, Dispatch, Subscriber
from network.newsletters.recipients import recipients
from tests.network.factories import (
    NewsletterIndexPageFactory,
    NewsletterPageFactory,
    subscribers,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsletter(world):
    return NewsletterIndexPageFactory(parent=world.home)


@pytest.fixture
def issue(newsletter):
    return NewsletterPageFactory(parent=newsletter, title="Nieuwsbrief maart")


def _subscribe_form(**extra):
    return {
        "email": "Lezer@Example.org",
        "name": "Lies",
        "website": "",
        "form_started": start_token(time.time() - 10),
        **extra,
    }


def _link(message, name):
    prefix = reverse(name, args=["TOKEN"]).replace("TOKEN/", "")
    return re.search(re.escape(prefix) + r"[^/\s\"]+/", message.body).group(0)


# --- subscribing ------------------------------------------------------------------------------


def test_subscribing_takes_a_confirmation_by_link_and_the_links_get_changes_nothing(
    client, newsletter
):
    response = client.post(
        reverse("network:newsletter_subscribe", args=[newsletter.pk]), _subscribe_form()
    )
    assert response.status_code == 302
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.name) == ("lezer@example.org", "Lies")
    assert subscriber.status == SubscriberStatus.PENDING
    assert "lezer@example.org" not in {r.email for r in recipients(newsletter)}
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["lezer@example.org"]

    link = _link(mail.outbox[0], "network:newsletter_confirm")
    page = client.get(link)
    assert page.status_code == 200
    assert "Ja, ik wil de nieuwsbrief" in page.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING  # looking changed nothing

    client.post(link)
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE
    assert "lezer@example.org" in {r.email for r in recipients(newsletter)}


def test_a_confirmation_link_that_was_altered_or_is_too_old_is_refused(client, newsletter):
    subscriber = Subscriber.objects.create(newsletter=newsletter, email="a@example.org")
    token = tokens.confirm_token(subscriber)
    assert client.post(reverse("network:newsletter_confirm", args=[token + "x"])).status_code == 404
    later = time.time() + tokens.CONFIRM_MAX_AGE + 60
    with mock.patch("time.time", return_value=later):
        response = client.post(reverse("network:newsletter_confirm", args=[token]))
    assert response.status_code == 404
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING


def test_a_bad_address_keeps_the_input_and_says_what_is_wrong_in_dutch(client, newsletter):
    response = client.post(
        reverse("network:newsletter_subscribe", args=[newsletter.pk]),
        _subscribe_form(email="lies-at-example", name="Lies de Vries"),
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "Dit is geen geldig e-mailadres" in page
    assert 'value="lies-at-example"' in page and 'value="Lies de Vries"' in page
    assert not Subscriber.objects.exists()


def test_the_honeypot_and_a_form_sent_too_fast_subscribe_nobody(client, newsletter):
    url = reverse("network:newsletter_subscribe", args=[newsletter.pk])
    client.post(url, _subscribe_form(website="http://spam.example"))
    client.post(url, _subscribe_form(form_started=start_token(time.time())))
    assert not Subscriber.objects.exists() and not mail.outbox


def test_subscribing_is_limited_per_address(client, newsletter, settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "newsletter_subscribe": (2, 3600)}
    url = reverse("network:newsletter_subscribe", args=[newsletter.pk])
    for number in range(2):
        assert client.post(url, _subscribe_form(email=f"x{number}@example.org")).status_code == 302
    assert client.post(url, _subscribe_form(email="x9@example.org")).status_code == 429


def test_extra_fields_in_the_subscribe_form_change_nothing_else(client, newsletter):
    client.post(
        reverse("network:newsletter_subscribe", args=[newsletter.pk]),
        _subscribe_form(status="active", confirmed_at="2020-01-01", user=1, newsletter=999),
    )
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.PENDING
    assert subscriber.confirmed_at is None and subscriber.user_id is None
    assert subscriber.newsletter_id == newsletter.pk


def test_an_address_already_on_the_list_gets_the_same_answer_and_no_mail(client, newsletter):
    subscribers(newsletter, 1)
    response = client.post(
        reverse("network:newsletter_subscribe", args=[newsletter.pk]),
        _subscribe_form(email="lezer0@example.org"),
    )
    assert response.status_code == 302 and not mail.outbox


# --- who receives -----------------------------------------------------------------------------


def test_gangmakers_of_the_municipality_receive_it_unless_they_opt_out(
    login, world, newsletter, other_municipality
):
    emails = {r.email for r in recipients(newsletter)}
    assert emails == {world.gangmaker_a.email.lower(), world.gangmaker_b.email.lower()}
    assert other_municipality.gangmaker.email.lower() not in emails

    client = login(world.gangmaker_a)
    page = client.get(reverse("network:newsletter_preferences")).content.decode()
    assert "U ontvangt deze nieuwsbrief." in page
    client.post(reverse("network:newsletter_preferences"), {"newsletter": newsletter.pk})
    assert {r.email for r in recipients(newsletter)} == {world.gangmaker_b.email.lower()}
    client.post(
        reverse("network:newsletter_preferences"), {"newsletter": newsletter.pk, "receive": "on"}
    )
    assert world.gangmaker_a.email.lower() in {r.email for r in recipients(newsletter)}


def test_the_preferences_of_someone_without_newsletters_say_where_to_subscribe(login, world):
    page = login(world.bewoner_a).get(reverse("network:newsletter_preferences"))
    assert "Aanmelden doet u op de pagina Nieuwsbrief" in page.content.decode()


def test_a_person_cannot_switch_a_newsletter_that_is_not_theirs(login, world, other_municipality):
    theirs = NewsletterIndexPageFactory(parent=other_municipality.home)
    response = login(world.gangmaker_a).post(
        reverse("network:newsletter_preferences"), {"newsletter": theirs.pk, "receive": "on"}
    )
    assert response.status_code == 404
    assert not Subscriber.objects.exists()


# --- unsubscribing ----------------------------------------------------------------------------


def _sent_mail(world, issue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        sending.start_sending(issue, world.coordinator)
    return {m.to[0]: m for m in mail.outbox}


def test_every_mail_has_the_one_click_unsubscribe_headers_and_a_link(
    world, issue, django_capture_on_commit_callbacks
):
    subscribers(issue.newsletter, 2)
    sent = _sent_mail(world, issue, django_capture_on_commit_callbacks)
    assert len(sent) == 4
    for message in sent.values():
        header = message.extra_headers["List-Unsubscribe"]
        assert re.fullmatch(r"<https?://[^>]+/nieuwsbrief/afmelden/[^>]+/>, <mailto:[^>]+>", header)
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert header[1:].split(">")[0] in message.body
        assert "In de Bergweg krijgt elke nieuwe buur een taart." in message.body
        assert message.extra_headers["Message-ID"].startswith("<nieuwsbrief-")


def test_a_logged_out_reader_unsubscribes_through_the_link_and_get_changes_nothing(
    client, world, issue, django_capture_on_commit_callbacks
):
    subscribers(issue.newsletter, 1)
    sent = _sent_mail(world, issue, django_capture_on_commit_callbacks)
    url = sent["lezer0@example.org"].extra_headers["List-Unsubscribe"][1:].split(">")[0]
    page = client.get(url)
    assert page.status_code == 200 and "Ja, afmelden" in page.content.decode()
    assert Subscriber.objects.get().status == SubscriberStatus.ACTIVE
    response = client.post(url)
    assert "U bent afgemeld" in response.content.decode()
    assert Subscriber.objects.get().status == SubscriberStatus.UNSUBSCRIBED
    assert "lezer0@example.org" not in {r.email for r in recipients(issue.newsletter)}


def test_the_one_click_post_of_a_mail_program_unsubscribes_a_gangmaker_without_csrf(
    world, issue, django_capture_on_commit_callbacks
):
    from django.test import Client

    sent = _sent_mail(world, issue, django_capture_on_commit_callbacks)
    address = world.gangmaker_a.email.lower()
    url = sent[address].extra_headers["List-Unsubscribe"][1:].split(">")[0]
    mail_program = Client(enforce_csrf_checks=True)
    response = mail_program.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert address not in {r.email for r in recipients(issue.newsletter)}


def test_an_altered_unsubscribe_link_is_refused(client, newsletter):
    token = tokens.unsubscribe_token(newsletter.pk, "a@example.org")
    forged = tokens.unsubscribe_token(newsletter.pk, "b@example.org").split(":")[0]
    bad = forged + ":" + token.split(":", 1)[1]
    assert client.post(reverse("network:newsletter_unsubscribe", args=[bad])).status_code == 404
    assert not Subscriber.objects.exists()


# --- sending ----------------------------------------------------------------------------------


def test_sending_writes_one_delivery_per_address_and_sends_each_once(
    world, issue, django_capture_on_commit_callbacks
):
    subscribers(issue.newsletter, 5)
    # A gangmaker who also subscribed with the same address gets one mail.
    Subscriber.objects.create(
        newsletter=issue.newsletter,
        email=world.gangmaker_a.email.upper(),
        status=SubscriberStatus.ACTIVE,
    )
    sent = _sent_mail(world, issue, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == len(sent) == 7
    dispatch = Dispatch.objects.get()
    assert dispatch.total == 7 and dispatch.finished_at is not None
    assert not Delivery.objects.filter(sent_at=None).exists()
    with pytest.raises(sending.AlreadySent):
        sending.start_sending(issue, world.coordinator)
    assert Delivery.objects.count() == 7 and len(mail.outbox) == 7


def test_a_batch_that_crashed_between_claim_and_send_skips_nobody_and_repeats_nobody(
    world, issue, settings
):
    subscribers(issue.newsletter, 30)
    with mock.patch.object(sending, "enqueue"):
        dispatch = sending.start_sending(issue, world.coordinator)
    total = dispatch.total
    settings.Q_CLUSTER = {**settings.Q_CLUSTER, "timeout": 60}

    # A batch claims rows and dies before it sends: its rows stay claimed.
    with mock.patch.object(sending, "BATCH_SIZE", 10):
        dead = sending.claim_batch(dispatch.pk)
        # A second batch, while the first still may be alive, leaves the claimed rows alone.
        token = sending.claim_batch(dispatch.pk)
        assert not Delivery.objects.filter(claim=dead).filter(claim=token).exists()
        sending.send_claimed(dispatch, token)
        # A batch that dies halfway: the server accepted two mails, then the worker is gone.
        half = sending.claim_batch(dispatch.pk)
        real_send = sending.mailers.default.__class__.send_messages
        calls = []

        def dies_after_two(self, messages):
            if len(calls) == 2:
                raise SystemExit("killed")
            calls.append(messages)
            return real_send(self, messages)

        with (
            mock.patch.object(sending.mailers.default.__class__, "send_messages", dies_after_two),
            pytest.raises(SystemExit),
        ):
            sending.send_claimed(dispatch, half)
    assert len(mail.outbox) == 12
    assert Delivery.objects.filter(sent_at__isnull=False).count() == 12

    # Nothing is free until the dead claims expired; then the next batches take them over.
    assert sending.claim_batch(dispatch.pk) is not None  # the rows nobody claimed yet
    Delivery.objects.filter(claim=dead).update(
        claimed_at=timezone.now() - timezone.timedelta(seconds=61)
    )
    Delivery.objects.filter(claim=half).update(
        claimed_at=timezone.now() - timezone.timedelta(seconds=61)
    )
    Delivery.objects.filter(sent_at=None).exclude(claim__in=[dead, half]).update(
        claim=uuid.uuid4(), claimed_at=timezone.now() - timezone.timedelta(seconds=61)
    )
    while sending.send_batch(dispatch.pk):
        pass
    per_address = {}
    for message in mail.outbox:
        per_address[message.to[0]] = per_address.get(message.to[0], 0) + 1
    assert len(per_address) == total
    assert set(per_address.values()) == {1}
    assert Dispatch.objects.get().finished_at is not None


def test_a_mail_server_that_cannot_be_reached_leaves_the_rest_for_the_next_run(world, issue):
    subscribers(issue.newsletter, 3)
    with mock.patch.object(sending, "enqueue"):
        dispatch = sending.start_sending(issue, world.coordinator)
    with mock.patch.object(
        sending.mailers.default.__class__, "send_messages", side_effect=ConnectionRefusedError
    ):
        assert sending.send_batch(dispatch.pk) == 0
    assert not Delivery.objects.exclude(claim=None).exists()
    with mock.patch.object(sending, "enqueue") as enqueue:
        assert sending.resume_unfinished() == 1
    enqueue.assert_called_once_with(dispatch.pk, batches=1)
    sending.send_batch(dispatch.pk)
    assert len(mail.outbox) == 5


# --- the person's data ------------------------------------------------------------------------


def test_a_persons_download_has_their_subscriptions_and_erasing_removes_every_trace(
    world, issue, django_capture_on_commit_callbacks
):
    from accounts.privacy import Identity, export_personal_data
    from network.personal_data import erase_newsletters

    person = world.gangmaker_a
    Subscriber.objects.create(
        newsletter=issue.newsletter, email=person.email, status=SubscriberStatus.ACTIVE
    )
    _sent_mail(world, issue, django_capture_on_commit_callbacks)
    data = export_personal_data(person)["nieuwsbrieven"]
    assert [row["email"] for row in data["aanmeldingen"]] == [person.email]
    assert [row["dispatch__subject"] for row in data["ontvangen"]] == ["Nieuwsbrief maart"]

    erase_newsletters(person, Identity(person.pk, person.get_full_name(), person.email))
    assert not Subscriber.objects.filter(email__iexact=person.email).exists()
    assert not Delivery.objects.filter(email__iexact=person.email).exists()
    assert Delivery.objects.filter(email__iexact=world.gangmaker_b.email).exists()


# --- reading and sending: who may --------------------------------------------------------------


def _send_urls(issue):
    return [
        reverse("network_newsletter_test", args=[issue.pk]),
        reverse("network_newsletter_send", args=[issue.pk]),
        reverse("network_newsletter_progress", args=[issue.pk]),
    ]


def test_anyone_reads_the_archive_of_sent_issues_and_no_issue_before_it_was_sent(
    client, login, world, issue, django_capture_on_commit_callbacks
):
    draft = NewsletterPageFactory(parent=issue.newsletter, title="Nog niet verzonden")
    _sent_mail(world, issue, django_capture_on_commit_callbacks)
    archive = client.get(issue.newsletter.url).content.decode()
    assert "Nieuwsbrief maart" in archive and "Nog niet verzonden" not in archive
    assert client.get(issue.url).status_code == 200
    assert client.get(reverse("network:newsletter_print", args=[issue.pk])).status_code == 200
    for person in (None, world.gangmaker_a, world.bewoner_a):
        reader = login(person) if person else client
        assert reader.get(draft.url).status_code == 404
        assert reader.get(reverse("network:newsletter_print", args=[draft.pk])).status_code == 404
    coordinator = login(world.coordinator)
    assert coordinator.get(reverse("network:newsletter_print", args=[draft.pk])).status_code == 200


def test_the_empty_archive_says_how_to_get_the_first_issue(client, newsletter):
    page = client.get(newsletter.url).content.decode()
    assert "Er is nog geen nieuwsbrief verschenen" in page


def test_only_the_municipalitys_coordinator_sends_and_sees_drafts_in_the_admin(
    client, login, world, issue, other_municipality
):
    for person in (world.gangmaker_a, world.bewoner_a, other_municipality.coordinator):
        admin = login(person)
        for url in _send_urls(issue):
            assert admin.get(url).status_code in (302, 403, 404), (person, url)
            assert admin.post(url).status_code in (302, 403, 404), (person, url)
        edit = admin.get(reverse("wagtailadmin_pages:edit", args=[issue.pk]))
        assert edit.status_code in (302, 403)
        preview = admin.get(reverse("wagtailadmin_pages:preview_on_edit", args=[issue.pk]))
        assert preview.status_code in (302, 403, 404)
    client.logout()
    for url in _send_urls(issue):
        response = client.get(url)
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert not Dispatch.objects.exists() and not mail.outbox


def test_the_coordinator_tests_then_sends_once_after_a_confirmation_with_the_count(
    login, world, issue, django_capture_on_commit_callbacks
):
    subscribers(issue.newsletter, 3)
    admin = login(world.coordinator)
    edit = admin.get(reverse("wagtailadmin_pages:edit", args=[issue.pk])).content.decode()
    assert "Stuur een test naar mijzelf" in edit and "Verzenden naar abonnees" in edit
    admin.post(reverse("network_newsletter_test", args=[issue.pk]))
    assert [m.to for m in mail.outbox] == [[world.coordinator.email]]
    assert mail.outbox[0].subject == "[TEST] Nieuwsbrief maart"
    assert not Dispatch.objects.exists()

    confirm = admin.get(reverse("network_newsletter_send", args=[issue.pk])).content.decode()
    assert "5 ontvangers" in confirm
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(reverse("network_newsletter_send", args=[issue.pk]))
        admin.post(reverse("network_newsletter_send", args=[issue.pk]))
    assert len(mail.outbox) == 1 + 5
    progress = admin.get(reverse("network_newsletter_progress", args=[issue.pk]))
    assert "5 van 5 verzonden" in progress.content.decode()


def test_an_issue_that_is_not_published_cannot_be_sent(login, world, issue):
    issue.unpublish()
    admin = login(world.coordinator)
    page = admin.get(reverse("network_newsletter_send", args=[issue.pk])).content.decode()
    assert "Publiceer deze uitgave eerst" in page
    admin.post(reverse("network_newsletter_send", args=[issue.pk]))
    assert not Dispatch.objects.exists()


def test_the_preview_shows_the_mail_with_its_unsubscribe_link(rf, world, issue):
    request = rf.get("/")
    request.user = world.coordinator
    html = issue.serve_preview(request, "email").content.decode()
    assert "In de Bergweg krijgt elke nieuwe buur een taart." in html
    assert "/nieuwsbrief/afmelden/" in html and f"Beste {world.coordinator.first_name}," in html


def test_a_newsletter_lives_under_a_municipality_and_an_unsent_issue_is_not_in_search(world, issue):
    from wagtail.models import Page

    from network.newsletters.models import NewsletterIndexPage, NewsletterPage

    assert NewsletterIndexPage in type(world.home).allowed_subpage_models()
    assert not NewsletterIndexPage.can_create_at(world.home)  # one newsletter per municipality
    assert NewsletterPage.can_create_at(issue.newsletter)
    assert not NewsletterPage.can_create_at(world.home)
    assert not Page.objects.live().search("Nieuwsbrief maart")


@pytest.mark.parametrize(
    "token", ["%00", "x" * 5000, "\u202e\u0644", "W10:1abc:def", ".eJyLjgUAARUAuQ:a:b"]
)
def test_hostile_tokens_in_the_signed_links_are_not_found_not_an_error(client, token):
    for name in ("network:newsletter_confirm", "network:newsletter_unsubscribe"):
        url = reverse(name, args=["TOKEN"]).replace("TOKEN", token)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404


def test_a_newsletter_with_no_municipality_above_it_is_national_and_reaches_every_gangmaker(
    world, other_municipality
):
    from wagtail.models import Page

    # Where the national site's root will hold it; add_child does not ask parent_page_types.
    national = NewsletterIndexPageFactory(
        parent=Page.get_first_root_node(), title="Landelijke nieuwsbrief", slug="landelijk"
    )
    assert national.municipality is None
    emails = {r.email for r in recipients(national)}
    assert {world.gangmaker_a.email.lower(), other_municipality.gangmaker.email.lower()} <= emails
    assert world.bewoner_a.email.lower() not in emails


def test_the_national_coordinator_sends_the_national_newsletter_and_no_municipalitys(world):
    from wagtail.models import Page

    from network.newsletters.recipients import may_send

    national = NewsletterIndexPageFactory(
        parent=Page.get_first_root_node(), title="Landelijke nieuwsbrief", slug="landelijk"
    )
    national_issue = NewsletterPageFactory(parent=national, title="Landelijk nieuws")
    municipal_issue = NewsletterPageFactory(
        parent=NewsletterIndexPageFactory(parent=world.home), title="Nieuwsbrief april"
    )
    assert may_send(world.national, national_issue)
    assert not may_send(world.national, municipal_issue)
    assert not may_send(world.gangmaker_a, national_issue)


def test_a_visitor_subscribing_in_english_is_asked_to_confirm_in_english(client, newsletter):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.post(reverse("network:newsletter_subscribe", args=[newsletter.pk]), _subscribe_form())

    assert Subscriber.objects.get().language == "en"
    (message,) = mail.outbox
    with translation.override("en"):
        subject = translation.gettext("Bevestig uw aanmelding: %(title)s") % {
            "title": newsletter.title
        }
    assert subject.startswith("Confirm")
    assert message.subject == subject
    assert message.extra_headers["Content-Language"] == "en"


def test_a_dutch_subscriber_is_asked_to_confirm_in_dutch(client, newsletter):
    client.post(reverse("network:newsletter_subscribe", args=[newsletter.pk]), _subscribe_form())

    (message,) = mail.outbox
    assert message.subject.startswith("Bevestig uw aanmelding")
    assert message.extra_headers["Content-Language"] == "nl"


def test_an_issue_reaches_a_subscriber_in_the_language_they_subscribed_in(
    world, issue, django_capture_on_commit_callbacks
):
    Subscriber.objects.create(
        newsletter=issue.newsletter,
        email="reader@example.org",
        status=SubscriberStatus.ACTIVE,
        language="tr",
    )
    _sent_mail(world, issue, django_capture_on_commit_callbacks)

    message = next(m for m in mail.outbox if m.to == ["reader@example.org"])
    with translation.override("tr"):
        read_online = translation.gettext("Lees deze nieuwsbrief op de website")
    assert read_online != "Lees deze nieuwsbrief op de website"
    assert read_online in message.body
    assert message.extra_headers["Content-Language"] == "tr"
    gangmaker = next(m for m in mail.outbox if m.to == [world.gangmaker_a.email])
    assert "Lees deze nieuwsbrief op de website" in gangmaker.body


def test_a_printed_issue_for_an_arabic_reader_runs_right_to_left_with_the_dutch_text_marked(
    client, login, world, issue, django_capture_on_commit_callbacks
):
    _sent_mail(world, issue, django_capture_on_commit_callbacks)
    world.gangmaker_a.language = "ar"
    world.gangmaker_a.save(update_fields=["language"])
    printed = login(world.gangmaker_a).get(reverse("network:newsletter_print", args=[issue.pk]))
    body = printed.content.decode()
    assert '<html lang="ar" dir="rtl"' in body
    assert f'<h1 lang="nl" dir="auto">{issue.title}</h1>' in body


def test_who_an_old_issue_went_to_is_forgotten_and_its_counts_stay(
    login, world, issue, settings, django_capture_on_commit_callbacks
):
    subscribers(issue.newsletter, 3)
    _sent_mail(world, issue, django_capture_on_commit_callbacks)
    Delivery.objects.filter(email=world.gangmaker_a.email).update(
        sent_at=None, failed_at=timezone.now()
    )
    dispatch = Dispatch.objects.get()
    progress_url = reverse("network_newsletter_progress", args=[issue.pk])
    admin = login(world.coordinator)
    before = admin.get(progress_url).content.decode()

    # Within the retention period nothing goes.
    call_command("forget_newsletter_recipients", stdout=io.StringIO())
    assert Delivery.objects.count() == 5

    Dispatch.objects.filter(pk=dispatch.pk).update(
        finished_at=timezone.now() - datetime.timedelta(days=91)
    )
    call_command("forget_newsletter_recipients", stdout=io.StringIO())

    assert not Delivery.objects.exists()
    dispatch.refresh_from_db()
    assert (dispatch.sent, dispatch.failed) == (4, 1)
    after = admin.get(progress_url).content.decode()
    assert "4 van 5 verzonden" in before and "4 van 5 verzonden" in after
    # A second run finds nothing more to forget and changes no count.
    call_command("forget_newsletter_recipients", stdout=io.StringIO())
    dispatch.refresh_from_db()
    assert (dispatch.sent, dispatch.failed) == (4, 1)


def test_a_send_that_has_not_finished_keeps_its_recipients(world, issue):
    subscribers(issue.newsletter, 2)
    sending.start_sending(issue, world.coordinator)  # batches never ran: nothing finished
    assert sending.forget_old_recipients(days=0) == 0
    assert Delivery.objects.count() == 4
