"""Accessibility: axe-core on every page of every role, phone layout, error summaries, keyboard.

WCAG 2.1 AA is the bar a municipality's site must meet. axe-core finds what a machine can find
(contrast, labels, landmarks, heading order, names of buttons and links); each page's full result
is written to test-artifacts/axe/ for the accessibility note, and the test fails on anything
serious or critical. On a phone every page must also fit the screen and keep its table headers.
"""

import json
import re
from types import SimpleNamespace

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect

from matching.models import HelpOffer, Notification
from streets.models import EventPage
from tests.accounts.factories import OfflineUserFactory
from tests.e2e.conftest import ARTIFACTS, Variant, _visitor
from tests.home.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    FormFieldFactory,
    FormPageFactory,
)
from tests.security.conftest import api_token_id, street_objects
from tests.streets.factories import MembershipFactory

BLOCKING_IMPACTS = {"serious", "critical"}
_axe = Axe()


@pytest.fixture
def site(world, settings, tmp_path):
    """The world with one object of every kind in street A, so every page shows content."""
    settings.POT_RECEIPT_ROOT = tmp_path / "receipts"
    toolkit = ArticleIndexPageFactory(parent=world.home, intro="<p>Tips voor gangmakers.</p>")
    article = ArticlePageFactory(
        parent=toolkit, title="Straatfeest op de Zwaanshals", slug="straatfeest"
    )
    form_page = FormPageFactory(parent=world.home, intro="<p>Vragen? Schrijf ons.</p>")
    FormFieldFactory(page=form_page, label="Uw vraag")
    ids = street_objects(world, world.street_a, world.gangmaker_a, world.bewoner_a)
    # A neighbour who is not online with news waiting, so the door list has a row to print.
    offline = MembershipFactory(
        street=world.street_a, user=OfflineUserFactory(first_name="Truus"), house_number="7"
    ).user
    Notification.objects.create(
        user=offline, street=world.street_a, kind="match", text="Henk kan u helpen."
    )
    return SimpleNamespace(
        **vars(world),
        toolkit=toolkit,
        article=article,
        form_page=form_page,
        event=EventPage.objects.get(pk=ids["event_id"]),
        offer_id=HelpOffer.objects.get(street=world.street_a).pk,
        token_id=api_token_id(world),
        ids=ids,
    )


def _in_street(name, *keys, **kwargs):
    """The address of a street A page, its other arguments taken from the site's ids."""

    def address(s):
        values = {"street_id": s.street_a.pk, **{key: s.ids[key] for key in keys}, **kwargs}
        return reverse(name, kwargs=values)

    return address


def _at(name, **kwargs):
    """The address of a page outside a street; a callable value is read from the site."""

    def address(s):
        return reverse(name, kwargs={k: v(s) if callable(v) else v for k, v in kwargs.items()})

    return address


