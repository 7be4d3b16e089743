"""House numbers read as a person reads them (8, 8a, 8-2, 10), not as text (10, 8, 8-2, 8a)."""

import pytest
from django.urls import reverse

from streets.house_numbers import house_number_key, sorted_by_house_number
from tests.streets.factories import MembershipFactory

# Shuffled on purpose; the text order would be 10, 3, 31, 8, 8-2, 8a.
NUMBERS = ["31", "8-2", "10", "8", "3", "8a"]
PERSON_ORDER = ["3", "8", "8a", "8-2", "10", "31"]


def test_numbers_sort_by_their_value_then_letter_then_numbered_addition():
    assert sorted(NUMBERS, key=house_number_key) == PERSON_ORDER
    assert sorted(["12", "1", "11", "2"], key=house_number_key) == ["1", "2", "11", "12"]
    assert sorted(["8-10", "8-2", "8B", "8a"], key=house_number_key) == ["8a", "8B", "8-2", "8-10"]


def test_text_that_is_no_number_goes_last_and_nothing_breaks():
    assert sorted(["", "abc", "5"], key=house_number_key) == ["5", "", "abc"]


def test_objects_are_sorted_by_their_house_number_attribute():
    class Home:
        def __init__(self, number):
            self.house_number = number

    assert [h.house_number for h in sorted_by_house_number(map(Home, NUMBERS))] == PERSON_ORDER


@pytest.fixture
def numbered_street(world):
    """Neighbours of street A whose last name is their house number ("Huis8a")."""
    for number in NUMBERS:
        MembershipFactory(
            street=world.street_a, house_number=number, user__last_name=f"Huis{number}"
        )
    return world


def order_on_page(html):
    positions = {number: html.index(f"Huis{number}<") for number in NUMBERS}
    return sorted(NUMBERS, key=positions.get)


def order_in_options(html):
    positions = {number: html.index(f"Huis{number}</option>") for number in NUMBERS}
    return sorted(NUMBERS, key=positions.get)


@pytest.mark.django_db
def test_the_members_table_lists_neighbours_by_house_number(login, numbered_street):
    client = login(numbered_street.gangmaker_a)
    html = client.get(reverse("streets:members", args=[numbered_street.street_a.pk])).content
    assert order_on_page(html.decode()) == PERSON_ORDER


@pytest.mark.django_db
def test_the_care_signal_picker_lists_neighbours_by_house_number(login, numbered_street):
    client = login(numbered_street.gangmaker_a)
    html = client.get(reverse("insights:raise_signal", args=[numbered_street.street_a.pk]))
    assert order_in_options(html.content.decode()) == PERSON_ORDER


@pytest.mark.django_db
def test_the_survey_paper_answer_picker_lists_neighbours_by_house_number(login, numbered_street):
    from tests.surveys.factories import template_survey

    survey = template_survey(numbered_street.street_a, numbered_street.gangmaker_a)
    client = login(numbered_street.gangmaker_a)
    html = client.get(reverse("surveys:paper", args=[survey.street_id, survey.pk])).content.decode()
    assert order_in_options(html) == PERSON_ORDER
