"""Accessibility: axe-core on every page a visitor, neighbour or gangmaker uses, and the keyboard.

WCAG 2.1 AA is the bar a municipality's site must meet. axe-core finds what a machine can find
(contrast, labels, landmarks, heading order, names of buttons and links); each page's full result
is written to test-artifacts/axe/ for the accessibility note, and the test fails on anything
serious or critical.
"""

import json
import re
from types import SimpleNamespace

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from streets.choices import MembershipStatus
from tests.e2e.conftest import ARTIFACTS
from tests.home.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    FormFieldFactory,
    FormPageFactory,
)
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory
from tests.pot.factories import TipFactory, funded_pot
from tests.streets.factories import EventPageFactory, MembershipFactory

BLOCKING_IMPACTS = {"serious", "critical"}
_axe = Axe()


@pytest.fixture
def site(world):
    """The world, plus one page of every type, and something to decide on for the gangmaker."""
    toolkit = ArticleIndexPageFactory(parent=world.home, intro="<p>Tips voor gangmakers.</p>")
    article = ArticlePageFactory(
        parent=toolkit, title="Straatfeest op de Zwaanshals", slug="straatfeest"
    )
    event = EventPageFactory(parent=world.street_a, title="Liftkoffie", slug="liftkoffie")
    form_page = FormPageFactory(parent=world.home, intro="<p>Vragen? Schrijf ons.</p>")
    FormFieldFactory(page=form_page, label="Uw vraag")
    application = MembershipFactory(
        street=world.street_a,
        status=MembershipStatus.PENDING,
        user__first_name="Piet",
        message="Ik woon op nummer 20.",
    )
    # Filled pages, not only empty states: posts on the board, a tip waiting in the pot.
    HelpRequestFactory(street=world.street_a, author=world.bewoner_a)
    HelpOfferFactory(street=world.street_a, author=world.gangmaker_a)
    TipFactory(street=world.street_a, created_by=world.bewoner_a)
    return SimpleNamespace(
        **vars(world),
        toolkit=toolkit,
        article=article,
        event=event,
        form_page=form_page,
        application=application,
        pot=funded_pot(world.street_a),
    )


def _street(site):
    return site.street_a.pk


# Who is logged in -> the pages they use, by name, with how to find each page's address.
PAGES_BY_ROLE = {
    "bezoeker": {
        "home": lambda s: "/",
        "wijk": lambda s: s.wijk.url,
        "straat": lambda s: s.street_a.url,
        "activiteit": lambda s: s.event.url,
        "artikeloverzicht": lambda s: s.toolkit.url,
        "artikel": lambda s: s.article.url,
        "formulier": lambda s: s.form_page.url,
        "zoeken": lambda s: "/zoeken/?q=Zwaanshals",
        "inloggen": lambda s: "/account/inloggen/",
        "aanmelden": lambda s: f"/straat/{_street(s)}/aanmelden/",
    },
    "bewoner_a": {
        "straat-als-bewoner": lambda s: s.street_a.url,
        "mijn-straten": lambda s: "/mijn-straten/",
        "mijn-gegevens": lambda s: "/account/gegevens/",
        "prikbord": lambda s: f"/straat/{_street(s)}/prikbord/",
        "hulp-vragen": lambda s: f"/straat/{_street(s)}/prikbord/vraag/nieuw/",
        "hulp-aanbieden": lambda s: f"/straat/{_street(s)}/prikbord/aanbod/nieuw/",
        "tip-de-gangmaker": lambda s: f"/straat/{_street(s)}/tip/",
    },
    "gangmaker_a": {
        "bewoners": lambda s: f"/straat/{_street(s)}/bewoners/",
        "buur-zonder-email": lambda s: f"/straat/{_street(s)}/bewoners/nieuw/",
        "afwijzen": lambda s: f"/straat/{_street(s)}/bewoners/{s.application.pk}/afwijzen/",
        "prikbord-moderatie": lambda s: f"/straat/{_street(s)}/prikbord/moderatie/",
        "nieuwe-activiteit": lambda s: f"/straat/{_street(s)}/activiteiten/nieuw/",
        "activiteit-als-gangmaker": lambda s: s.event.url,
        "potje": lambda s: f"/straat/{_street(s)}/potje/",
        "uitgave-invoeren": lambda s: f"/straat/{_street(s)}/potje/{s.pot.year}/uitgave/nieuw/",
    },
    "welzijn_a": {
        "signalen": lambda s: "/signalen/",
        "signalen-wijk": lambda s: f"/signalen/wijk/{s.wijk.pk}/",
    },
}


