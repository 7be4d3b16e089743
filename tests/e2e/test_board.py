"""The help board (prikbord), as a neighbour uses it: asking the street for help."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from matching.models import HelpRequest


def test_neighbour_posts_a_request_that_the_street_sees_on_the_board(world, visitor):
    page = visitor.page
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    visitor.log_in_as(world.bewoner_a)
    visitor.open(world.street_a.url)
    page.get_by_role("link", name="Prikbord").click()
    page.get_by_role("link", name="Ik zoek hulp").click()
    page.get_by_label("Waarbij zoekt u hulp?").select_option(label="boodschappen")
    page.get_by_label("Vertel kort wat u nodig hebt").fill("Wie neemt melk en brood mee?")
    page.get_by_role("radio", name="Op één dag").check()
    page.get_by_label("Op welke dag?").fill(tomorrow.isoformat())
    page.get_by_role("group", name="Welk dagdeel").get_by_role("checkbox", name="ochtend").check()
    visitor.screenshot("board-request-form")
    page.get_by_role("button", name="Op het prikbord zetten").click()

    expect(page.get_by_role("status")).to_have_text("Uw bericht staat op het prikbord.")
    requests = page.get_by_role("region", name="Buren zoeken hulp")
    expect(requests).to_contain_text("Wie neemt melk en brood mee?")
    expect(requests).to_contain_text("Anna, nr. 12")
    visitor.screenshot("board-with-request")
    visitor.log_out()

    # Another member of the street (here the gangmaker) finds it on the board.
    visitor.log_in_as(world.gangmaker_a)
    visitor.open(world.street_a.url)
    page.get_by_role("link", name="Prikbord").click()
    expect(page.get_by_role("region", name="Buren zoeken hulp")).to_contain_text(
        "Wie neemt melk en brood mee?"
    )
    request = HelpRequest.objects.get(street=world.street_a)
    assert request.needed_on == tomorrow
