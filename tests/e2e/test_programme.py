"""From a street's application to a live street with its first member, in the browser.

Two neighbours apply for the same street; the coordinator starts it; the gangmaker who had no
account sets a password through the invitation and approves the first member. A coordinator
calls a quiet street and logs it. Then axe on the programme's pages.
"""

import datetime
import json
import re
import time

from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from home.forms import MIN_SECONDS_ON_SCREEN
from programme.models import StreetApplication, StreetFollowUp
from programme.services import QUIET_WEEKS
from streets.choices import MembershipStatus
from streets.models import StreetMembership, StreetPage
from tests.e2e.test_accessibility import axe_blocking_violations, layout_problems


def _apply(visitor, name, email, house_number, gangmaker=True):
    page = visitor.page
    visitor.open("/")
    page.get_by_role("link", name="Meld uw straat aan").click()
    shown_at = time.monotonic()
    page.get_by_label("Straatnaam").fill("Bloemkweekstraat" if gangmaker else "bloemkweekstr.")
    page.get_by_label("Postcode(s)").fill("3035 HA")
    page.get_by_label("Uw naam").fill(name)
    page.get_by_label("Uw e-mailadres").fill(email)
    page.get_by_label("Uw huisnummer").fill(house_number)
    if gangmaker:
        page.get_by_label("Wie wil gangmaker worden? Naam").fill(name)
        page.get_by_label("E-mailadres van de gangmaker").fill(email)
        page.get_by_label("Tweede gangmaker: naam").fill("Henk Smit")
        page.get_by_label("Telefoonnummer van de tweede gangmaker").fill("010 1234567")
    visitor.screenshot("programma-aanmelden")
    # A person reads the form for a few seconds; the spam check refuses anything faster.
    wait = MIN_SECONDS_ON_SCREEN - (time.monotonic() - shown_at)
    if wait > 0:
        page.wait_for_timeout(wait * 1000 + 300)
    page.get_by_role("button", name="Straat aanmelden").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Dank u wel!")


def test_two_neighbours_apply_the_coordinator_starts_the_street_and_a_member_is_approved(
    world, visitor
):
    page = visitor.page
    _apply(visitor, "Ria Bos", "ria@example.org", "5")
    visitor.screenshot("programma-bedankt")
    _apply(visitor, "Jan Kok", "jan@example.org", "18", gangmaker=False)
    expect(page.get_by_role("main")).to_contain_text("al aangemeld door een buur")
    application = StreetApplication.objects.get()
    assert application.applicants.count() == 2

    # The coordinator starts the one application.
    visitor.log_in_as(world.coordinator)
    visitor.open("/programma/")
    page.get_by_role("link", name="Bloemkweekstraat").click()
    expect(page.get_by_role("main")).to_contain_text("Jan Kok")
    visitor.screenshot("programma-aanmelding")
    page.get_by_role("link", name="Straat starten…").click()
    page.get_by_role("combobox", name=re.compile(r"^\s*Wijk")).select_option(label="Noord")
    visitor.screenshot("programma-starten")
    page.get_by_role("button", name="Straat starten").click()
    expect(page.get_by_role("status")).to_contain_text("Bloemkweekstraat is gestart")
    visitor.screenshot("programma-gestart")
    street = StreetPage.objects.get(title="Bloemkweekstraat")
    assert street.get_parent().pk == world.wijk.pk
    told = {m.to[0] for m in mail.outbox if "is een Lief & Leedstraat" in m.subject}
    assert told == {"ria@example.org", "jan@example.org"}
    page.context.clear_cookies()

    # A neighbour asks to join the new street.
    visitor.log_in_as(world.outsider)
    visitor.open(street.url)
    expect(page.get_by_role("main")).to_contain_text("Ria en Henk")
    page.get_by_role("link", name="Aanmelden voor deze straat").click()
    page.get_by_label("Uw huisnummer").fill("22")
    page.get_by_role("button", name="Aanmelden").click()
    page.context.clear_cookies()

    # Ria sets her password through the invitation and lets the neighbour in.
    invitation = next(m for m in mail.outbox if m.subject.startswith("U bent gangmaker"))
    link = re.search(r"https?://[^/\s]+(/account/\S+)", invitation.body).group(1)
    visitor.open(link)
    page.get_by_label(re.compile(r"^\s*Nieuw wachtwoord:?\s*$")).fill("zonnige dinsdag 42")
    page.get_by_label("Nieuw wachtwoord bevestigen").fill("zonnige dinsdag 42")
    page.get_by_role("main").get_by_role("button", name="Opslaan").click()
    visitor.log_in("ria@example.org", "zonnige dinsdag 42")
    visitor.open(f"/straat/{street.pk}/bewoners/")
    page.get_by_role("button", name=f"{world.outsider.first_name} toelaten").click()
    visitor.screenshot("programma-eerste-lid")
    membership = StreetMembership.objects.get(user=world.outsider, street=street)
    assert membership.status == MembershipStatus.APPROVED


