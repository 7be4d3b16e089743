"""Every role starts from a page that says what to do (`/mijn-straten/`, the page after
logging in): a gangmaker's to-do list per street, a neighbour's help and the street's next
events, welzijn staff's signals and streets, the coordinator's dashboards and pots.

One journey per role, on a phone and a desktop screen, with and without JavaScript: the start
page shows the role's first task and one click leads to where it is done. With JavaScript,
axe-core finds nothing serious or critical and the page fits a 390 px screen.
"""

import re
from types import SimpleNamespace

import pytest
from playwright.sync_api import expect

from insights.choices import SignalStatus
from matching.models import Match, MatchStatus
from streets.choices import MembershipStatus
from tests.e2e.test_accessibility import axe_blocking_violations, layout_problems
from tests.insights.factories import CareSignalFactory
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory
from tests.pot.factories import TipFactory
from tests.streets.factories import EventPageFactory, MembershipFactory


def _gangmaker(world):
    MembershipFactory.create_batch(2, street=world.street_a, status=MembershipStatus.PENDING)
    TipFactory(street=world.street_a)
    return SimpleNamespace(
        user=world.gangmaker_a,
        region="Zwaanshals",
        sees=["2 aanmeldingen wachten op u", "1 tip van een buur"],
        click="2 aanmeldingen wachten op u",
        lands_on="Bewoners en aanmeldingen",
    )


def _bewoner(world):
    asker = MembershipFactory(street=world.street_a, user__first_name="Henk").user
    Match.objects.create(
        street=world.street_a,
        request=HelpRequestFactory(street=world.street_a, author=asker),
        offer=HelpOfferFactory(street=world.street_a, author=world.bewoner_a),
        status=MatchStatus.PROPOSED,
    )
    EventPageFactory(parent=world.street_a, title="Burendag op het plein")
    return SimpleNamespace(
        user=world.bewoner_a,
        region="Zwaanshals",
        sees=["1 buur vraagt of u kunt helpen", "1 bericht van u op het prikbord", "Burendag"],
        click="1 buur vraagt of u kunt helpen",
        lands_on="Mijn hulp",
    )


def _welzijn(world):
    CareSignalFactory(
        neighbour=world.bewoner_a,
        street=world.street_a,
        raised_by=world.gangmaker_a,
        status=SignalStatus.OPEN,
    )
    return SimpleNamespace(
        user=world.welzijn_a,
        region="Noord",
        sees=["Signalen van Noord", "Zwaanshals", "Bergweg"],
        click="1 nieuw zorgsignaal, nog niet in behandeling",
        lands_on="Zorgsignalen uit uw wijken",
    )


def _coordinator(world):
    return SimpleNamespace(
        user=world.coordinator,
        region=world.home.title,
        sees=["Signalen van de gemeente", "Potjes van de straten", "Wijken en straten"],
        click="Signalen van de gemeente",
        lands_on=world.home.title,
    )


ROLES = {
    "gangmaker": _gangmaker,
    "bewoner": _bewoner,
    "welzijn": _welzijn,
    "coordinator": _coordinator,
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_starts_at_a_page_that_says_what_to_do(world, visitor, role):
    journey = ROLES[role](world)
    page = visitor.page

    visitor.log_in_as(journey.user)
    visitor.open("/mijn-straten/")

    expect(page.get_by_text("U bent nog geen lid van een straat")).to_have_count(0)
    region = page.get_by_role("region", name=journey.region)
    for text in journey.sees:
        expect(region.get_by_text(text).first).to_be_visible()
    visitor.screenshot(f"start-{role}")
    if visitor.variant.javascript:
        name = f"start-{role}"
        assert not axe_blocking_violations(visitor, name)
        if visitor.variant.screen == "telefoon":
            assert not layout_problems(visitor, name)

    page.get_by_role("link", name=journey.click).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        re.compile(re.escape(journey.lands_on))
    )


@pytest.mark.parametrize("who", ["bezoeker", "gangmaker"])
def test_on_the_street_page_the_join_button_and_a_members_tools_come_before_the_lists(
    world, visitor, who
):
    for n in range(6):
        EventPageFactory(parent=world.street_a, title=f"Liftkoffie {n}")
    if who == "gangmaker":
        visitor.log_in_as(world.gangmaker_a)
        first = visitor.page.get_by_role("link", name="Bewoners en aanmeldingen")
    else:
        first = visitor.page.get_by_role("link", name="Aanmelden voor deze straat")
    visitor.open(world.street_a.url)

    events = visitor.page.get_by_role("heading", name="Activiteiten", exact=True)
    expect(first).to_be_visible()
    assert first.bounding_box()["y"] < events.bounding_box()["y"]
    # On a phone too it is on the first screen, without scrolling past the lists.
    assert first.bounding_box()["y"] < visitor.page.viewport_size["height"]
    visitor.screenshot(f"straat-bovenaan-{who}")
