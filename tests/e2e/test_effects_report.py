"""The demo's yearly report for Zwaanshals (presence, help, growth, effects) prints on two A4
pages in Chromium."""

import re

from django.core.management import call_command
from django.urls import reverse

from accounts.models import User
from streets.models import StreetPage
from tests.e2e.conftest import Variant, Visitor

# A page object in Chromium's PDF ("/Type /Pages" is the tree above them).
PAGE = re.compile(rb"/Type\s*/Page(?!s)")


def test_the_zwaanshals_yearly_report_prints_on_two_a4_pages(browser, live_server):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    street = StreetPage.objects.get(slug="zwaanshals")
    context = browser.new_context(locale="nl-NL")

    visitor = Visitor(context.new_page(), live_server.url, Variant("desktop", True))
    visitor.log_in_as(User.objects.get(email="gangmaker@example.org"))
    page = visitor.open(reverse("insights:yearly_report", args=[street.pk]))
    for heading in ("Aanwezigheid", "Hulp: buren helpen buren", "Groei", "Effecten"):
        assert page.get_by_role("heading", name=re.compile(heading)).count() >= 1
    assert page.get_by_role("heading", name="Laatste jaarmeting").count() == 1
    pdf = page.pdf(format="A4")
    context.close()
    assert len(PAGE.findall(pdf)) == 2