# Who is logged in -> the pages they use, by name, with how to find each page's address.
# Pages that only answer a POST (approve, mark as handled, downloads) are not pages to check.
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
        "inloggen": _at("accounts:login"),
        "aanmelden": _in_street("streets:join"),
        "privacy": _at("privacy"),
        "wachtwoord-vergeten": _at("accounts:password_reset"),
        "wachtwoord-link-verstuurd": _at("accounts:password_reset_done"),
        "wachtwoord-link-ongeldig": _at(
            "accounts:password_reset_confirm", uidb64="MQ", token="verlopen-link"
        ),
        "wachtwoord-opnieuw-ingesteld": _at("accounts:password_reset_complete"),
        "enquete-via-qr-code": _at("surveys:public_answer", token=lambda s: s.ids["survey_token"]),
        "effectmeting-via-qr-code": _at(
            "effects:public_answer", token=lambda s: s.ids["round_token"]
        ),
        "programma": _at("programme:start"),
        "straat-aanmelden": _at("programme:apply"),
        "nieuwsbrief-aanmelden": _at(
            "network:newsletter_subscribe", newsletter_id=lambda s: s.ids["newsletter_id"]
        ),
        "gemeente-interesse": _at("national:interest"),
    },
    "bewoner_a": {
        "straat-als-bewoner": lambda s: s.street_a.url,
        "mijn-straten": _at("streets:my_streets"),
        "mijn-gegevens": _at("accounts:account"),
        "prikbord": _in_street("matching:board"),
        "hulp-vragen": _in_street("matching:new_request"),
        "hulp-aanbieden": _in_street("matching:new_offer"),
        "bericht-wijzigen": _in_street("matching:edit", "post_id"),
        "bericht-intrekken": _in_street("matching:withdraw", "post_id"),
        "bericht-melden": lambda s: reverse(
            "matching:report", kwargs={"street_id": s.street_a.pk, "post_id": s.offer_id}
        ),
        "mijn-hulp": _in_street("matching:my_help"),
        "koppeling": _in_street("matching:match_detail", "match_id"),
        "koppeling-annuleren": _in_street("matching:match_step", "match_id", action="cancel"),
        "berichten-voorkeuren": _at("matching:preferences"),
        "tip-de-gangmaker": _in_street("pot:tip_new"),
        "enquete": _in_street("surveys:index"),
        "mijn-antwoord": _in_street("surveys:mine", "survey_id"),
        "mijn-antwoord-verwijderen": _in_street("surveys:mine_delete", "survey_id"),
        "uitschrijven": _in_street("streets:leave"),
        "mijn-gegevens-downloaden": _at("accounts:my_data"),
        "account-verwijderen": _at("accounts:delete_account"),
        "wachtwoord-wijzigen": _at("accounts:password_change"),
        "wachtwoord-gewijzigd": _at("accounts:password_change_done"),
        "tweestapsverificatie-instellen": _at("accounts:two_factor_setup"),
        "effectmeting": _in_street("effects:index"),
        "effectmeting-invullen": _in_street("effects:answer", "round_id"),
        "sleutels-en-noodcontacten": _in_street("streets:safety"),
        "mijn-noodgegevens": _in_street("streets:safety_detail", "net_id"),
        "reservesleutel-toevoegen": _in_street("streets:safety_key_add", "net_id"),
        "noodcontact-toevoegen": _in_street("streets:safety_contact_add", "net_id"),
        "noodgegevens-intrekken": _in_street("streets:safety_withdraw", "net_id"),
        "gangmaker-worden": _in_street("programme:become_gangmaker"),
        "attentie-als-helper": _in_street("pot:attention_new"),
    },
    "gangmaker_a": {
        "bewoners": _in_street("streets:members"),
        "buur-zonder-email": _in_street("streets:register_offline"),
        "aanmelding-afwijzen": _in_street("streets:decline", "membership_id"),
        "prikbord-moderatie": _in_street("matching:moderation"),
        "prikbord-instellingen": _in_street("matching:settings"),
        "bericht-verbergen": _in_street("matching:hide", "post_id"),
        "melding-afhandelen": _in_street("matching:dismiss_report", "report_id"),
        "koppelingen": _in_street("matching:match_overview"),
        "deurlijst": _in_street("matching:door_list"),
        "koppeling-als-gangmaker": _in_street("matching:match_detail", "match_id"),
        "koppeling-afwijzen": _in_street("matching:match_step", "match_id", action="decline"),
        "nieuwe-activiteit": _in_street("streets:event_new"),
        "activiteit-als-gangmaker": lambda s: s.event.url,
        "activiteit-wijzigen": _in_street("streets:event_edit", "event_id"),
        "activiteit-afzeggen": _in_street("streets:event_cancel", "event_id"),
        "wie-komen": _in_street("streets:event_attendees", "event_id"),
        "flyer": _in_street("streets:event_flyer", "event_id"),
        "straatkaart": _in_street("streets:street_card"),
        "potje-als-gangmaker": _in_street("pot:pot"),
        "uitgave-invoeren": _in_street("pot:expense_new", "year"),
        "uitgave-als-gangmaker": _in_street("pot:expense", "expense_id"),
        "uitgave-afkeuren": _in_street("pot:expense_decline", "expense_id"),
        "uitgave-corrigeren": _in_street("pot:expense_reverse", "expense_id"),
        "tip-afwijzen": _in_street("pot:tip_dismiss", "tip_id"),
        "enquete-als-gangmaker": _in_street("surveys:index"),
        "enquete-aanpassen": _in_street("surveys:edit", "survey_id"),
        "enquete-sluiten": _in_street("surveys:close", "survey_id"),
        "enquete-op-papier": _in_street("surveys:paper", "survey_id"),
        "enquete-afdrukken": _in_street("surveys:print", "survey_id"),
        "enquete-resultaten": _in_street("surveys:results", "survey_id"),
        "enquete-antwoord": _in_street("surveys:response", "survey_id", "response_id"),
        "enquete-antwoord-verwijderen": _in_street(
            "surveys:response_delete", "survey_id", "response_id"
        ),
        "enquete-cijfers-als-gangmaker": _in_street("surveys:figures", "survey_id"),
        "zorgsignalen-van-de-straat": _in_street("insights:my_signals"),
        "zorgsignaal-doorgeven": _in_street("insights:raise_signal"),
        "zorgsignaal-als-gangmaker": lambda s: reverse(
            "insights:my_signal", kwargs={"street_id": s.street_a.pk, "pk": s.ids["signal_id"]}
        ),
        "jaarverslag-als-gangmaker": _in_street("insights:yearly_report"),
        "effectmeting-als-gangmaker": _in_street("effects:index"),
        "jaaroverzicht-potje": _in_street("pot:year_report", "year"),
        "noodkaart": _in_street("streets:safety_card", "net_id"),
        "effectmeting-op-papier": _in_street("effects:paper", "round_id"),
        "effectmeting-afdrukken": _in_street("effects:print", "round_id"),
        "effectmeting-sluiten": _in_street("effects:close", "round_id"),
        "welkom": _in_street("welcome:list"),
        "welkom-geven": _in_street("welcome:give", "welcome_id"),
        "huishoudens": _in_street("welcome:households"),
        "huisnummers": _in_street("welcome:homes_edit"),
        "sleutels-overzicht": _in_street("streets:safety_overview"),
        "zorgrooster-nieuw": _in_street("matching:rota_new"),
        "zorgrooster": _in_street("matching:rota", "rota_id"),
        "zorgrooster-afdrukken": _in_street("matching:rota_print", "rota_id"),
        "gangmaker-verzoeken": _in_street("programme:gangmaker_requests"),
        "vraag-het-welzijn": _in_street("insights:questions"),
        "potje-van-het-jaar": _in_street("pot:pot_year", "year"),
        "attentie-invoeren": _in_street("pot:attention_new"),
        "kaart-namens-de-straat": _in_street("pot:card"),
        "uitwisseling": _at("network:index"),
        "uitwisseling-gemeente": _at("network:exchange", home_id=lambda s: s.home.pk),
        "uitwisseling-onderwerp": _at("network:topic", topic_id=lambda s: s.ids["topic_id"]),
        "uitwisseling-nieuw-onderwerp": _at("network:new_topic", home_id=lambda s: s.home.pk),
        "bijeenkomsten": _at("network:meetings"),
        "bijeenkomst": _at("network:meeting", meeting_id=lambda s: s.ids["meeting_id"]),
        "gangmakers-van-de-wijk": _at("network:directory", wijk_id=lambda s: s.wijk.pk),
        "gangmakers-berichten": _at("network:inbox"),
    },
    "welzijn_a": {
        "signalen": _at("insights:index"),
        "signalen-wijk": _at("insights:dashboard", kind="wijk", pk=lambda s: s.wijk.pk),
        "signalen-straat": _at("insights:dashboard", kind="straat", pk=lambda s: s.street_a.pk),
        "jaarverslag-straat": _in_street("insights:yearly_report"),
        "zorgsignalen": _at("insights:staff_signals"),
        "zorgsignaal": _at("insights:staff_signal", pk=lambda s: s.ids["signal_id"]),
        "zorgsignaal-afsluiten": _at("insights:close", pk=lambda s: s.ids["signal_id"]),
        "enquetes-wijk": _at("surveys:wijk", wijk_id=lambda s: s.wijk.pk),
        "enquete-cijfers": _in_street("surveys:figures", "survey_id"),
        "welzijnsvragen": _at("insights:staff_questions"),
        "welzijnsvraag": _at("insights:staff_question", pk=lambda s: s.ids["question_id"]),
        "effecten-wijk": _at("insights:effects", kind="wijk", pk=lambda s: s.wijk.pk),
        "tweestapsverificatie-verplicht": _at("accounts:two_factor_setup"),
    },
    "national": {
        "cijfers-alle-gemeenten": _at("national:figures"),
        "aanmeldingen-van-gemeenten": _at("national:submissions"),
        "uitwisseling-landelijk": _at("network:national"),
        "uitwisseling-landelijk-nieuw": _at("network:national_new_topic"),
        "bijeenkomsten-landelijk": _at("network:meetings"),
    },
    "coordinator": {
        "signalen-gemeente": _at("insights:dashboard", kind="gemeente", pk=lambda s: s.home.pk),
        "api-sleutels": _at("insights:tokens", pk=lambda s: s.home.pk),
        "api-sleutel-intrekken": _at(
            "insights:revoke_token", pk=lambda s: s.home.pk, token_id=lambda s: s.token_id
        ),
        "potjes-gemeente": _at("pot:overview", home_id=lambda s: s.home.pk),
        "potjes-instellingen": _at("pot:settings", home_id=lambda s: s.home.pk),
        "vier-ogen-straat": _in_street("pot:street_threshold", "year"),
        "effecten-gemeente": _at("insights:effects", kind="gemeente", pk=lambda s: s.home.pk),
        "verslag-gemeente": _at("insights:scope_report", kind="gemeente", pk=lambda s: s.home.pk),
        "stellingen-effectmeting": _at("effects:seed_items", municipality_id=lambda s: s.home.pk),
        "straat-aanmeldingen": _at("programme:applications", home_id=lambda s: s.home.pk),
        "startpakketten": _at("programme:packs", home_id=lambda s: s.home.pk),
        "groei": _at("programme:growth", home_id=lambda s: s.home.pk),
        "bijeenkomst-nieuw": _at("network:new_meeting"),
        "bijeenkomst-uitnodiging": _at(
            "network:invitation", meeting_id=lambda s: s.ids["meeting_id"]
        ),
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


def layout_problems(visitor, name: str) -> list[dict]:
    """What breaks the page on this screen: sideways scrolling, table headers out of sight.

    WCAG 1.4.10 (reflow): at 390 px nothing but a wide table in its own scroll box may need
    scrolling sideways. A table shown without its header row leaves every cell unlabelled.
    """
    found = visitor.page.evaluate(
        """() => {
            const seen = (el) => el.getClientRects().length > 0;
            const tables = [...document.querySelectorAll("table")].filter(seen);
            const width = document.documentElement.clientWidth;
            const sticksOut = (el) => el.getBoundingClientRect().right > width + 1;
            // The innermost elements past the right edge: what to fix, for the failure message.
            const causes = [...document.body.querySelectorAll("*")].filter(
                (el) => sticksOut(el) && ![...el.children].some(sticksOut)
            );
            return {
                pageWidth: document.documentElement.scrollWidth,
                screenWidth: width,
                causes: causes.slice(0, 3).map(
                    (el) => el.tagName.toLowerCase() + (el.className ? "." + el.className : "")
                ),
                hiddenHeaders: tables.flatMap(
                    (t) => [...t.querySelectorAll("th")].filter((th) => !seen(th))
                ).map((th) => th.textContent.trim()),
            };
        }"""
    )
    problems = []
    # One pixel of slack: Chromium rounds sub-pixel widths up.
    if found["pageWidth"] > found["screenWidth"] + 1:
        problems.append(
            f"page is {found['pageWidth']} px wide on a {found['screenWidth']} px screen, "
            f"because of {found['causes']}"
        )
    if found["hiddenHeaders"]:
        problems.append(f"table headers hidden: {found['hiddenHeaders']}")
    return [{"page": name, "problem": p} for p in problems]


@pytest.mark.parametrize("role", PAGES_BY_ROLE)
def test_every_page_of_a_role_has_no_serious_axe_violations_and_fits_the_screen(
    site, scripted_visitor, role
):
    # One browser session per role visits all its pages and reports every page that fails,
    # not only the first: one set-up instead of one per page keeps the run short.
    if role != "bezoeker":
        scripted_visitor.log_in_as(getattr(site, role))
    wrong_page, blocking, layout = [], [], []
    for name, address in PAGES_BY_ROLE[role].items():
        path = address(site)
        response = scripted_visitor.page.goto(scripted_visitor.base_url + path)
        # The page itself, not a login or two-factor page it might have redirected to, nor a
        # refusal (a 403 page has a heading too).
        if not scripted_visitor.page.url.endswith(path) or response.status != 200:
            wrong_page.append(
                {
                    "page": name,
                    "asked": path,
                    "got": scripted_visitor.page.url,
                    "status": response.status,
                }
            )
            continue
        expect(scripted_visitor.page.get_by_role("heading", level=1)).to_be_visible()
        blocking += axe_blocking_violations(scripted_visitor, name)
        layout += layout_problems(scripted_visitor, name)
    assert not wrong_page, json.dumps(wrong_page, indent=2)
    assert not blocking, json.dumps(blocking, indent=2)
    assert not layout, json.dumps(layout, indent=2)


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


def _offer_form(world, visitor):
    visitor.log_in_as(world.bewoner_a)
    return visitor.open(reverse("matching:new_offer", kwargs={"street_id": world.street_a.pk}))


def test_week_grid_names_every_checkbox_with_its_day_and_dagdeel(world, scripted_visitor):
    page = _offer_form(world, scripted_visitor)
    grid = page.get_by_role("group", name="Wanneer kunt u meestal?")

    # A screen reader that lands on a checkbox hears the day too, not "ochtend" seven times.
    expect(grid.get_by_role("checkbox")).to_have_count(21)
    expect(grid.get_by_role("checkbox", name="ochtend", exact=True)).to_have_count(0)
    expect(grid.get_by_role("checkbox", name="donderdag middag", exact=True)).to_have_count(1)
    # Read as a table, the headers say the same: a column per dagdeel, a row per day.
    expect(grid.get_by_role("columnheader", name="avond")).to_be_visible()
    expect(grid.get_by_role("rowheader", name="zondag")).to_be_visible()
    # The label fills the cell: clicking beside the small box still ticks it.
    label = page.locator("label", has=page.get_by_label("dinsdag avond"))
    label.click(position={"x": 3, "y": 3})
    expect(page.get_by_label("dinsdag avond")).to_be_checked()


def test_week_grid_fits_a_phone_also_with_larger_letters(world, browser, live_server):
    context, phone = _visitor(browser, live_server, Variant("telefoon", javascript=True))
    try:
        context.add_cookies([{"name": "letters", "value": "groot", "url": live_server.url}])
        page = _offer_form(world, phone)
        expect(page.locator("html")).to_have_class(re.compile("large-print"))
        assert not layout_problems(phone, "hulp-aanbieden-grotere-letters")
    finally:
        context.close()


def test_post_form_with_errors_leads_from_the_summary_to_each_field(world, scripted_visitor):
    page = _offer_form(world, scripted_visitor)
    page.get_by_role("button", name="Op het prikbord zetten").click()

    # The same summary as every other form: read first, with a link to each field to correct.
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Kijk de velden met een melding na")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Wanneer kunt u meestal?").click()
    first_slot = page.get_by_role("checkbox", name="maandag ochtend")
    expect(first_slot).to_be_focused()
    expect(first_slot).to_have_attribute("aria-invalid", "true")
    expect(
        page.get_by_role("group", name="Wanneer kunt u meestal?")
    ).to_have_accessible_description(re.compile("Kies minstens één dagdeel"))
    summary.get_by_role("link", name="Waarmee wilt u helpen?").click()
    expect(page.get_by_role("checkbox", name="boodschappen")).to_be_focused()
    expect(page.get_by_role("group", name="Waarmee wilt u helpen?")).to_have_accessible_description(
        re.compile("Kies minstens één soort hulp")
    )
    assert not axe_blocking_violations(scripted_visitor, "hulp-aanbieden-met-fouten")


