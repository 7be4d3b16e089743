"""A care rota in the browser: the gangmaker makes a fortnight of evening meals, three cooks
take their evenings, the gangmaker prints the rota with the gaps. Phone and desktop, with and
without JavaScript; axe on the rota's pages."""

import datetime

from django.utils import timezone
from playwright.sync_api import expect

from matching.models import CareRota, RotaMomentState
from tests.e2e.test_accessibility import axe_blocking_violations, layout_problems
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory, evening_rota
from tests.streets.factories import MembershipFactory

EVERY_EVENING = [f"{day}:avond" for day in range(7)]


def _cooks(world, count=3):
    cooks = []
    for n in range(count):
        user = MembershipFactory(
            street=world.street_a, user__first_name=f"Kok{n + 1}", house_number=str(20 + n)
        ).user
        HelpOfferFactory(
            street=world.street_a, author=user, categories=["maaltijd"], availability=EVERY_EVENING
        )
        cooks.append(user)
    return cooks


def test_a_gangmaker_makes_a_meal_rota_and_three_cooks_take_their_evenings(world, visitor):
    page = visitor.page
    cooks = _cooks(world)
    meals = HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, category="maaltijd", when_slots=EVERY_EVENING
    )
    first_day = timezone.localdate() + datetime.timedelta(days=1)

    visitor.log_in_as(world.gangmaker_a)
    visitor.open(f"/straat/{world.street_a.pk}/hulp/overzicht/")
    page.get_by_role("link", name="Zorgrooster maken").click()
    page.get_by_label("Voor welke hulpvraag?").select_option(str(meals.pk))
    page.get_by_label("Eerste dag").fill(first_day.isoformat())
    page.get_by_label("Hoeveel dagen?").fill("14")
    page.get_by_role("button", name="Rooster maken en helpers vragen").click()
    # Three cooks, two evenings a week each: 12 of the 14 evenings asked, 2 gaps.
    expect(page.get_by_text("12 van de 14 momenten hebben een helper.", exact=True)).to_be_visible()
    visitor.screenshot("rota-made")
    rota = CareRota.objects.get(request=meals)
    visitor.log_out()

    for cook in cooks:
        visitor.log_in_as(cook)
        visitor.open(f"/straat/{world.street_a.pk}/hulp/")
        page.get_by_role("link", name="Zorgrooster voor Anna: maaltijd").click()
        expect(page.get_by_role("heading", name="Kunt u helpen op deze momenten?")).to_be_visible()
        page.get_by_role("button", name="Antwoord versturen").click()
        expect(page.get_by_text("Dank u wel! U helpt 4 keer.")).to_be_visible()
        visitor.log_out()
    assert rota.moments.filter(state=RotaMomentState.ACCEPTED).count() == 12

    visitor.log_in_as(world.gangmaker_a)
    visitor.open(f"/straat/{world.street_a.pk}/hulp/rooster/{rota.pk}/afdrukken/")
    expect(page.get_by_text("NOG OPEN")).to_have_count(2)
    for cook in cooks:
        expect(page.get_by_role("cell", name=cook.first_name, exact=True).first).to_be_visible()
    visitor.screenshot("rota-print")


def test_the_rota_pages_have_no_serious_axe_violations_and_fit_the_screen(world, scripted_visitor):
    _cooks(world)
    meals = HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, category="maaltijd", when_slots=EVERY_EVENING
    )
    scripted_visitor.log_in_as(world.gangmaker_a)
    street = world.street_a.pk
    scripted_visitor.open(f"/straat/{street}/hulp/rooster/nieuw/")
    problems = axe_blocking_violations(scripted_visitor, "rooster-nieuw")
    problems += layout_problems(scripted_visitor, "rooster-nieuw")

    rota = evening_rota(meals, by=world.gangmaker_a)
    for name, path in (
        ("rooster", f"/straat/{street}/hulp/rooster/{rota.pk}/"),
        ("rooster-afdrukken", f"/straat/{street}/hulp/rooster/{rota.pk}/afdrukken/"),
    ):
        scripted_visitor.open(path)
        problems += axe_blocking_violations(scripted_visitor, name)
        problems += layout_problems(scripted_visitor, name)
    assert not problems, problems
