"""Joining a street, as a visitor does it: postcode, street page, join form, approval."""

import re

from playwright.sync_api import expect

from accounts.models import User
from streets.choices import MembershipStatus
from streets.models import StreetMembership


def test_visitor_finds_street_by_postcode_applies_is_approved_and_sees_the_members_area(
    world, visitor
):
    page = visitor.page

    # A visitor types their postcode on the home page and finds their street.
    visitor.open("/")
    visitor.screenshot("home")
    page.get_by_label("Typ uw postcode of straatnaam").fill("3035 ks")
    page.get_by_role("button", name="Zoek").click()
    visitor.screenshot("search-postcode")
    page.get_by_role("link", name="Zwaanshals").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Zwaanshals")
    visitor.screenshot("street-visitor")

    # They apply and make an account in the same form.
    page.get_by_role("link", name="Aanmelden voor deze straat").click()
    page.get_by_role("textbox", name="Voornaam").fill("Fatima")
    page.get_by_label("Achternaam").fill("El Amrani")
    page.get_by_label("E-mailadres").fill("fatima@example.org")
    page.get_by_label("Kies een wachtwoord").fill("drie groene tulpen")
    page.get_by_label("Uw huisnummer").fill("14b")
    page.get_by_label("Bericht aan de gangmakers").fill("Ik woon hier sinds mei.")
    page.get_by_label("Ik ga ermee akkoord").check()
    visitor.screenshot("join-form")
    page.get_by_role("button", name="Aanmelden").click()
    expect(page.get_by_role("status")).to_contain_text("De gangmakers van Zwaanshals krijgen")
    expect(page.get_by_role("main")).to_contain_text("wacht op goedkeuring")
    visitor.screenshot("my-streets-pending")
    visitor.log_out()

    # The street's gangmaker logs in and approves the application.
    visitor.log_in(world.gangmaker_a.email)
    page.get_by_role("link", name="Bewoners en aanmeldingen").click()
    expect(page.get_by_role("main")).to_contain_text("Ik woon hier sinds mei.")
    visitor.screenshot("members-pending")
    page.get_by_role("button", name="Fatima toelaten").click()
    expect(page.get_by_role("status")).to_have_text("Fatima is nu lid van de straat.")
    expect(page.get_by_role("cell", name="El Amrani")).to_be_visible()
    visitor.screenshot("members-approved")
    visitor.log_out()

    # The new neighbour sees the street's members' area.
    visitor.log_in("fatima@example.org", "drie groene tulpen")
    page.get_by_role("link", name="Zwaanshals").click()
    expect(page.get_by_role("region", name="Voor de buren")).to_be_visible()
    visitor.screenshot("street-member")

    membership = StreetMembership.objects.get(
        street=world.street_a, user=User.objects.get(email="fatima@example.org")
    )
    assert membership.status == MembershipStatus.APPROVED
    assert membership.house_number == "14b"


def test_join_form_rejected_keeps_what_was_typed_and_says_what_is_wrong(world, visitor):
    page = visitor.page
    visitor.open(f"/straat/{world.street_a.pk}/aanmelden/")
    page.get_by_role("textbox", name="Voornaam").fill("Kees")
    page.get_by_label("E-mailadres").fill("kees@example.org")
    page.get_by_label("Kies een wachtwoord").fill("kort")
    page.get_by_label("Uw huisnummer").fill("twaalf")
    page.get_by_role("button", name="Aanmelden").click()

    alert = page.get_by_role("alert")
    expect(alert).to_contain_text("Kijk de velden met een melding na")
    expect(page.get_by_role("textbox", name="Voornaam")).to_have_value("Kees")
    expect(page.get_by_label("Uw huisnummer")).to_have_value("twaalf")
    expect(page.get_by_text("Vul een huisnummer in, zoals 12, 12a of 40-2.")).to_be_visible()
    expect(page.get_by_text("Zonder dit vinkje kunnen we u niet aanmelden.")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/aanmelden/$"))
    visitor.screenshot("join-form-errors")
    assert not User.objects.filter(email="kees@example.org").exists()
