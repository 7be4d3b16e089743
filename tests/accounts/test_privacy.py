"""The neighbour's data rights: a one-time download of their rows, and erasure everywhere."""

import html
import json
from datetime import timedelta

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone
from django_q.models import Task

from accounts import privacy
from accounts.models import PersonalDataLink
from accounts.privacy import erase_user, export_personal_data
from insights.models import CareSignal
from matching.models import HelpPost, HelpRequest, Match, PostReport
from national.models import InterestSubmission
from streets.models import SafetyNet, SafetyNetRead, StreetMembership
from streets.safety.choices import ContactKind
from streets.safety.services import add_emergency_contact, add_spare_key, give_consent, log_read
from surveys.choices import AnswerChannel
from surveys.models import SurveyResponse
from surveys.services import save_response
from tests.accounts.factories import DEFAULT_PASSWORD
from tests.insights.factories import CareSignalFactory, match_for
from tests.matching.factories import HelpRequestFactory, PostReportFactory
from tests.pot.factories import TipFactory
from tests.surveys.factories import answers_for, template_survey

NAME, SURNAME, EMAIL = "Zebulonia", "Quaxworth", "zebulonia.q@example.org"


@pytest.fixture
def neighbour(world):
    user = world.bewoner_a
    user.first_name, user.last_name, user.email = NAME, SURNAME, EMAIL
    user.save()
    HelpRequestFactory(street=world.street_a, author=user, description="Wie helpt met de tuin?")
    return user


def _download(client):
    page = client.post(reverse("accounts:create_download"))
    url = page.context["url"]
    return url, client.get(url)


def test_download_holds_the_neighbours_rows_and_none_of_anyone_else(login, world, neighbour):
    HelpRequestFactory(street=world.street_a, author=world.gangmaker_a, description="Van Gerda")
    url, response = _download(login(neighbour))
    data = json.loads(
        b"".join(response.streaming_content) if response.streaming else response.content
    )
    assert data["account"]["e-mailadres"] == EMAIL
    assert data["straten"]["lidmaatschappen"][0]["street__title"] == "Zwaanshals"
    assert [r["description"] for r in data["prikbord"]["hulpvragen"]] == ["Wie helpt met de tuin?"]
    assert "Van Gerda" not in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_the_download_has_a_section_from_every_app_that_keeps_personal_data(neighbour):
    sections = set(export_personal_data(neighbour)) - {"toelichting", "gemaakt_op"}

    assert sections == {
        "account",
        "straten",
        "sleutels_en_noodcontacten",
        "prikbord",
        "potje",
        "enquetes",
        "effectmeting",
        "zorgsignalen",
        "uitwisseling",
        "nieuwsbrieven",
        "programma",
        "welkom",
        "landelijk",
    }


def test_download_link_works_once(login, neighbour):
    client = login(neighbour)
    url, first = _download(client)
    assert first.status_code == 200
    assert client.get(url).status_code == 410


def test_download_link_expires_and_is_not_for_someone_else(login, world, neighbour):
    url, _ = _download(login(neighbour))
    assert login(world.bewoner_b).get(url).status_code == 410
    PersonalDataLink.objects.update(
        expires_at=timezone.now() - timedelta(seconds=1),
        created_at=timezone.now() - timedelta(hours=2),
    )
    assert login(neighbour).get(url).status_code == 410


