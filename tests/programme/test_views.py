"""The programme's pages as their users see them: apply, intake, start, packs, gangmakers."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from home.forms import TIMESTAMP_FIELD, start_token
from pot.models import Pot
from programme.choices import ApplicationState, RequestStatus
from programme.models import GangmakerRequest, StarterPack, StreetApplication
from programme.services import start_street
from streets.choices import MemberRole
from streets.models import StreetMembership, StreetPage
from tests.programme.factories import application_with_people

pytestmark = pytest.mark.django_db

APPLICATION = {
    "street_name": "Bloemkweekstraat",
    "postcodes": "3035 aa",
    "house_numbers": "1 tot en met 40",
    "name": "Ria Bos",
    "email": "ria@example.org",
    "house_number": "5",
    "gangmaker_1_name": "Ria Bos",
    "gangmaker_1_email": "ria@example.org",
    "gangmaker_2_name": "Henk Smit",
    "gangmaker_2_phone": "010 1234567",
    "motivation": "Veel ouderen in de straat.",
}


def test_a_visitor_applies_and_is_thanked_in_dutch(
    client, world, form_started, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("programme:apply"), {**APPLICATION, **form_started})

    assert response.status_code == 302
    page = client.get(response["Location"])
    assert "Uw straat is aangemeld" in page.content.decode()
    application = StreetApplication.objects.get()
    assert application.municipality == world.home
    assert application.postcodes == "3035AA"
    assert [c.name for c in application.candidates.all()] == ["Ria Bos", "Henk Smit"]
    assert {tuple(m.to) for m in mail.outbox} == {
        ("ria@example.org",),
        (world.coordinator.email,),
    }


def test_a_form_sent_too_fast_is_refused_in_dutch_and_keeps_the_input(client, world):
    response = client.post(
        reverse("programme:apply"), {**APPLICATION, TIMESTAMP_FIELD: start_token()}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dat ging wel erg snel" in html
    assert 'value="Bloemkweekstraat"' in html
    assert not StreetApplication.objects.exists()


def test_a_filled_honeypot_makes_no_application(client, world, form_started):
    response = client.post(
        reverse("programme:apply"), {**APPLICATION, **form_started, "website": "spam.example"}
    )
    assert response.status_code == 200
    assert not StreetApplication.objects.exists()


def test_bad_input_gets_dutch_errors_and_keeps_what_was_typed(client, world, form_started):
    response = client.post(
        reverse("programme:apply"),
        {**APPLICATION, **form_started, "email": "", "postcodes": "drie", "street_name": "Kade 9"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Vul een e-mailadres of een telefoonnummer in" in html
    assert "is geen postcode" in html
    assert 'value="Kade 9"' in html
    assert not StreetApplication.objects.exists()


def test_the_municipality_and_wijk_pages_link_to_the_form(client, world):
    apply_url = reverse("programme:apply")
    assert apply_url in client.get(world.home.url).content.decode()
    wijk_page = client.get(world.wijk.url).content.decode()
    assert f"{apply_url}?wijk={world.wijk.pk}" in wijk_page


def test_the_coordinator_sees_the_application_and_moves_it_with_a_reason(login, world):
    application = application_with_people(world.home)
    client = login(world.coordinator)

    listing = client.get(reverse("programme:applications", args=[world.home.pk]))
    assert "Bloemkweekstraat" in listing.content.decode()

    url = reverse("programme:application_state", args=[application.pk])
    refused = client.post(url, {"state": ApplicationState.NOT_STARTED, "note": ""})
    assert refused.status_code == 200
    assert "Geef een reden" in refused.content.decode()

    client.post(url, {"state": ApplicationState.NOT_STARTED, "note": "Te weinig animo"})
    detail = client.get(reverse("programme:application", args=[application.pk])).content.decode()
    assert "niet gestart" in detail and "Te weinig animo" in detail
    application.refresh_from_db()
    assert application.handled_by == world.coordinator


def test_another_municipalitys_coordinator_cannot_see_or_start_the_application(
    login, world, other_municipality
):
    application = application_with_people(world.home)
    client = login(other_municipality.coordinator)
    assert client.get(reverse("programme:application", args=[application.pk])).status_code == 403
    start = reverse("programme:application_start", args=[application.pk])
    assert client.post(start, {"title": "X", "wijk": world.wijk.pk}).status_code == 403
    assert client.get(reverse("programme:applications", args=[world.home.pk])).status_code == 403
    assert not StreetPage.objects.filter(title="X").exists()


def test_clicking_straat_starten_twice_makes_one_street(
    login, world, django_capture_on_commit_callbacks
):
    application = application_with_people(world.home)
    client = login(world.coordinator)
    url = reverse("programme:application_start", args=[application.pk])
    data = {"title": "Bloemkweekstraat", "postcodes": "3035 AA", "wijk": world.wijk.pk}

    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url, data)
        second = client.post(url, data)

    assert first.status_code == second.status_code == 302
    assert StreetPage.objects.filter(title="Bloemkweekstraat").count() == 1
    street = StreetPage.objects.get(title="Bloemkweekstraat")
    assert Pot.objects.filter(street=street).count() == 1
    page = client.get(first["Location"]).content.decode()
    assert "gestart" in page


def test_starting_without_a_wijk_asks_for_one_and_keeps_the_name(login, world):
    application = application_with_people(world.home)
    client = login(world.coordinator)
    response = client.post(
        reverse("programme:application_start", args=[application.pk]),
        {"title": "Bloemkweek", "postcodes": "", "wijk": "", "new_wijk_name": ""},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies een wijk" in html and 'value="Bloemkweek"' in html
    assert not StreetPage.objects.filter(title="Bloemkweek").exists()


def test_the_coordinator_marks_the_pack_sent_and_the_gangmaker_confirms_it_on_the_pot_page(
    login, world
):
    application = application_with_people(world.home)
    street, _ = start_street(application, world.coordinator, wijk=world.wijk)
    pack = StarterPack.objects.get(street=street)
    client = login(world.coordinator)
    packs_page = client.get(reverse("programme:packs", args=[world.home.pk])).content.decode()
    assert "Bloemkweekstraat" in packs_page and "Nog te versturen" in packs_page

    url = reverse("programme:pack_sent", args=[pack.pk])
    future = timezone.localdate() + datetime.timedelta(days=3)
    bad = client.post(url, {"items": ["folder"], "recipient": "Ria", "sent_on": future})
    assert "toekomst" in bad.content.decode()
    client.post(
        url,
        {"items": ["folder", "cards"], "recipient": "Ria Bos", "sent_on": timezone.localdate()},
    )
    pack.refresh_from_db()
    assert pack.sent_on == timezone.localdate()
    assert (pack.folder, pack.cards, pack.street_map, pack.tips) == (True, True, False, False)

    ria = StreetMembership.objects.get(street=street, user__email="ria@example.org").user
    gangmaker = login(ria)
    pot_page = gangmaker.get(reverse("pot:pot", args=[street.pk])).content.decode()
    assert "Startpakket ontvangen" in pot_page
    gangmaker.post(reverse("programme:pack_received", args=[street.pk, pack.pk]))
    pack.refresh_from_db()
    assert pack.received_by == ria
    pot_page = gangmaker.get(reverse("pot:pot", args=[street.pk])).content.decode()
    assert "Ontvangen op" in pot_page


def test_a_member_asks_to_become_gangmaker_and_a_gangmaker_agrees(
    login, world, django_capture_on_commit_callbacks
):
    client = login(world.bewoner_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("programme:become_gangmaker", args=[world.street_a.pk]),
            {"motivation": "Ik ken iedereen."},
        )
    request = GangmakerRequest.objects.get()
    assert world.gangmaker_a.email in [m.to[0] for m in mail.outbox]
    again = client.post(reverse("programme:become_gangmaker", args=[world.street_a.pk]), {})
    assert "al gevraagd" in again.content.decode()

    gangmaker = login(world.gangmaker_a)
    gangmaker.post(
        reverse("programme:decide_gangmaker_request", args=[world.street_a.pk, request.pk]),
        {"decision": "approve"},
    )
    request.refresh_from_db()
    assert request.status == RequestStatus.APPROVED
    membership = StreetMembership.objects.get(user=world.bewoner_a, street=world.street_a)
    assert membership.role == MemberRole.GANGMAKER


def test_a_street_whose_last_gangmaker_left_is_looking_for_one(client, login, world):
    StreetMembership.objects.filter(street=world.street_b, role=MemberRole.GANGMAKER).delete()
    page = client.get(world.street_b.url).content.decode()
    assert "zoekt een gangmaker" in page.lower()
    listing = login(world.coordinator).get(reverse("programme:applications", args=[world.home.pk]))
    section = listing.content.decode().split("Straten die een gangmaker zoeken")[1]
    assert "Bergweg" in section.split("</section>")[0]
    assert "Zwaanshals" not in section.split("</section>")[0]


def test_the_growth_view_counts_a_started_street_and_exports_csv(login, world):
    client = login(world.coordinator)
    before = client.get(reverse("programme:growth", args=[world.home.pk])).context["figures"]
    application = application_with_people(world.home)
    start_street(application, world.coordinator, wijk=world.wijk)
    after = client.get(reverse("programme:growth", args=[world.home.pk])).context["figures"]
    assert after.total_per_month[-1] == before.total_per_month[-1] + 1
    noord = next(row for row in after.wijken if row.wijk == "Noord")
    assert noord.streets == 3
    started = next(row for row in after.states if row.state == ApplicationState.STARTED)
    assert started.count == 1

    response = client.get(reverse("programme:growth_csv", args=[world.home.pk]))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Noord;" in text and "gestart;1" in text


def test_public_pages_show_the_municipalitys_contact(client, world):
    from wagtail.models import Site

    from home.models import MunicipalitySettings

    MunicipalitySettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        contact_email="liefenleed@gemeente.example",
        contact_phone="010 123 45 67",
    )
    for url in (reverse("programme:apply"), world.home.url, world.street_a.url):
        html = client.get(url).content.decode()
        assert "liefenleed@gemeente.example" in html, url
        assert "010 123 45 67" in html, url


def _bad_input_cases(world, application, pack):
    long = "Bewaard " + "x" * 5000
    future = (timezone.localdate() + datetime.timedelta(days=3)).isoformat()
    return [
        (
            "coordinator",
            reverse("programme:application_state", args=[application.pk]),
            {"state": "weg", "note": "Mijn toelichting blijft"},
            "Selecteer een geldige keuze",
            "Mijn toelichting blijft",
        ),
        (
            "coordinator",
            reverse("programme:application_notes", args=[application.pk]),
            {"notes": long},
            "niet meer dan 5000 tekens",
            "Bewaard xxxx",
        ),
        (
            "coordinator",
            reverse("programme:application_start", args=[application.pk]),
            {"title": "Bloemkweekstraat Bewaard", "postcodes": "12", "wijk": world.wijk.pk},
            "is geen postcode",
            "Bloemkweekstraat Bewaard",
        ),
        (
            "coordinator",
            reverse("programme:pack_sent", args=[pack.pk]),
            {"items": ["folder"], "recipient": "Ria Bewaard", "sent_on": future},
            "Die datum ligt in de toekomst.",
            "Ria Bewaard",
        ),
        (
            "bewoner_a",
            reverse("programme:become_gangmaker", args=[world.street_a.pk]),
            {"motivation": "Bewaard " + "x" * 1000},
            "niet meer dan 1000 tekens",
            "Bewaard xxxx",
        ),
    ]


def test_bad_input_on_every_programme_form_gets_a_dutch_error_and_keeps_the_input(login, world):
    application = application_with_people(world.home)
    pack = StarterPack.objects.create(street=world.street_a, year=timezone.localdate().year)
    for who, url, data, error, kept in _bad_input_cases(world, application, pack):
        response = login(getattr(world, who)).post(url, data)
        html = response.content.decode()
        assert response.status_code == 200, url
        assert error in html, (url, error)
        assert kept in html, (url, kept)
    application.refresh_from_db()
    assert application.state == ApplicationState.APPLIED and application.notes == ""
    assert not StreetPage.objects.filter(title__startswith="Bloemkweekstraat").exists()
    assert not GangmakerRequest.objects.exists()
