"""The Lief & Leed pot, as the street uses it: a neighbour tips, the gangmaker buys flowers."""

from decimal import Decimal

from playwright.sync_api import expect

from pot.choices import Occasion, TipStatus
from pot.models import Expense, Tip
from tests.pot.factories import funded_pot


def test_neighbour_tips_the_gangmaker_who_turns_the_tip_into_an_expense(world, visitor):
    funded_pot(world.street_a, amount="150.00")
    page = visitor.page

    # A neighbour tips the gangmakers that someone is ill.
    visitor.log_in_as(world.bewoner_a)
    visitor.open(world.street_a.url)
    page.get_by_role("link", name="Tip de gangmaker").click()
    page.get_by_label("Waarom?").select_option(label="ziek")
    page.get_by_label("Over wie").fill("nr. 7")
    page.get_by_label("Wat wilt u de gangmakers vertellen?").fill("Ligt in het ziekenhuis.")
    visitor.screenshot("tip-form")
    page.get_by_role("button", name="Tip versturen").click()
    expect(page.get_by_role("status")).to_contain_text("De gangmakers van Zwaanshals lezen uw tip")
    visitor.log_out()

    # The gangmaker opens the pot, sees the tip and records flowers for nr. 7 from it.
    visitor.log_in_as(world.gangmaker_a)
    visitor.open(world.street_a.url)
    page.get_by_role("link", name="Potje").click()
    tips = page.get_by_role("region", name="Tips van de buren")
    expect(tips).to_contain_text("Ligt in het ziekenhuis.")
    visitor.screenshot("pot-with-tip")
    tips.get_by_role("link", name="Attentie invoeren").click()
    expect(page.get_by_label("Voor wie")).to_have_value("nr. 7")
    expect(page.get_by_label("Aanleiding")).to_have_value(Occasion.ZIEK)
    page.get_by_label("Bedrag in euro's").fill("12,50")
    visitor.screenshot("expense-from-tip")
    page.get_by_role("button", name="Bewaren").click()

    expect(page.get_by_role("status")).to_contain_text("Er zit nog € 137,50 in het potje.")
    expect(page.get_by_role("region", name="Tips van de buren")).to_contain_text("Geen nieuwe tips")
    visitor.screenshot("pot-after-expense")
    expense = Expense.objects.get(pot__street=world.street_a)
    assert (expense.amount, expense.for_whom) == (Decimal("12.50"), "nr. 7")
    assert Tip.objects.get(street=world.street_a).status != TipStatus.OPEN
