"""A helper answers a proposal: the issue's journey from proposal to shared contact details."""

from playwright.sync_api import expect

from matching.models import Match, MatchStatus
from matching.services.matching import propose_for_request
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory
from tests.streets.factories import MembershipFactory


def test_helper_accepts_a_proposal_and_both_see_each_others_phone(world, visitor):
    page = visitor.page
    helper = MembershipFactory(
        street=world.street_a, user__first_name="Henk", user__phone="06-11112222", house_number="14"
    ).user
    HelpOfferFactory(street=world.street_a, author=helper, availability=["1:ochtend"])
    world.bewoner_a.phone = "010-7654321"
    world.bewoner_a.save()
    request = HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, when_slots=["1:ochtend"]
    )
    propose_for_request(request.pk)

    visitor.log_in_as(helper)
    visitor.open(world.street_a.url)
    page.get_by_role("link", name="Mijn hulp").click()
    page.get_by_role("link", name="Bekijken en antwoorden").click()
    expect(page.get_by_text("kan op dinsdagochtend")).to_be_visible()
    expect(page.get_by_text("010-7654321")).to_have_count(0)
    visitor.screenshot("match-proposal")
    page.get_by_role("button", name="Ja, ik help").click()

    expect(page.get_by_role("region", name="Contact")).to_contain_text("010-7654321")
    visitor.screenshot("match-accepted")
    assert Match.objects.get(request=request).status == MatchStatus.ACCEPTED
    visitor.log_out()

    visitor.log_in_as(world.bewoner_a)
    visitor.open(world.street_a.url)
    page.get_by_role("link", name="Mijn hulp").click()
    page.get_by_role("link", name="Bekijken").first.click()
    expect(page.get_by_role("region", name="Contact")).to_contain_text("06-11112222")
