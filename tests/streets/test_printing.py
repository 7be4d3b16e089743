"""The printed street card (A6) and event flyer (A5), and where their QR codes lead."""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation

from streets import printing
from streets.choices import JoinedVia
from streets.events.choices import Repeat

from .factories import EventPageFactory

pytestmark = pytest.mark.django_db

OTHERS = ["bewoner_a", "gangmaker_b", "bewoner_b", "welzijn_a", "outsider"]


def card_url(world):
    return reverse("streets:street_card", args=[world.street_a.pk])


def weekly_liftkoffie(world):
    today = timezone.localdate()
    tuesday = today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)
    start = timezone.make_aware(datetime.datetime.combine(tuesday, datetime.time(10)))
    return EventPageFactory(
        parent=world.street_a,
        title="Liftkoffie",
        slug="liftkoffie",
        start=start,
        repeat=Repeat.WEEKLY,
    )


def test_the_street_card_shows_the_street_its_gangmakers_and_the_next_events(login, world):
    weekly_liftkoffie(world)
    response = login(world.gangmaker_a).get(card_url(world))
    body = response.content.decode()

    assert response.status_code == 200
    assert "Zwaanshals" in body and "Gerda" in body
    assert body.count("Liftkoffie") == printing.EVENTS_ON_CARD
    assert "css/printables.css" in body
    assert "no-store" in response["Cache-Control"]


def test_the_card_qr_code_carries_the_absolute_join_address_with_the_street_code(login, world):
    response = login(world.gangmaker_a).get(card_url(world))
    expected = f"http://testserver/doe-mee/{world.street_a.join_code_display}/"

    assert response.context["qr_url"] == expected
    # segno cannot decode and no pure-Python decoder exists, so compare symbols instead: the
    # page holds exactly the QR code segno makes of `expected`, and another address differs.
    body = response.content.decode()
    assert str(printing.qr_svg(expected)) in body
    assert str(printing.qr_svg(expected.replace("doe-mee", "doe-mea"))) not in body
    assert body.count('class="segno"') == 1


def test_scanning_the_card_lands_on_the_join_form_marked_as_coming_from_the_card(client, world):
    path = f"/doe-mee/{world.street_a.join_code}/"
    response = client.get(path, follow=True)

    assert response.redirect_chain[-1][0].endswith(f"?via={JoinedVia.CARD}")
    assert response.context["form"].initial["via"] == JoinedVia.CARD
    assert "Zwaanshals" in response.content.decode()


def test_the_flyer_qr_code_leads_to_the_event_page(login, world):
    event = weekly_liftkoffie(world)
    url = reverse("streets:event_flyer", args=[world.street_a.pk, event.pk])
    response = login(world.gangmaker_a).get(url)

    assert response.context["qr_url"] == f"http://testserver{event.url}"
    assert str(printing.qr_svg(response.context["qr_url"])) in response.content.decode()
    assert "Elke dinsdag, 10:00" in response.content.decode()


@pytest.mark.parametrize("who", ["gangmaker_a", "coordinator"])
def test_gangmakers_and_the_coordinator_may_print(login, world, who):
    event = weekly_liftkoffie(world)
    client = login(getattr(world, who))
    assert client.get(card_url(world)).status_code == 200
    flyer = reverse("streets:event_flyer", args=[world.street_a.pk, event.pk])
    assert client.get(flyer).status_code == 200


@pytest.mark.parametrize("who", OTHERS)
def test_nobody_else_may_print_the_street_card_or_flyer(login, world, who):
    event = weekly_liftkoffie(world)
    client = login(getattr(world, who))
    assert client.get(card_url(world)).status_code == 403
    flyer = reverse("streets:event_flyer", args=[world.street_a.pk, event.pk])
    assert client.get(flyer).status_code == 403


def test_the_print_stylesheet_sets_a6_for_the_card_and_a5_for_the_flyer():
    css = (Path(settings.BASE_DIR) / "static/css/printables.css").read_text()
    assert "@page card { size: 105mm 148mm" in css and "body.print-card { page: card; }" in css
    assert "@page flyer { size: A5" in css and "body.print-flyer { page: flyer; }" in css


