"""A person's language: kept on their account, used on the site once they are logged in, and
for everything written to them (e-mail, digests, notification texts), whoever caused it."""

import datetime
import re
import zoneinfo

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from accounts.languages import language_of
from matching.models import Notification, NotificationPreference
from matching.services.matching import propose_for_request
from matching.services.notifications import send_digests, send_notification
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory
from tests.streets.factories import MembershipFactory

pytestmark = pytest.mark.django_db
AFTERNOON = datetime.datetime(2026, 11, 24, 14, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Amsterdam"))


def html_lang(page: str) -> tuple[str, str]:
    found = re.search(r'<html lang="([^"]*)" dir="([^"]*)"', page)
    assert found, "no <html lang dir>"
    return found.group(1), found.group(2)


def _in(language: str, msgid: str, **values) -> str:
    with translation.override(language):
        return gettext(msgid) % values if values else gettext(msgid)


def _propose(street, requester, language: str, name: str):
    """A helper of `street` in `language` is proposed for `requester`'s request."""
    helper = MembershipFactory(
        street=street, user__first_name=name, user__language=language, house_number="14"
    ).user
    HelpOfferFactory(street=street, author=helper, availability=["1:ochtend"])
    HelpRequestFactory(street=street, author=requester, when_slots=["1:ochtend"])
    propose_for_request(requester.help_posts.get().pk)
    return helper


def test_a_turkish_and_a_dutch_neighbour_get_their_proposal_and_digest_in_their_own_language(world):
    turkish = _propose(world.street_a, world.bewoner_a, "tr", "Ayşe")
    dutch = _propose(world.street_b, world.bewoner_b, "nl", "Henk")
    news = "Nieuws over burenhulp in %(street)s"

    # The proposal, mailed at once.
    for person in (turkish, dutch):
        assert send_notification(Notification.objects.get(user=person).pk, now=AFTERNOON)
    by_person = {message.to[0]: message for message in mail.outbox}
    for person, street in ((turkish, world.street_a), (dutch, world.street_b)):
        language = person.language
        message = by_person[person.email]
        text = Notification.objects.get(user=person).text
        assert text in message.body
        assert message.subject == _in(language, news, street=street.title)
        assert _in(language, "Groet,") in message.body
        html = message.alternatives[0][0]
        assert html.startswith(f'<div lang="{language}" dir="ltr">')
        assert message.extra_headers["Content-Language"] == language
    # Once the catalogues are complete, the two differ: Turkish is not Dutch.
    assert _in("tr", news, street="X") != _in("nl", news, street="X")
    assert by_person[turkish.email].subject != _in("nl", news, street=world.street_a.title)

    # The digest: news that waited for a daily digest goes out in each reader's language.
    mail.outbox.clear()
    for person in (turkish, dutch):
        NotificationPreference.objects.create(user=person, digest="daily")
        Notification.objects.create(
            user=person, street=world.street_a, kind="other", text="Nog iets"
        )
    assert send_digests(now=AFTERNOON) == 2
    by_person = {message.to[0]: message for message in mail.outbox}
    assert by_person[dutch.email].subject == _in("nl", news, street=world.street_a.title)
    assert by_person[turkish.email].subject == _in("tr", news, street=world.street_a.title)
    assert by_person[turkish.email].subject != by_person[dutch.email].subject


def test_the_notification_text_is_written_in_the_recipients_language_whoever_acted(world):
    with translation.override("nl"):
        turkish = _propose(world.street_a, world.bewoner_a, "tr", "Ayşe")
    notification = Notification.objects.get(user=turkish)
    text, request = notification.text, notification.match.request
    with translation.override("tr"):
        expected = gettext("%(requester)s zoekt hulp bij %(category)s. Kunt u helpen?") % {
            "requester": world.bewoner_a.first_name,
            "category": request.get_category_display(),
        }
    assert text == expected


def test_someone_without_a_language_is_written_to_in_dutch():
    class Recipient:
        language = ""

    assert language_of(Recipient()) == "nl"
    assert language_of(object()) == "nl"


def test_a_logged_in_person_sees_the_site_in_their_accounts_language(world):
    world.bewoner_a.language = "ar"
    world.bewoner_a.save()
    client = Client()
    client.force_login(world.bewoner_a)
    response = client.get(reverse("accounts:account"))
    assert response["Content-Language"] == "ar"
    assert html_lang(response.text) == ("ar", "rtl")


def test_choosing_in_the_footer_while_logged_in_keeps_the_language_on_the_account(world):
    client = Client()
    client.force_login(world.bewoner_a)
    client.post(reverse("set_language"), {"language": "tr", "next": "/"})
    world.bewoner_a.refresh_from_db()
    assert world.bewoner_a.language == "tr"
    response = client.get(reverse("accounts:account"))
    assert html_lang(response.text) == ("tr", "ltr")


def test_a_visitor_chooses_in_the_footer_and_nothing_is_stored(client, world):
    client.post(reverse("set_language"), {"language": "ar", "next": "/"})
    response = client.get(world.street_a.url)
    assert html_lang(response.text) == ("ar", "rtl")
    client.post(reverse("set_language"), {"language": "xx", "next": "/"})
    assert html_lang(client.get(world.street_a.url).text) == ("ar", "rtl")


def test_the_account_page_offers_the_languages_named_in_themselves_and_saves_the_choice(world):
    client = Client()
    client.force_login(world.bewoner_a)
    page = client.get(reverse("accounts:account")).text
    for code, name in (
        ("nl", "Nederlands"),
        ("en", "English"),
        ("tr", "Türkçe"),
        ("ar", "العربية"),
    ):
        assert re.search(rf'<option value="{code}" lang="{code}"[^>]*>{name}</option>', page)
    response = client.post(
        reverse("accounts:account"),
        {"first_name": "Anna", "last_name": "", "phone": "", "language": "en"},
    )
    assert response.status_code == 302
    world.bewoner_a.refresh_from_db()
    assert world.bewoner_a.language == "en"
    assert response.cookies["django_language"].value == "en"
    bad = client.post(
        reverse("accounts:account"),
        {"first_name": "Anna", "last_name": "", "phone": "", "language": "xx"},
    )
    assert bad.status_code == 200
    world.bewoner_a.refresh_from_db()
    assert world.bewoner_a.language == "en"


def test_a_visitor_who_chose_turkish_and_joins_gets_mail_in_turkish(client, world):
    client.post(reverse("set_language"), {"language": "tr", "next": "/"})
    client.post(
        reverse("streets:join", args=[world.street_a.pk]),
        {
            "first_name": "Mehmet",
            "email": "mehmet@example.org",
            "password": "een lang genoeg wachtwoord 42",
            "house_number": "3",
            "privacy": "on",
        },
    )
    from accounts.models import User

    assert User.objects.get(email="mehmet@example.org").language == "tr"


def test_the_footer_names_every_language_in_itself(client, world):
    names = {"nl": "Nederlands", "en": "English", "tr": "Türkçe", "ar": "العربيّة"}
    for language in ("nl", "ar"):
        client.cookies["django_language"] = language
        page = client.get(world.street_a.url).text
        for code, name in names.items():
            # Not "Engels" under lang="en" on a Dutch page: each name in its own language.
            assert re.search(rf'<option value="{code}" lang="{code}"[^>]*>{name}</option>', page)


def test_printed_sheets_declare_language_and_direction(world):
    client = Client()
    world.gangmaker_a.language = "ar"
    world.gangmaker_a.save()
    client.force_login(world.gangmaker_a)
    response = client.get(reverse("streets:street_card", args=[world.street_a.pk]))
    assert response.status_code == 200
    assert html_lang(response.text) == ("ar", "rtl")


def test_the_password_reset_mail_is_in_the_accounts_language(client, world):
    world.bewoner_a.language = "tr"
    world.bewoner_a.save()
    client.post(reverse("accounts:password_reset"), {"email": world.bewoner_a.email})
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == _in("tr", "Een nieuw wachtwoord voor Lief & Leed")


@pytest.mark.parametrize(
    ("query", "default", "expected"),
    [
        ({"taal": "tr"}, "ar", "tr"),  # the printer's choice
        ({"taal": "xx"}, "ar", "ar"),  # unknown: the person's language
        ({"taal": ""}, "ar", "ar"),
        ({"taal": "../nl"}, None, "en"),  # no person: the viewer's language
        ({}, "", "nl"),  # a person who never chose: Dutch
    ],
)
def test_a_printed_sheets_language_is_the_choice_else_the_persons_else_the_viewers(
    rf, query, default, expected
):
    from accounts.languages import print_language

    with translation.override("en"):
        assert print_language(rf.get("/", query), default) == expected


def test_news_keeps_the_language_it_was_written_in_and_says_so_on_the_page(login, world):
    """A notification is written in its reader's language of that moment; read later on a page
    in another language it is marked with its own `lang`, and bulk-made ones know theirs too."""
    turkish = _propose(world.street_a, world.bewoner_a, "tr", "Ayşe")
    assert Notification.objects.get(user=turkish).language == "tr"
    with translation.override("tr"):
        Notification.objects.create(
            user=world.bewoner_a, street=world.street_a, kind="info", text="Yeni bir haber"
        )
    page = login(world.bewoner_a).get(reverse("matching:my_help", args=[world.street_a.pk]))
    assert '<span lang="tr" dir="auto">Yeni bir haber</span>' in page.text