def test_every_form_links_its_summary_to_a_radio_group_that_needs_an_answer(
    world, scripted_visitor
):
    # The shared summary (components/form_errors.html), here on the care signal form: a group
    # of radio buttons has no id of its own, so its link goes to the first option.
    scripted_visitor.log_in_as(world.gangmaker_a)
    page = scripted_visitor.open(
        reverse("insights:raise_signal", kwargs={"street_id": world.street_a.pk})
    )
    page.get_by_role("button", name="Zorgsignaal versturen").click()

    summary = page.get_by_role("alert")
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Weet de buur ervan?").click()
    first_option = page.get_by_role("radio", name=re.compile("^Ja, de buur"))
    expect(first_option).to_be_focused()
    expect(first_option).to_have_attribute("aria-invalid", "true")
    assert not axe_blocking_violations(scripted_visitor, "zorgsignaal-met-fouten")


def test_survey_questions_with_errors_share_one_summary_that_takes_the_focus(
    world, scripted_visitor
):
    ids = street_objects(world, world.street_a, world.gangmaker_a, world.bewoner_a)
    scripted_visitor.log_in_as(world.gangmaker_a)
    page = scripted_visitor.open(
        reverse(
            "surveys:edit", kwargs={"street_id": world.street_a.pk, "survey_id": ids["survey_id"]}
        )
    )
    page.locator("#id_vragen-0-position").fill("1200")
    page.locator("#id_vragen-2-label").fill("")
    page.get_by_role("button", name="Opslaan").click()

    # One alert for the whole page, not one per question each pulling the focus to itself.
    summary = page.get_by_role("alert")
    expect(summary).to_have_count(1)
    expect(summary).to_be_focused()
    summary.get_by_role("link", name="Vraag 3: Vraag").click()
    expect(page.locator("#id_vragen-2-label")).to_be_focused()
    expect(page.locator("#id_vragen-2-label")).to_have_attribute("aria-invalid", "true")
    assert not axe_blocking_violations(scripted_visitor, "enquete-aanpassen-met-fouten")


