"""Effect figures: the three categories, means with an interval, the municipality's statements,
and suppression that holds against differencing across every report."""

import random

import pytest
from django.urls import reverse

from insights.choices import ScopeKind
from insights.figures.effects import effect_report
from insights.services import create_api_token
from insights.suppression import HIDDEN, MIN_PEOPLE, SUPPRESSED, Line, audit, protect
from tests.effects.factories import filled_round
from tests.streets.factories import StreetPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def measured(world):
    """In Noord: Zwaanshals (10 answers), Bergweg (3) and Katendrecht (6); Putselaan (7) in Zuid."""
    world.street_d = StreetPageFactory(parent=world.wijk, title="Katendrecht", slug="katendrecht")
    filled_round(world.street_a, 2025, [0, 0, 0, 0, 0, 1, 3, 3, 4, 6])
    filled_round(world.street_a, 2026, [0, 0, 0, 0, 1, 1, 3, 4, 6])
    filled_round(world.street_b, 2025, [0, 3, 6])
    filled_round(world.street_d, 2025, [0, 0, 1, 3, 3, 4])
    filled_round(world.street_c, 2025, [0, 0, 1, 1, 3, 3, 4])
    return world


def _scope_reports(world):
    return {
        (kind, page.pk): effect_report(kind, page)
        for kind, page in [
            (ScopeKind.STREET, world.street_a),
            (ScopeKind.STREET, world.street_b),
            (ScopeKind.STREET, world.street_c),
            (ScopeKind.NEIGHBOURHOOD, world.wijk),
            (ScopeKind.NEIGHBOURHOOD, world.other_wijk),
            (ScopeKind.MUNICIPALITY, world.home),
        ]
    }


def _rows(report, wave="baseline"):
    return {(row.level, row.id): row for row in next(w for w in report.waves if w.key == wave).rows}


def test_a_street_with_enough_answers_shows_its_categories_and_mean(measured):
    row = _rows(effect_report(ScopeKind.STREET, measured.street_a))[
        ("straat", measured.street_a.pk)
    ]
    assert row.n == 10
    # Six score 0-1, three 2-4 (fewer than five: "< 5"), one 5-6 ("< 5"); the six are hidden
    # too, or 10 minus the six would give the other two groups' four back.
    assert row.categories == [HIDDEN, SUPPRESSED, SUPPRESSED]
    assert row.mean == round(17 / 10, 1)
    assert row.low < row.mean < row.high
    assert row.social + row.emotional == pytest.approx(row.mean, abs=0.11)


def test_a_street_with_fewer_than_five_answers_shows_less_than_five_everywhere(measured):
    report = effect_report(ScopeKind.STREET, measured.street_b)
    row = _rows(report)[("straat", measured.street_b.pk)]
    assert row.n == SUPPRESSED
    assert set(row.categories) == {SUPPRESSED}
    assert row.mean == row.low == row.high == row.social == row.emotional == SUPPRESSED
    assert all(set(cells) == {SUPPRESSED} for _label, cells in row.seeds)
    data = report.as_dict()["waves"][0]["rows"][0]
    assert data["respondents"] == SUPPRESSED and data["mean_score"] == SUPPRESSED
    assert not any(value == "3" for *_rest, value in report.csv_rows())


def test_the_wijk_shows_its_figures_but_bergweg_cannot_be_recovered_from_them(measured):
    wijk = _rows(effect_report(ScopeKind.NEIGHBOURHOOD, measured.wijk))
    assert wijk[("wijk", measured.wijk.pk)].n == 19
    assert wijk[("straat", measured.street_a.pk)].n == 10
    # Katendrecht's 6 would give Bergweg's 3 back as 19 - 10 - 6: it is hidden too.
    katendrecht = wijk[("straat", measured.street_d.pk)]
    assert katendrecht.n == HIDDEN
    assert katendrecht.mean == HIDDEN


def test_every_report_shows_the_same_value_for_the_same_cell(measured):
    seen = {}
    for report in _scope_reports(measured).values():
        for wave in report.waves:
            for row in wave.rows:
                key = (wave.key, row.level, row.id)
                figures = (row.n, tuple(row.categories), row.mean)
                assert seen.setdefault(key, figures) == figures


def test_the_attacker_gets_nothing_from_any_combination_of_published_figures(measured):
    reports = _scope_reports(measured)
    municipality = reports[(ScopeKind.MUNICIPALITY, measured.home.pk)]
    # Every report is a slice of one pattern, so attacking the union is attacking the one.
    hidden = municipality.protection.hidden
    for report in reports.values():
        assert report.protection.hidden == hidden
    assert audit(municipality.counts, municipality.lines, hidden) == []
    # And the attacker is real: with only the small cells hidden it finds Bergweg's 3.
    leaks = audit(municipality.counts, municipality.lines, municipality.protection.primary)
    assert any(leak.value == 3 for leak in leaks)


