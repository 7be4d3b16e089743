"""The 6-item De Jong Gierveld loneliness scale, as CBS and the GGD monitors use it.

Pure Python: no Django, no database, no clock. The wording is fixed here and nowhere else: the
scale is only valid as published, so no form, page or person can edit these items (the forms
render them from ITEMS and the answers are stored per item number, never with a label).

Scoring (De Jong Gierveld & Van Tilburg, 2006): each item is answered ja / min of meer / nee.
For the negatively worded items (1, 4, 6: the emotional subscale) "ja" and "min of meer" score
1. For the positively worded items (2, 3, 5: the social subscale) the scoring is reversed:
"nee" and "min of meer" score 1. The total runs from 0 to 6, each subscale from 0 to 3.
"""

from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "CATEGORIES",
    "ITEMS",
    "Answer",
    "Category",
    "Item",
    "Score",
    "category",
    "score",
]


class Answer(StrEnum):
    """The stored values (English); the Dutch labels live with the forms."""

    YES = "yes"
    MORE_OR_LESS = "more_or_less"
    NO = "no"


class Category(StrEnum):
    NOT_LONELY = "not_lonely"  # 0-1
    MODERATELY = "moderately"  # 2-4
    SEVERELY = "severely"  # 5-6


CATEGORIES = (Category.NOT_LONELY, Category.MODERATELY, Category.SEVERELY)


@dataclass(frozen=True)
class Item:
    number: int
    text: str
    # True for the positively worded (social) items, whose scoring is reversed.
    reversed: bool

    @property
    def subscale(self) -> str:
        return "social" if self.reversed else "emotional"


ITEMS = (
    Item(1, "Ik ervaar een leegte om me heen", reversed=False),
    Item(
        2, "Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen", reversed=True
    ),
    Item(3, "Ik heb veel mensen op wie ik volledig kan vertrouwen", reversed=True),
    Item(4, "Ik mis mensen om me heen", reversed=False),
    Item(5, "Er zijn voldoende mensen met wie ik me nauw verbonden voel", reversed=True),
    Item(6, "Vaak voel ik me in de steek gelaten", reversed=False),
)


@dataclass(frozen=True)
class Score:
    total: int
    social: int
    emotional: int

    @property
    def category(self) -> Category:
        return category(self.total)


def item_score(item: Item, answer: Answer) -> int:
    """1 if the answer points to loneliness, else 0."""
    if answer == Answer.MORE_OR_LESS:
        return 1
    lonely_answer = Answer.NO if item.reversed else Answer.YES
    return int(answer == lonely_answer)


def score(answers: dict[int, str]) -> Score:
    """The scale's scores for one complete set of answers, keyed by item number 1..6.

    Raises ValueError for a missing item or an unknown answer: the scale is not valid on fewer
    than six answers, so an incomplete set has no score (never a partial one).
    """
    social = emotional = 0
    for item in ITEMS:
        if item.number not in answers:
            raise ValueError(f"item {item.number} is not answered")
        points = item_score(item, Answer(answers[item.number]))
        if item.reversed:
            social += points
        else:
            emotional += points
    return Score(total=social + emotional, social=social, emotional=emotional)


def category(total: int) -> Category:
    """0-1 not lonely, 2-4 moderately lonely, 5-6 severely lonely."""
    if not 0 <= total <= len(ITEMS):
        raise ValueError(f"a total of {total} is outside the scale")
    if total <= 1:
        return Category.NOT_LONELY
    if total <= 4:
        return Category.MODERATELY
    return Category.SEVERELY


# Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom; beyond 30 the normal
# 1.96 is close enough for a neighbourhood report.
_T_975 = (
    12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
    2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
    2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
)  # fmt: skip


@dataclass(frozen=True)
class Interval:
    mean: float
    low: float
    high: float


def mean_interval(n: int, total: float, total_of_squares: float) -> Interval | None:
    """The mean and its 95% confidence interval (t-distribution) from n, Σx and Σx².

    Taking sums instead of the values lets the database aggregate; None for fewer than two
    values, where no interval exists.
    """
    if n < 2:
        return None
    mean = total / n
    variance = max(total_of_squares - n * mean * mean, 0.0) / (n - 1)
    t = _T_975[n - 2] if n - 1 <= len(_T_975) else 1.96
    half = t * (variance / n) ** 0.5
    return Interval(mean=mean, low=mean - half, high=mean + half)