def _make_quiet(street):
    """Zwaanshals started long ago and nothing happened since."""
    long_ago = timezone.now() - datetime.timedelta(weeks=QUIET_WEEKS + 4)
    StreetPage.objects.filter(pk=street.pk).update(first_published_at=long_ago)
    StreetMembership.objects.filter(street=street).update(decided_at=long_ago)
    get_user_model().objects.filter(memberships__street=street).update(last_login=long_ago)


def test_the_coordinator_calls_a_quiet_street_and_logs_it(world, visitor):
    _make_quiet(world.street_a)
    page = visitor.page
    visitor.log_in_as(world.coordinator)
    visitor.open(f"/programma/{world.home.pk}/groei/")
    quiet = page.get_by_role("region", name="Stille straten")
    expect(quiet).to_contain_text("Zwaanshals")
    visitor.screenshot("programma-stille-straten")
    quiet.get_by_role("link", name="Gesprek vastleggen voor Zwaanshals").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Opvolging van Zwaanshals")

    # Forgetting whom she spoke to keeps what she typed and says what is missing.
    page.get_by_label("Met welke gangmaker sprak u?").select_option(
        label="Iemand anders (vul de naam hieronder in)"
    )
    page.get_by_label("loopt goed, niets nodig").check()
    page.get_by_label("Toelichting").fill("Gerda: de straat is rustig, maar het loopt.")
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_role("main")).to_contain_text(
        "Kies een gangmaker, of vul in met wie u sprak."
    )
    expect(page.get_by_label("Toelichting")).to_have_value(
        "Gerda: de straat is rustig, maar het loopt."
    )

    page.get_by_label("Met welke gangmaker sprak u?").select_option(
        label=world.gangmaker_a.get_full_name()
    )
    page.get_by_label("loopt goed, niets nodig").check()
    page.get_by_role("button", name="Vastleggen").click()
    expect(page.get_by_role("status")).to_contain_text("is vastgelegd")
    log = page.get_by_role("region", name="Eerdere gesprekken")
    expect(log).to_contain_text(world.gangmaker_a.get_full_name())
    expect(log).to_contain_text("loopt goed, niets nodig")
    visitor.screenshot("programma-opvolging")
    follow_up = StreetFollowUp.objects.get()
    assert (follow_up.gangmaker, follow_up.called_by) == (world.gangmaker_a, world.coordinator)

    # "Loopt goed": Zwaanshals is off the quiet list.
    visitor.open(f"/programma/{world.home.pk}/groei/")
    expect(page.get_by_role("main")).to_contain_text("Geen stille straten")


def test_the_programmes_pages_have_no_serious_axe_violations_and_fit_the_screen(
    world, scripted_visitor
):
    from tests.programme.factories import application_with_people

    application = application_with_people(world.home)
    _make_quiet(world.street_a)
    pages = {
        "programma-aanmelden": "/straat-aanmelden/",
    }
    blocking, layout = [], []
    for name, path in pages.items():
        scripted_visitor.open(path)
        blocking += axe_blocking_violations(scripted_visitor, name)
        layout += layout_problems(scripted_visitor, name)
    scripted_visitor.log_in_as(world.coordinator)
    for name, path in {
        "programma-aanmeldingen": f"/programma/{world.home.pk}/aanmeldingen/",
        "programma-aanmelding": f"/programma/aanmelding/{application.pk}/",
        "programma-starten": f"/programma/aanmelding/{application.pk}/starten/",
        "programma-startpakketten": f"/programma/{world.home.pk}/startpakketten/",
        "programma-groei": f"/programma/{world.home.pk}/groei/",
        "programma-opvolging": f"/programma/{world.home.pk}/stille-straten/{world.street_a.pk}/",
    }.items():
        scripted_visitor.open(path)
        expect(scripted_visitor.page.get_by_role("heading", level=1)).to_be_visible()
        blocking += axe_blocking_violations(scripted_visitor, name)
        layout += layout_problems(scripted_visitor, name)
    assert not blocking, json.dumps(blocking, indent=2)
    assert not layout, json.dumps(layout, indent=2)
