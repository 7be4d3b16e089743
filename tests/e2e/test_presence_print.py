"""On paper, in Chromium: a card "namens de straat" is one A6 sheet, and the household list
is one A4 sheet per 40 homes."""

import re

import pytest
from django.urls import reverse

from tests.e2e.conftest import Variant, _visitor
from tests.pot.factories import funded_pot
from welcome.models import StreetHomes

MM_IN_PT = 72 / 25.4


@pytest.fixture
def gangmaker_browser(browser, live_server, world):
    context, person = _visitor(browser, live_server, Variant("desktop", True))
    person.log_in_as(world.gangmaker_a)
    yield person
    context.close()


def _sheets(pdf: bytes) -> list[tuple[float, float]]:
    """The size (width, height in mm) of every page of a PDF Chromium printed."""
    count = len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))
    boxes = [
        (float(w) / MM_IN_PT, float(h) / MM_IN_PT)
        for w, h in re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    ]
    assert len(boxes) >= count
    return boxes[:count]


def test_a_card_namens_de_straat_prints_on_one_a6_sheet(gangmaker_browser, world):
    funded_pot(world.street_a)
    url = reverse("pot:card", args=[world.street_a.pk]) + "?kind=get_well&line=Sterkte!"
    page = gangmaker_browser.open(url)

    sheets = _sheets(page.pdf(prefer_css_page_size=True))

    assert len(sheets) == 1
    width, height = sheets[0]
    assert round(width) == 105 and round(height) == 148


def test_the_household_list_prints_forty_homes_to_an_a4_sheet(gangmaker_browser, world):
    StreetHomes.objects.create(street=world.street_a, ranges="1-85")
    page = gangmaker_browser.open(reverse("welcome:households", args=[world.street_a.pk]))

    sheets = _sheets(page.pdf(prefer_css_page_size=True))

    assert len(sheets) == 3
    assert all(round(w) == 210 and round(h) == 297 for w, h in sheets)


@pytest.fixture
def phone_gangmaker(browser, live_server, world):
    context, person = _visitor(browser, live_server, Variant("telefoon", True))
    person.log_in_as(world.gangmaker_a)
    yield person
    context.close()


def test_the_presence_pages_have_no_serious_axe_violations_and_fit_a_phone(phone_gangmaker, world):
    from tests.e2e.test_accessibility import axe_blocking_violations, layout_problems
    from welcome.services import note_new_residents

    funded_pot(world.street_a)
    StreetHomes.objects.create(street=world.street_a, ranges="1-45 oneven, 2-46 even")
    welcome, _created = note_new_residents(world.street_a, world.gangmaker_a, "14")
    street = world.street_a.pk
    pages = {
        "attentie-zonder-geld": reverse("pot:attention_new", args=[street]),
        "kaart-kiezen": reverse("pot:card", args=[street]),
        "verwelkomen": reverse("welcome:list", args=[street]),
        "nr-14-verwelkomen": reverse("welcome:give", args=[street, welcome.pk]),
        "huishoudlijst": reverse("welcome:households", args=[street]),
        "huisnummers": reverse("welcome:homes_edit", args=[street]),
    }
    blocking, layout = [], []
    for name, path in pages.items():
        phone_gangmaker.open(path)
        assert phone_gangmaker.page.url.endswith(path), name
        blocking += axe_blocking_violations(phone_gangmaker, name)
        layout += layout_problems(phone_gangmaker, name)
    assert not blocking, blocking
    assert not layout, layout
