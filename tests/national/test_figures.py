"""National figures: every count of people passes the one suppression rule, and no hidden
count can be worked out from the national total."""

import pytest

from accounts.suppression import MIN_PEOPLE, SUPPRESSED
from insights.suppression import HIDDEN
from national.services import national_figures
from tests.home.factories import HomePageFactory
from tests.streets.factories import (
    GangmakerMembershipFactory,
    MembershipFactory,
    NeighbourhoodPageFactory,
    StreetPageFactory,
)

pytestmark = pytest.mark.django_db


def _municipality(name, streets, members_per_street, gangmakers_per_street=1):
    home = HomePageFactory(title=f"Lief & Leed {name}", slug=name.lower(), municipality_name=name)
    wijk = NeighbourhoodPageFactory(parent=home, slug="centrum", title="Centrum")
    for n in range(streets):
        street = StreetPageFactory(parent=wijk, slug=f"straat-{n}", title=f"{name}straat {n}")
        for _g in range(gangmakers_per_street):
            GangmakerMembershipFactory(street=street)
        for _m in range(members_per_street):
            MembershipFactory(street=street)
    return home


def _shown_numbers(figures):
    values = [figures.households, figures.gangmakers]
    for row in figures.rows:
        values += [row.households, row.gangmakers]
    return values


def test_a_municipality_with_fewer_streets_than_the_threshold_shows_no_small_count():
    big = _municipality("Rotterdam", streets=6, members_per_street=8)
    small = _municipality("Urk", streets=MIN_PEOPLE - 3, members_per_street=0)

    figures = national_figures()

    rows = {row.home.pk: row for row in figures.rows}
    # Urk: 2 streets with one gangmaker each: 2 households, 2 gangmakers.
    assert rows[small.pk].households == SUPPRESSED
    assert rows[small.pk].gangmakers == SUPPRESSED
    # Rotterdam's count next to the national total would give Urk's back: one of the two is
    # hidden as well.
    assert HIDDEN in (rows[big.pk].gangmakers, figures.gangmakers)
    assert HIDDEN in (rows[big.pk].households, figures.households)
    for value in _shown_numbers(figures):
        assert not isinstance(value, int) or value >= MIN_PEOPLE
    # Streets are public pages: their number is shown as it is.
    assert rows[small.pk].streets == 2
    assert figures.streets == 8
    assert figures.municipalities == 2


def test_no_total_minus_the_shown_parts_gives_a_small_group_back():
    _municipality("Rotterdam", streets=6, members_per_street=8, gangmakers_per_street=2)
    _municipality("Amstelveen", streets=3, members_per_street=4, gangmakers_per_street=2)
    _municipality("Urk", streets=1, members_per_street=1)

    figures = national_figures()

    for metric in ("households", "gangmakers"):
        total = getattr(figures, metric)
        parts = [getattr(row, metric) for row in figures.rows]
        for value in [total, *parts]:
            assert not isinstance(value, int) or value >= MIN_PEOPLE
        if isinstance(total, int):
            hidden = [p for p in parts if not isinstance(p, int)]
            assert len(hidden) != 1, f"{metric}: one hidden part is the total minus the others"
            shown = sum(p for p in parts if isinstance(p, int))
            assert hidden == [] or total - shown >= MIN_PEOPLE


def test_pending_members_and_streets_without_a_gangmaker_do_not_count():
    home = _municipality("Rotterdam", streets=5, members_per_street=5)
    wijk = NeighbourhoodPageFactory(parent=home, slug="noord", title="Noord")
    quiet = StreetPageFactory(parent=wijk, slug="stil", title="Stille straat")
    for _n in range(6):
        MembershipFactory(street=quiet)
    MembershipFactory(street=StreetPageFactory(parent=wijk), status="pending")

    figures = national_figures()

    (row,) = figures.rows
    assert row.streets == 5
    assert row.households == 5 * 6


def test_no_municipality_gives_empty_figures():
    figures = national_figures()
    assert figures.rows == []
    assert figures.municipalities == 0
