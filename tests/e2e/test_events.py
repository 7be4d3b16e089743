"""Street events, as a gangmaker makes one: a weekly coffee morning in the hall."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from streets.events.choices import Repeat
from streets.models import EventPage


def _next_tuesday() -> datetime.date:
    today = timezone.localdate()
    return today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)


def test_gangmaker_creates_a_weekly_event_that_shows_its_coming_dates(world, visitor):
    page = visitor.page
    first = _next_tuesday()
    visitor.log_in_as(world.gangmaker_a)

    visitor.open(world.street_a.url)
    page.get_by_role("link", name="Nieuwe activiteit").click()
    page.get_by_label("Naam van de activiteit").fill("Liftkoffie")
    page.get_by_label("Datum").fill(first.isoformat())
    page.get_by_label("Begint om").fill("10:00")
    page.get_by_label("Eindigt om").fill("11:30")
    page.get_by_role("textbox", name="Waar").fill("In de hal bij de lift")
    page.get_by_role("radio", name="wekelijks").check()
    page.get_by_role("checkbox", name="dinsdag").check()
    page.get_by_label("hoeveel keer in totaal").fill("6")
    visitor.screenshot("event-form")
    page.get_by_role("button", name="Op de straatpagina zetten").click()

    expect(page.get_by_role("status")).to_contain_text("De activiteit staat op de straatpagina.")
    expect(page.get_by_role("heading", level=1)).to_have_text("Liftkoffie")
    expect(page.get_by_role("main")).to_contain_text("Elke dinsdag, 10:00–11:30")
    dates = page.get_by_role("region", name="De komende keren").get_by_role("listitem")
    expect(dates).to_have_count(6)
    visitor.screenshot("event-weekly")

    page.get_by_role("link", name="Zwaanshals").first.click()
    expect(page.get_by_role("link", name="Liftkoffie").first).to_be_visible()
    event = EventPage.objects.child_of(world.street_a).get(title="Liftkoffie")
    assert (event.repeat, event.repeat_count) == (Repeat.WEEKLY, 6)