def test_the_card_prints_a_join_code_to_read_aloud_and_type_in_groups(login, world):
    from streets.join_codes import ALPHABET

    code = world.street_a.join_code
    body = login(world.gangmaker_a).get(card_url(world)).content.decode()

    assert len(code) == 8 and set(code) <= set(ALPHABET)
    assert not set(code) & set("Il1O0_-")
    shown = f"{code[:4]}-{code[4:]}"
    assert f'<strong class="print-sheet__code">{shown}</strong>' in body
    assert f"http://testserver/doe-mee/{shown}/" in body
    assert ".print-sheet__code { font-size: 1.6em" in Path("static/css/printables.css").read_text()


@pytest.mark.parametrize("typed", ["{a}-{b}", "{a}{b}", "{la} {lb}", " {a} - {b} "])
def test_the_join_code_works_however_it_is_typed(client, world, typed):
    code = world.street_a.join_code
    a, b = code[:4], code[4:]
    path = "/doe-mee/" + typed.format(a=a, b=b, la=a.lower(), lb=b.lower()) + "/"
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].endswith(f"?via={JoinedVia.CARD}")


def test_a_card_printed_with_an_old_code_still_works_after_the_migration(client, world):
    import importlib

    from django.apps import apps

    from streets.models import StreetPage

    old = "aB3_x-Yz9lO0"
    StreetPage.objects.filter(pk=world.street_a.pk).update(join_code=old)
    migration = importlib.import_module("streets.migrations.0004_readable_join_codes")
    migration.give_readable_codes(apps, None)

    street = StreetPage.objects.get(pk=world.street_a.pk)
    assert street.legacy_join_code == old
    assert street.join_code != old and len(street.join_code) == 8
    assert client.get(f"/doe-mee/{old}/").status_code == 302
    assert client.get(f"/doe-mee/{street.join_code_display}/").status_code == 302
    assert client.get("/doe-mee/AB3_X-YZ9LO0/").status_code == 404  # old codes are exact


def _in(language, msgid):
    with translation.override(language):
        return translation.gettext(msgid)


def test_the_flyer_prints_in_turkish_with_the_event_as_the_gangmakers_wrote_it(login, world):
    event = weekly_liftkoffie(world)
    world.gangmaker_a.language = "nl"
    world.gangmaker_a.save(update_fields=["language"])
    client = login(world.gangmaker_a)
    url = reverse("streets:event_flyer", args=[world.street_a.pk, event.pk])

    assert "?taal=tr" in client.get(url).content.decode()
    turkish = client.get(url + "?taal=tr").content.decode()
    assert '<html lang="tr" dir="ltr"' in turkish
    assert _in("tr", "Scan voor de agenda, of om te laten weten dat u komt") in turkish
    assert _in("tr", "De komende keren") in turkish
    assert "Elke dinsdag" not in turkish  # the rule, too, in Turkish
    assert '<h2 class="print-sheet__title" lang="nl" dir="auto">Liftkoffie</h2>' in turkish
    assert "De QR-code leidt naar de pagina van de activiteit" in turkish  # the gangmaker's note

    unknown = client.get(url + "?taal=xx")
    assert unknown.status_code == 200
    assert '<html lang="nl"' in unknown.content.decode()


def test_the_street_card_prints_in_arabic_for_the_letterboxes_that_read_it(login, world):
    weekly_liftkoffie(world)
    world.gangmaker_a.language = "nl"
    world.gangmaker_a.save(update_fields=["language"])
    client = login(world.gangmaker_a)

    arabic = client.get(card_url(world) + "?taal=ar").content.decode()
    assert '<html lang="ar" dir="rtl"' in arabic
    assert _in("ar", "Uw aanmeldcode") in arabic and "Uw aanmeldcode" not in arabic
    assert '<span lang="nl" dir="auto">Liftkoffie</span>' in arabic
    assert world.street_a.join_code_display in arabic

    unknown = client.get(card_url(world) + "?taal=xx")
    assert unknown.status_code == 200
    assert '<html lang="nl"' in unknown.content.decode()


@pytest.mark.parametrize("who", OTHERS)
def test_a_print_language_lets_nobody_else_print_the_card_or_flyer(login, world, who):
    event = weekly_liftkoffie(world)
    client = login(getattr(world, who))
    assert client.get(card_url(world) + "?taal=tr").status_code == 403
    flyer = reverse("streets:event_flyer", args=[world.street_a.pk, event.pk])
    assert client.get(flyer + "?taal=ar").status_code == 403
