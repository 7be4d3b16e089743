"""Cards "namens de street": chosen, printed on A6, and recorded as an attention in one step."""

import pytest
from django.urls import reverse
from django.utils import translation

from pot.choices import Gift, Occasion
from pot.models import Expense

pytestmark = pytest.mark.django_db


def card_url(street):
    return reverse("pot:card", args=[street.pk])


def test_printing_a_get_well_card_records_the_attention_once_and_shows_the_card(
    world, pot_a, login
):
    client = login(world.gangmaker_a)

    response = client.post(
        card_url(world.street_a),
        {"kind": "get_well", "line": "Snel weer de oude!", "record": "on", "for_whom": "nr. 8"},
    )

    assert response.status_code == 302
    attention = Expense.objects.get()
    assert (attention.gift, attention.occasion, attention.amount) == (Gift.KAART, Occasion.ZIEK, 0)
    printed = client.get(response["Location"])
    assert printed.status_code == 200
    assert "Beterschap" in printed.text
    assert "Snel weer de oude!" in printed.text
    assert "Zwaanshals" in printed.text
    assert 'class="print-card"' in printed.text
    assert printed.text.count('class="print-sheet ') == 1
    # Printing again (a reload) records nothing more.
    client.get(response["Location"])
    assert Expense.objects.count() == 1
    assert pot_a.balance() == pot_a.entries.get().amount


def test_a_card_can_be_printed_without_recording_it(world, pot_a, login):
    client = login(world.gangmaker_a)

    response = client.post(card_url(world.street_a), {"kind": "thanks", "line": ""})

    assert response.status_code == 302
    assert "Bedankt" in client.get(response["Location"]).text
    assert not Expense.objects.exists()


def test_recording_a_card_without_saying_for_whom_is_refused_in_dutch_keeping_the_line(
    world, pot_a, login
):
    response = login(world.gangmaker_a).post(
        card_url(world.street_a), {"kind": "sympathy", "line": "We denken aan je", "record": "on"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["for_whom"] == [
        "Voor wie is de kaart? Dan houden we hem bij."
    ]
    assert 'value="We denken aan je"' in response.text
    assert not Expense.objects.exists()


@pytest.mark.parametrize("query", ["?kind=birthday", "?kind=", "?kind=welcome&line=" + "x" * 500])
def test_a_made_up_card_in_the_address_shows_the_form_not_an_error(world, login, query):
    response = login(world.gangmaker_a).get(card_url(world.street_a) + query)
    assert response.status_code == 200
    assert response.templates[0].name == "pot/card_form.html"


def test_only_the_streets_gangmakers_print_its_cards(world, pot_a, login):
    assert login(world.bewoner_a).get(card_url(world.street_a)).status_code == 403
    assert login(world.gangmaker_b).get(card_url(world.street_a)).status_code == 403


def _in(language, msgid):
    with translation.override(language):
        return translation.gettext(msgid)


def test_a_card_for_a_neighbour_who_reads_turkish_is_printed_in_turkish_on_a_dutch_screen(
    world, pot_a, login
):
    world.gangmaker_a.language = "nl"
    world.gangmaker_a.save(update_fields=["language"])
    client = login(world.gangmaker_a)
    url = card_url(world.street_a) + "?kind=get_well&line=Ge%C3%A7mi%C5%9F+olsun"

    dutch = client.get(url).text
    assert '<html lang="nl"' in dutch
    # The choice keeps the card and its line, each language named in itself.
    assert "kind=get_well&amp;line=Ge%C3%A7mi%C5%9F+olsun&amp;taal=tr" in dutch
    assert "Türkçe" in dutch and 'hreflang="ar"' in dutch

    turkish = client.get(url + "&taal=tr").text
    assert '<html lang="tr" dir="ltr"' in turkish
    assert _in("tr", "We wensen je veel beterschap en denken aan je.") in turkish
    assert "We wensen je veel beterschap" not in turkish
    assert "Geçmiş olsun" in turkish  # the line as typed
    assert "Druk deze kaart af op A6" in turkish  # how to print: in the gangmaker's Dutch

    arabic = client.get(url + "&taal=ar").text
    assert '<html lang="ar" dir="rtl"' in arabic

    unknown = client.get(url + "&taal=xx")
    assert unknown.status_code == 200
    assert '<html lang="nl"' in unknown.text
    assert not Expense.objects.exists()


def test_a_print_language_prints_no_card_for_who_may_not(world, pot_a, login):
    url = card_url(world.street_a) + "?kind=get_well&taal=tr"
    assert login(world.bewoner_a).get(url).status_code == 403
    assert login(world.gangmaker_b).get(url).status_code == 403