def _focused(page) -> dict:
    """What has the keyboard focus, and whether a sighted keyboard user can see where it is."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            return {
                name: el.name || el.id || el.textContent.trim(),
                label: el.labels && el.labels.length ? el.labels[0].textContent.trim() : "",
                role: el.getAttribute("role") || "",
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


def _tab_to(page, wanted, presses: int = 40) -> list[str]:
    """Press Tab until `wanted(focused)` holds; the labels passed on the way, for messages."""
    passed = []
    for _ in range(presses):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if wanted(focused):
            return passed
        passed.append(focused["label"] or focused["name"])
    raise AssertionError(f"Tab never reached the field; it passed {passed}")


def test_week_grid_can_be_filled_in_with_the_keyboard_alone(world, scripted_visitor):
    page = _offer_form(world, scripted_visitor)

    _tab_to(page, lambda f: f["label"] == "boodschappen")
    page.keyboard.press("Space")
    _tab_to(page, lambda f: f["label"] == "maandag ochtend")
    # Tab walks the grid row by row, like reading it: monday's three dagdelen, then tuesday.
    walked = []
    for _ in range(6):
        focused = _focused(page)
        assert focused["outline"], f"no visible focus on {focused['label']}"
        walked.append(focused["label"])
        if focused["label"] in ("maandag ochtend", "dinsdag avond"):
            page.keyboard.press("Space")
        page.keyboard.press("Tab")
    assert walked == [
        "maandag ochtend",
        "maandag middag",
        "maandag avond",
        "dinsdag ochtend",
        "dinsdag middag",
        "dinsdag avond",
    ]
    _tab_to(page, lambda f: f["tag"] == "button")
    assert _focused(page)["outline"], "no visible focus on the submit button"
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_have_text("Uw bericht staat op het prikbord.")
    offer = HelpOffer.objects.get(street=world.street_a, author=world.bewoner_a)
    assert offer.availability == ["0:ochtend", "1:avond"]
    assert offer.categories == ["boodschappen"]


def test_a_table_wider_than_a_phone_scrolls_in_its_own_box_with_the_keyboard(
    world, browser, live_server
):
    context, phone = _visitor(browser, live_server, Variant("telefoon", javascript=True))
    try:
        page = phone.open(reverse("privacy"))
        # The headers stay with the table; the box around it has the section's name.
        table_box = page.get_by_role("region", name="Wat we bewaren")
        expect(table_box.get_by_role("columnheader", name="Hoe lang")).to_be_visible()

        _tab_to(page, lambda f: f["role"] == "region")
        assert _focused(page)["outline"], "no visible focus on the table's scroll box"
        for _ in range(5):
            page.keyboard.press("ArrowRight")
        # Chromium scrolls smoothly: wait for the box to have moved (fails after the timeout).
        page.wait_for_function("box => box.scrollLeft > 0", arg=table_box.element_handle())
    finally:
        context.close()


def test_chart_labels_on_a_phone_are_as_large_as_on_a_desktop(site, browser, live_server):
    context, phone = _visitor(browser, live_server, Variant("telefoon", javascript=True))
    try:
        phone.log_in_as(site.welzijn_a)
        page = phone.open(
            reverse("insights:dashboard", kwargs={"kind": "straat", "pk": site.street_a.pk})
        )
        # SVG text is drawn at its font size times the chart's scale on the screen. Each chart
        # is drawn twice (charts.py); only the one the phone shows counts.
        sizes = page.evaluate(
            """() => [...document.querySelectorAll(".chart__label, .chart__value")]
            .filter((t) => t.ownerSVGElement.getBoundingClientRect().width > 0)
            .map((t) => {
                const svg = t.ownerSVGElement;
                const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                return parseFloat(getComputedStyle(t).fontSize) * scale;
            })"""
        )
        assert sizes, "the dashboard drew no chart"
        assert min(sizes) >= 12, f"chart text is {min(sizes):.1f} px on a phone"
        # A phone gets the chart with a month per row, so every month is in sight.
        expect(page.locator("svg.chart--rows").first).to_be_visible()
        expect(page.locator("svg.chart--columns").first).to_be_hidden()
        # The chart is in its own box, named like the chart; the page still fits.
        expect(
            page.get_by_role("region").filter(has=page.locator("svg.chart")).first
        ).to_be_visible()
        assert not layout_problems(phone, "signalen-straat-telefoon")
    finally:
        context.close()


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
