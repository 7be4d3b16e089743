"""The De Jong Gierveld scoring against an independent formulation, for all 3^6 answer patterns.

The reference below does not use the module's item table or its reversal flag: it spells out
the published scoring key per item (which answers count as lonely) and the cut-offs as a
table, so a mistake in the one does not hide in the other.
"""

import itertools

import pytest

from effects.scale import ITEMS, Answer, Category, category, mean_interval, score

YES, MORE, NO = Answer.YES, Answer.MORE_OR_LESS, Answer.NO

# The published key: per item, the answers that score one point.
KEY = {
    1: {YES, MORE},  # leegte
    2: {NO, MORE},  # genoeg mensen ... terugvallen (positive, reversed)
    3: {NO, MORE},  # veel mensen ... vertrouwen (positive, reversed)
    4: {YES, MORE},  # mis mensen
    5: {NO, MORE},  # voldoende mensen ... verbonden (positive, reversed)
    6: {YES, MORE},  # in de steek gelaten
}
SOCIAL, EMOTIONAL = (2, 3, 5), (1, 4, 6)
CUTOFFS = {
    0: Category.NOT_LONELY,
    1: Category.NOT_LONELY,
    2: Category.MODERATELY,
    3: Category.MODERATELY,
    4: Category.MODERATELY,
    5: Category.SEVERELY,
    6: Category.SEVERELY,
}
PATTERNS = list(itertools.product((YES, MORE, NO), repeat=6))


def reference(pattern):
    points = {number: int(pattern[number - 1] in KEY[number]) for number in range(1, 7)}
    social = sum(points[n] for n in SOCIAL)
    emotional = sum(points[n] for n in EMOTIONAL)
    return social + emotional, social, emotional, CUTOFFS[social + emotional]


def test_there_are_729_answer_patterns_and_each_scores_as_the_published_key_says():
    assert len(PATTERNS) == 729
    for pattern in PATTERNS:
        result = score(dict(enumerate(pattern, start=1)))
        assert (result.total, result.social, result.emotional, result.category) == reference(
            pattern
        ), pattern


def test_every_total_and_subscale_value_occurs_over_the_patterns():
    results = [score(dict(enumerate(p, start=1))) for p in PATTERNS]
    assert {r.total for r in results} == set(range(7))
    assert {r.social for r in results} == {0, 1, 2, 3}
    assert {r.emotional for r in results} == {0, 1, 2, 3}
    # 2^6 patterns avoid every point: per item exactly one answer of three scores zero.
    assert sum(r.total == 0 for r in results) == 1
    assert sum(r.total == 6 for r in results) == 2**6


def test_hand_computed_cases():
    # Someone with plenty of people around them and no emptiness: not lonely at all.
    assert score({1: NO, 2: YES, 3: YES, 4: NO, 5: YES, 6: NO}).total == 0
    # "Ja" to every item: 3 emotional points, the positive items score nothing.
    everything_yes = score(dict.fromkeys(range(1, 7), YES))
    assert (everything_yes.total, everything_yes.social, everything_yes.emotional) == (3, 0, 3)
    # "Nee" to every item: only the reversed (social) items score.
    everything_no = score(dict.fromkeys(range(1, 7), NO))
    assert (everything_no.total, everything_no.social, everything_no.emotional) == (3, 3, 0)
    # "Min of meer" always scores, whatever the direction.
    assert score(dict.fromkeys(range(1, 7), MORE)).category == Category.SEVERELY


def test_the_items_have_the_published_wording_and_direction():
    assert [item.text for item in ITEMS] == [
        "Ik ervaar een leegte om me heen",
        "Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen",
        "Ik heb veel mensen op wie ik volledig kan vertrouwen",
        "Ik mis mensen om me heen",
        "Er zijn voldoende mensen met wie ik me nauw verbonden voel",
        "Vaak voel ik me in de steek gelaten",
    ]
    assert [item.number for item in ITEMS if item.reversed] == [2, 3, 5]


def test_an_incomplete_or_unknown_answer_has_no_score():
    with pytest.raises(ValueError):
        score({1: YES, 2: YES, 3: YES, 4: YES, 5: YES})
    with pytest.raises(ValueError):
        score({1: "misschien", 2: YES, 3: YES, 4: YES, 5: YES, 6: YES})
    with pytest.raises(ValueError):
        category(7)


def test_mean_interval_of_known_values():
    values = [0, 1, 2, 3, 4]
    interval = mean_interval(len(values), sum(values), sum(v * v for v in values))
    assert interval.mean == 2
    # sd = sqrt(2.5), se = sqrt(0.5), t(4) = 2.776
    assert interval.low == pytest.approx(2 - 2.776 * 0.5**0.5)
    assert interval.high == pytest.approx(2 + 2.776 * 0.5**0.5)
    assert mean_interval(1, 3, 9) is None