def test_a_report_shows_baseline_and_latest_year_side_by_side(measured):
    report = effect_report(ScopeKind.STREET, measured.street_a)
    latest = _rows(report, "latest")[("straat", measured.street_a.pk)]
    assert latest.n == 9
    assert latest.mean == round(15 / 9, 1)


def test_open_rounds_are_not_reported(world):
    filled_round(world.street_a, 2025, [0] * 8, close=False)
    assert not effect_report(ScopeKind.STREET, world.street_a).has_figures


def _random_table(rng, streets_per_wijk):
    """A municipality's category table with random, often small, counts."""
    counts, lines = {}, []
    wijk_rows = []
    for w, size in enumerate(streets_per_wijk):
        street_rows = []
        for s in range(size):
            row = ("s", w, s)
            cells = [rng.choice([0, 0, 1, 2, 3, 4, 5, 6, 8, 12, 20]) for _ in range(3)]
            for c, value in enumerate(cells):
                counts[(row, c)] = value
            counts[(row, "n")] = sum(cells)
            street_rows.append(row)
        wijk_rows.append(("w", w))
        for suffix in (0, 1, 2, "n"):
            counts[(("w", w), suffix)] = sum(counts[(r, suffix)] for r in street_rows)
            lines.append(Line((("w", w), suffix), tuple((r, suffix) for r in street_rows)))
        for r in [*street_rows, ("w", w)]:
            lines.append(Line((r, "n"), tuple((r, c) for c in range(3))))
    for suffix in (0, 1, 2, "n"):
        counts[("m", suffix)] = sum(counts[(r, suffix)] for r in wijk_rows)
        lines.append(Line(("m", suffix), tuple((r, suffix) for r in wijk_rows)))
    lines.append(Line(("m", "n"), tuple(("m", c) for c in range(3))))
    return counts, lines


@pytest.mark.parametrize("seed", range(40))
def test_no_random_municipality_leaks_a_small_cell(seed):
    rng = random.Random(seed)
    counts, lines = _random_table(rng, [rng.randint(1, 4) for _ in range(rng.randint(1, 3))])
    protection = protect(counts, lines)
    assert all(counts[key] >= MIN_PEOPLE for key in set(counts) - protection.hidden)
    assert audit(counts, lines, protection.hidden) == []


# --- Pages, exports and the API -------------------------------------------------------------


def test_bergweg_shows_less_than_five_on_the_page_csv_json_and_api(measured, login, client):
    staff = login(measured.coordinator)
    args = ["straat", measured.street_b.pk]
    page = staff.get(reverse("insights:effects", args=args)).content.decode()
    assert "&lt; 5" in page
    csv = staff.get(reverse("insights:effects_export", args=[*args, "csv"])).content.decode()
    assert "respondenten;< 5" in csv
    data = staff.get(reverse("insights:effects_export", args=[*args, "json"])).json()
    assert data["waves"][0]["rows"][0]["respondents"] == SUPPRESSED
    _token, raw = create_api_token(measured.home, "rapportage", measured.coordinator)
    api = client.get(
        reverse("insights:api_effects_street", args=[measured.street_b.pk]),
        headers={"Authorization": f"Bearer {raw}"},
    ).json()
    assert api == data


def test_the_wijk_report_brings_presence_help_growth_and_effects_together(measured, login):
    html = (
        login(measured.welzijn_a)
        .get(reverse("insights:scope_report", args=["wijk", measured.wijk.pk]))
        .content.decode()
    )
    for heading in ("Aanwezigheid", "Hulp: buren helpen buren", "Groei", "Effecten"):
        assert heading in html
    assert "Lief &amp; Leedstraten" in html
    assert "niet eenzaam" in html and "Score (interval 95%)" in html


def test_the_yearly_report_of_zwaanshals_shows_its_effects_to_its_gangmaker(measured, login):
    html = (
        login(measured.gangmaker_a)
        .get(reverse("insights:yearly_report", args=[measured.street_a.pk]))
        .content.decode()
    )
    assert "Zwaanshals: ons jaar" in html
    assert "laatste jaarmeting" in html.lower()
    assert "Effecten: minder alleen?" in html


def test_welzijn_staff_of_another_wijk_cannot_read_noords_effects(measured, login):
    client = login(measured.welzijn_other)
    assert (
        client.get(reverse("insights:effects", args=["wijk", measured.wijk.pk])).status_code == 403
    )