def axe_blocking_violations(visitor, name: str) -> list[dict]:
    """Run axe on the open page, keep its full result, return what is serious or critical."""
    violations = _axe.run(visitor.page).response["violations"]
    report_dir = ARTIFACTS / "axe"
    report_dir.mkdir(parents=True, exist_ok=True)
    summary = [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]],
        }
        for v in violations
    ]
    (report_dir / f"{name}--{visitor.variant.name}.json").write_text(
        json.dumps({"url": visitor.page.url, "violations": summary}, indent=2)
    )
    return [{"page": name, **v} for v in summary if v["impact"] in BLOCKING_IMPACTS]


@pytest.mark.parametrize("role", PAGES_BY_ROLE)
def test_every_page_of_a_role_has_no_serious_or_critical_axe_violations(
    site, scripted_visitor, role
):
    # One browser session per role visits all its pages and reports every page that fails,
    # not only the first: one set-up instead of one per page keeps the run short.
    if role != "bezoeker":
        scripted_visitor.log_in_as(getattr(site, role))
    blocking = []
    for name, address in PAGES_BY_ROLE[role].items():
        path = address(site)
        scripted_visitor.open(path)
        # The page itself, not a login or two-factor page it might have redirected to.
        expect(scripted_visitor.page).to_have_url(re.compile(re.escape(path) + "$"))
        expect(scripted_visitor.page.get_by_role("heading", level=1)).to_be_visible()
        blocking += axe_blocking_violations(scripted_visitor, name)
    assert not blocking, json.dumps(blocking, indent=2)


def test_join_form_with_errors_has_no_serious_axe_violations_and_announces_them(
    world, scripted_visitor
):
    page = scripted_visitor.page
    scripted_visitor.open(f"/straat/{world.street_a.pk}/aanmelden/")
    page.get_by_label("Uw huisnummer").fill("twaalf")
    page.get_by_role("button", name="Aanmelden").click()

    # The summary has the focus, so it is read first, and it leads to each field to correct.
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Kijk de velden met een melding na")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Uw huisnummer").click()
    house_number = page.get_by_label("Uw huisnummer")
    expect(house_number).to_be_focused()
    expect(house_number).to_have_attribute("aria-invalid", "true")
    expect(house_number).to_have_accessible_description(re.compile("Vul een huisnummer in"))
    assert not axe_blocking_violations(scripted_visitor, "aanmelden-met-fouten")


def _focused(page) -> dict:
    """What has the keyboard focus, and whether a sighted keyboard user can see where it is."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {
                name: el.name || el.id || el.textContent.trim(),
                tag: el.tagName.toLowerCase(),
                outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2,
            };
        }"""
    )


def test_join_form_can_be_filled_in_and_sent_with_the_keyboard_alone(world, scripted_visitor):
    page = scripted_visitor.page
    scripted_visitor.open(f"/straat/{world.street_a.pk}/aanmelden/")

    # The first Tab shows the skip link; following it puts the keyboard in the main content.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Naar de inhoud")).to_be_focused()
    expect(page.get_by_role("link", name="Naar de inhoud")).to_be_in_viewport()
    page.keyboard.press("Enter")

    typed = {
        "first_name": "Fatima",
        "last_name": "El Amrani",
        "email": "fatima@example.org",
        "password": "drie groene tulpen",
        "house_number": "14b",
        "message": "Ik woon hier sinds mei.",
    }
    for _ in range(10):  # past the introduction's links to the first field
        page.keyboard.press("Tab")
        if _focused(page)["name"] == "first_name":
            break
    for field, text in typed.items():
        focused = _focused(page)
        assert focused["name"] == field, f"expected {field}, Tab reached {focused}"
        assert focused["outline"], f"no visible focus on {field}"
        page.keyboard.type(text)
        page.keyboard.press("Tab")
    assert _focused(page)["name"] == "privacy"
    assert _focused(page)["outline"], "no visible focus on the privacy checkbox"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    focused = _focused(page)
    assert (focused["tag"], focused["name"]) == ("button", "Aanmelden")
    assert focused["outline"], "no visible focus on the submit button"
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text("De gangmakers van Zwaanshals krijgen")


def _contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two CSS rgb()/rgba() colours."""

    def luminance(colour: str) -> float:
        red, green, blue = (int(c) / 255 for c in re.findall(r"\d+", colour)[:3])
        linear = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_keyboard_focus_in_the_red_header_stands_out_from_the_header(world, scripted_visitor):
    page = scripted_visitor.page
    scripted_visitor.open("/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the site name, in the header
    focused = page.evaluate(
        """() => {
            const el = document.activeElement;
            return {
                inHeader: !!el.closest(".site-header"),
                outline: getComputedStyle(el).outlineColor,
                outlineWidth: parseFloat(getComputedStyle(el).outlineWidth),
                background: getComputedStyle(el.closest(".site-header")).backgroundColor,
            };
        }"""
    )
    assert focused["inHeader"]
    assert focused["outlineWidth"] >= 2
    # WCAG 2.1 AA (1.4.11): a focus indicator needs 3:1 against the colour next to it.
    assert _contrast(focused["outline"], focused["background"]) >= 3
