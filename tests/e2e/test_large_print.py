"""The "grotere letters" option: one button, no JavaScript, kept for the next visit."""

import re
import time

from playwright.sync_api import expect

NORMAL = "18px"  # 112.5% of the browser's 16px: the comfortable floor for older eyes
LARGE = "22px"  # 137.5%


def test_larger_letters_stay_on_across_pages_and_visits_until_switched_off(world, visitor):
    page = visitor.page
    html = page.locator("html")
    visitor.open(world.street_a.url)
    expect(html).to_have_css("font-size", NORMAL)

    page.get_by_role("button", name="Grotere letters").click()
    expect(page).to_have_url(re.compile(re.escape(world.street_a.url) + "$"))
    expect(html).to_have_css("font-size", LARGE)
    visitor.screenshot("street-large-print")

    # Still large on the next page, and in a new tab opened later (a cookie for a year).
    page.get_by_role("link", name="Zoek uw straat").click()
    expect(html).to_have_css("font-size", LARGE)
    later = page.context.new_page()
    later.goto(visitor.base_url + "/")
    expect(later.locator("html")).to_have_css("font-size", LARGE)
    # Form controls grow too, and nothing needs sideways scrolling, even on a phone.
    expect(later.get_by_label("Taal")).to_have_css("font-size", LARGE)
    width = later.evaluate("document.documentElement.scrollWidth")
    assert width <= later.viewport_size["width"]
    (cookie,) = [c for c in page.context.cookies() if c["name"] == "letters"]
    assert cookie["expires"] > time.time() + 300 * 24 * 60 * 60

    later.get_by_role("button", name="Gewone letters").click()
    expect(later.locator("html")).to_have_css("font-size", NORMAL)
    expect(later.get_by_role("button", name="Grotere letters")).to_be_visible()
    assert not [c for c in page.context.cookies() if c["name"] == "letters"]
