"""Issue 10's journey: a welzijn worker logs in with password and app code and opens the wijk."""

import re

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from accounts.twofactor import DEVICE_NAME
from tests.e2e.test_accessibility import axe_blocking_violations
from tests.streets.factories import MembershipFactory


def _code_on_the_phone(device: TOTPDevice) -> str:
    """The six digits the authenticator app shows right now for this device's secret."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:0{device.digits}d}"


def test_welzijn_worker_gives_the_app_code_and_sees_the_wijk_in_figures_and_charts(
    world, visitor, settings
):
    # The test settings switch two-factor off for the other tests; this journey is about it.
    settings.TWO_FACTOR_ENFORCED = True
    device = TOTPDevice.objects.create(user=world.welzijn_a, name=DEVICE_NAME, confirmed=True)
    # Enough new neighbours this month for a figure above the "< 5" that hides small counts.
    MembershipFactory.create_batch(6, street=world.street_a)
    page = visitor.page
    blocking = []

    visitor.log_in(world.welzijn_a.email)
    # The password alone does not open anything: first the code from the app.
    expect(page.get_by_role("heading", level=1)).to_have_text("Vul de code uit uw app in")
    visitor.open("/signalen/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Vul de code uit uw app in")
    visitor.screenshot("two-factor-code")
    if visitor.variant.javascript:
        blocking += axe_blocking_violations(visitor, "tweestapsverificatie-code")
    page.get_by_label(re.compile("Code uit de app")).fill(_code_on_the_phone(device))
    page.get_by_role("main").get_by_role("button", name="Inloggen").click()

    # Back where they were going, the worker opens their wijk's dashboard.
    expect(page.get_by_role("heading", level=1)).to_have_text("Signalen")
    page.get_by_role("link", name="Noord").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Noord")
    new_neighbours = (
        page.get_by_role("region", name="Kerncijfers")
        .get_by_role("listitem")
        .filter(has_text="Nieuwe bewoners")
    )
    expect(new_neighbours).to_be_visible()
    expect(new_neighbours).not_to_contain_text("< 5")
    # Charts are drawn on the server as SVG, named by their caption: no JavaScript needed.
    charts = page.get_by_role("region", name="Maand voor maand").get_by_role("img")
    expect(charts.first).to_be_visible()
    assert charts.count() >= 3
    expect(page.get_by_role("region", name="Per straat")).to_contain_text("Zwaanshals")
    visitor.screenshot("welzijn-dashboard")
    if visitor.variant.javascript:
        blocking += axe_blocking_violations(visitor, "signalen-wijk-na-inloggen")
    assert not blocking, blocking
