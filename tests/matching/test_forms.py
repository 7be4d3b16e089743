"""The request and offer forms: what they accept, what they turn it into, what they refuse."""

import datetime

import pytest
from django.utils import timezone

from matching.forms import HelpOfferForm, HelpRequestForm
from tests.streets.factories import MembershipFactory

from .factories import HelpRequestFactory

pytestmark = pytest.mark.django_db


def day(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def request_form(**data):
    base = {
        "category": "vervoer",
        "description": "Naar het ziekenhuis",
        "when": "once",
        "needed_on": day(3).isoformat(),
        "urgency": "snel",
        "valid_until": day(10).isoformat(),
    }
    return HelpRequestForm({**base, **data}, street=None)


def test_a_request_on_a_date_is_stored_as_that_weekday_with_the_chosen_dagdelen():
    form = request_form(dagdelen=["middag"])
    assert form.is_valid(), form.errors
    request = form.save(commit=False)
    assert request.needed_on == day(3)
    assert request.when_slots == [f"{day(3).weekday()}:middag"]


def test_a_date_without_dagdelen_means_any_time_that_day():
    form = request_form()
    assert form.is_valid(), form.errors
    weekday = day(3).weekday()
    assert form.cleaned_data["when_slots"] == [
        f"{weekday}:ochtend",
        f"{weekday}:middag",
        f"{weekday}:avond",
    ]


def test_a_weekly_request_has_no_date_and_needs_at_least_one_dagdeel():
    form = request_form(when="weekly", when_slots=["2:avond", "0:ochtend"])
    assert form.is_valid(), form.errors
    assert form.cleaned_data["needed_on"] is None
    assert form.cleaned_data["when_slots"] == ["0:ochtend", "2:avond"]

    form = request_form(when="weekly")
    assert not form.is_valid()
    assert form.errors["when_slots"] == ["Kies minstens één dagdeel in het rooster."]


def test_the_help_must_fall_before_the_post_ends():
    form = request_form(needed_on=day(20).isoformat(), valid_until=day(10).isoformat())
    assert not form.is_valid()
    assert "valid_until" in form.errors


def test_a_request_on_a_date_needs_the_date():
    form = request_form(needed_on="")
    assert not form.is_valid()
    assert form.errors["needed_on"] == ["Kies de dag waarop u hulp nodig hebt."]


def test_editing_a_dated_request_shows_its_date_and_dagdelen(world):
    request = HelpRequestFactory(
        street=world.street_a,
        author=world.bewoner_a,
        needed_on=day(3),
        when_slots=[f"{day(3).weekday()}:avond"],
    )
    form = HelpRequestForm(instance=request, street=world.street_a)
    assert form.initial["when"] == "once"
    assert form.initial["dagdelen"] == ["avond"]
    assert form.initial["when_slots"] == []


def test_an_offer_needs_a_category_and_a_dagdeel_and_a_sensible_capacity():
    form = HelpOfferForm(
        {"categories": [], "availability": [], "capacity": "9", "valid_until": day(5)},
        street=None,
    )
    assert not form.is_valid()
    assert form.errors["categories"] == ["Kies minstens één soort hulp."]
    assert form.errors["availability"] == ["Kies minstens één dagdeel in het rooster."]
    assert "capacity" in form.errors


def test_only_the_streets_own_members_can_be_chosen_for_a_post_on_their_behalf(world):
    own = MembershipFactory(street=world.street_a, user__first_name="Truus")
    other = MembershipFactory(street=world.street_b, user__first_name="Vera")
    form = HelpOfferForm(street=world.street_a, for_members=True)
    choices = form.fields["for_member"].queryset
    assert own in choices and other not in choices
    assert "for_member" not in HelpOfferForm(street=world.street_a).fields