def _hits(*needles) -> list[str]:
    """Every text column of every table in the database that contains one of the needles."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                for needle in needles:
                    cursor.execute(
                        f'SELECT COUNT(*) FROM "{table}" WHERE LOWER(CAST("{column.name}" AS TEXT)) LIKE %s',  # noqa: S608
                        [f"%{needle.lower()}%"],
                    )
                    if cursor.fetchone()[0]:
                        found.append(f"{table}.{column.name}: {needle}")
    return found


def test_deleting_the_account_needs_the_password_and_leaves_no_trace(login, world, neighbour):
    client = login(neighbour)
    wrong = client.post(reverse("accounts:delete_account"), {"password": "fout", "confirm": "on"})
    assert "Dit wachtwoord klopt niet" in wrong.text
    # The person's name in pages, revisions, a task row and a gangmaker's note.
    street = world.street_a
    street.intro = f"<p>Welkom, zegt {NAME} {SURNAME}</p>"
    street.save_revision(user=neighbour).publish()
    Task.objects.create(
        id="t1",
        name="mail",
        func="accounts.mail.send_to_user",
        args=(EMAIL,),
        started=timezone.now(),
        stopped=timezone.now(),
        success=True,
    )
    assert _hits(EMAIL, f"{NAME} {SURNAME}")

    response = client.post(
        reverse("accounts:delete_account"), {"password": DEFAULT_PASSWORD, "confirm": "on"}
    )

    assert response.status_code == 302
    assert _hits(EMAIL, f"{NAME} {SURNAME}", SURNAME) == []
    assert not Task.objects.filter(id="t1").exists()
    neighbour.refresh_from_db()
    assert not neighbour.is_active and neighbour.email is None


@pytest.mark.parametrize("order", ["as registered", "reversed"])
def test_erasure_reaches_every_app_in_whichever_order_the_apps_registered(
    world, neighbour, monkeypatch, order
):
    """Each app erases its own rows and the database follows the keys between apps, so no
    app's eraser may depend on another having run first."""
    request = HelpRequest.objects.get(author=neighbour)
    match_for(request)
    PostReportFactory(
        post=HelpRequestFactory(street=world.street_a, author=world.gangmaker_a), reporter=neighbour
    )
    tip = TipFactory(street=world.street_a, created_by=neighbour)
    CareSignalFactory(street=world.street_a, neighbour=neighbour, raised_by=world.gangmaker_a)
    survey = template_survey(world.street_a, world.gangmaker_a)
    answers = answers_for(survey, kan_helpen=["tuin"])
    save_response(survey, AnswerChannel.ONLINE, answers, consent=True, person=neighbour)
    # Spare keys and emergency contacts, with a read by the gangmaker in the log.
    net = give_consent(neighbour, world.street_a)
    add_spare_key(net, holder_name="Beheercommissie Quaxtoren")
    add_emergency_contact(net, ContactKind.FAMILY, "Broer Ulrik Quaxworth", "06 55512345")
    log_read(net, world.gangmaker_a)
    # The interest form of the national site, sent with the neighbour's address.
    InterestSubmission.objects.create(name=NAME, organisation="Wijkraad Noord", email=EMAIL)
    if order == "reversed":
        monkeypatch.setattr(privacy, "_sources", dict(reversed(privacy._sources.items())))

    erase_user(neighbour)

    assert not StreetMembership.objects.filter(user=neighbour).exists()
    assert not HelpPost.objects.filter(author=neighbour).exists()
    assert not Match.objects.filter(request_id=request.pk).exists()
    assert not PostReport.objects.filter(reporter=neighbour).exists()
    assert not CareSignal.objects.filter(neighbour=neighbour).exists()
    assert not SurveyResponse.objects.filter(person=neighbour).exists()
    assert not SafetyNet.objects.filter(person=neighbour).exists()
    assert not SafetyNetRead.objects.exists()
    assert _hits("Quaxtoren", "Ulrik Quaxworth", "06 55512345") == []
    assert not InterestSubmission.objects.filter(email__iexact=EMAIL).exists()
    tip.refresh_from_db()
    assert tip.created_by is None
    assert _hits(EMAIL, f"{NAME} {SURNAME}") == []


def test_the_readable_version_shows_the_same_data_in_dutch_words_once(login, world, neighbour):
    client = login(neighbour)
    my_data = client.get(reverse("accounts:my_data")).text
    assert "Maak een link naar een leesbare pagina" in my_data
    link = client.post(reverse("accounts:create_download"), {"formaat": "leesbaar"})
    url = link.context["url"]
    assert "Mijn gegevens lezen" in link.text

    page = client.get(url)
    assert page.status_code == 200
    assert page["Content-Type"].startswith("text/html")
    assert "attachment" not in page.get("Content-Disposition", "")
    text = html.unescape(page.text)
    assert "Mijn gegevens bij Lief & Leed" in text
    for shown in (EMAIL, "Zwaanshals", "Wie helpt met de tuin?", "Hulpvragen", "Lidmaatschappen"):
        assert shown in text, shown
    # Dutch labels and words, not the file's technical keys and stored values.
    for technical in ("street__title", "created_at", "e-mailadres</dt>", ">approved<", ">True<"):
        assert technical not in text, technical
    assert "<dt>Straat</dt>" in text and "op het prikbord" in text
    # Dagdelen in words, not as stored ("1:ochtend").
    assert ":ochtend" not in text and "dinsdag ochtend, donderdag ochtend" in text
    assert "no-store" in page["Cache-Control"]
    # One link, one use, as for the file.
    assert client.get(url).status_code == 410


def test_the_privacy_page_names_the_terms_the_jobs_keep(client, settings, db):
    settings.SURVEY_ANSWER_RETENTION_DAYS = 45
    settings.RETENTION_NEWSLETTER_DELIVERIES_DAYS = 1
    page = html.unescape(client.get(reverse("privacy")).content.decode())
    assert "De antwoorden worden 45 dagen nadat de enquête is gesloten verwijderd." in page
    assert "Aan wie een uitgave ging, vergeten we 1 dag na het versturen." in page
