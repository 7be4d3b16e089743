"""The journeys of issue 24 in English and Arabic, on a phone (390 px) and a desktop (1280 px):
joining, posting a request, accepting a match and tipping the pot. Every page declares its
language and direction, shows the translated words, has no serious or critical axe violation
and no sideways scroll; screenshots (test-artifacts/lang-*) show the Arabic pages right to
left. The words are looked up in the catalogues, so the journeys follow the translations.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from playwright.sync_api import expect

from accounts.models import User
from matching.models import HelpRequest, Match, MatchStatus
from matching.services.matching import propose_for_request
from pot.models import Tip
from tests.e2e.conftest import Variant, _visitor
from tests.e2e.test_accessibility import axe_blocking_violations, layout_problems
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory
from tests.pot.factories import funded_pot
from tests.streets.factories import MembershipFactory

LANGUAGES = {"en": "ltr", "ar": "rtl"}


def t(language: str, msgid: str) -> str:
    with translation.override(language):
        return gettext(msgid)


@pytest.fixture(
    params=[(lang, screen) for lang in LANGUAGES for screen in ("telefoon", "desktop")],
    ids=lambda p: f"{p[0]}-{p[1]}",
)
def reader(request, browser, live_server):
    """A browser with JavaScript (axe runs in the page) and the language it reads in."""
    language, screen = request.param
    context, person = _visitor(browser, live_server, Variant(screen, True))
    person.language = language
    yield person
    context.close()


def check(visitor, name: str) -> None:
    """The open page is in the reader's language and direction, fits, and passes axe."""
    page, language = visitor.page, visitor.language
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("html")).to_have_attribute("dir", LANGUAGES[language])
    expect(page.locator("label[for=language]")).to_contain_text(t(language, "Taal"))
    visitor.screenshot(f"lang-{language}-{name}")
    problems = layout_problems(visitor, name) + axe_blocking_violations(
        visitor, f"lang-{language}-{name}"
    )
    assert not problems, problems


def test_a_visitor_chooses_the_language_in_the_footer_and_joins(world, reader):
    page, language = reader.page, reader.language
    reader.open(world.street_a.url)
    page.locator("#language").select_option(language)
    page.locator("form:has(#language) button[type=submit]").click()
    check(reader, "street-visitor")

    reader.open(reverse("streets:join", args=[world.street_a.pk]))
    check(reader, "join-form")
    page.locator("main [name=first_name]").fill("Fatima")
    page.locator("main [name=last_name]").fill("El Amrani")
    page.locator("main [name=email]").fill("fatima@example.org")
    page.locator("main [name=password]").fill("drie groene tulpen")
    page.locator("main [name=house_number]").fill("14b")
    page.locator("main [name=privacy]").check()
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("status")).to_be_visible()
    check(reader, "my-streets")
    assert User.objects.get(email="fatima@example.org").language == language


def test_a_neighbour_posts_a_request_in_their_language(world, reader):
    page, language = reader.page, reader.language
    world.bewoner_a.language = language
    world.bewoner_a.save()
    reader.log_in_as(world.bewoner_a)
    reader.open(reverse("matching:new_request", args=[world.street_a.pk]))
    check(reader, "request-form")
    page.locator("main [name=category]").select_option(index=1)
    page.locator("main [name=description]").fill("Wie neemt melk en brood mee?")
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    page.locator("main [name=needed_on]").fill(tomorrow.isoformat())
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("status")).to_have_text(
        t(language, "Uw bericht staat op het prikbord.")
    )
    check(reader, "board")
    assert HelpRequest.objects.filter(street=world.street_a, author=world.bewoner_a).exists()


def test_a_helper_accepts_a_match_in_their_language(world, reader):
    page, language = reader.page, reader.language
    helper = MembershipFactory(
        street=world.street_a,
        user__first_name="Henk",
        user__phone="06-11112222",
        user__language=language,
        house_number="14",
    ).user
    HelpOfferFactory(street=world.street_a, author=helper, availability=["1:ochtend"])
    request = HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, when_slots=["1:ochtend"]
    )
    match = propose_for_request(request.pk)[0]
    reader.log_in_as(helper)
    reader.open(reverse("matching:match_detail", args=[world.street_a.pk, match.pk]))
    check(reader, "match-proposal")
    page.get_by_role("button", name=t(language, "Ja, ik help")).click()
    expect(page.get_by_role("status")).to_be_visible()
    check(reader, "match-accepted")
    assert Match.objects.get(pk=match.pk).status == MatchStatus.ACCEPTED


def test_a_neighbour_tips_the_pot_in_their_language(world, reader):
    page, language = reader.page, reader.language
    funded_pot(world.street_a, amount="150.00")
    world.bewoner_a.language = language
    world.bewoner_a.save()
    reader.log_in_as(world.bewoner_a)
    reader.open(reverse("pot:tip_new", args=[world.street_a.pk]))
    check(reader, "tip-form")
    page.locator("main [name=occasion]").select_option(index=1)
    page.locator("main [name=about]").fill("nr. 7")
    page.locator("main [name=note]").fill("Ligt in het ziekenhuis.")
    page.locator("main form button[type=submit]").click()
    expect(page.get_by_role("status")).to_be_visible()
    check(reader, "after-tip")
    assert Tip.objects.filter(street=world.street_a).exists()
