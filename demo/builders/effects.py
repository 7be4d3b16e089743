"""Demo data: the effect questionnaire in Noord. Zwaanshals and Bergweg have a baseline last
year and a yearly round this year, both closed, with answers online, by link and on paper;
Zaagmolenkade has a baseline of three answers (shown as "< 5" everywhere); Gordelweg's
baseline is open, for the walk-through of answering.

Idempotent: a street's round of a year is made only if the street has none for that year.
"""

import random

from django.utils import timezone

from effects.choices import RoundKind, RoundStatus
from effects.models import EffectRound
from effects.scale import Answer
from effects.services import municipality_of, save_response, seed_labels
from streets.choices import MembershipStatus
from streets.models import StreetMembership, StreetPage
from surveys.choices import AnswerChannel

ANSWERS = (Answer.YES.value, Answer.MORE_OR_LESS.value, Answer.NO.value)

# (street slug, years ago, answers, closed); loneliness leans lower in the later round.
ROUNDS = [
    ("zwaanshals", 1, 12, True),
    ("zwaanshals", 0, 14, True),
    ("bergweg", 1, 10, True),
    ("bergweg", 0, 9, True),
    ("zaagmolenkade", 1, 3, True),
    ("gordelweg", 0, 2, False),
]


def _pattern(rng: random.Random, later: bool) -> dict[int, str]:
    """A plausible answer: most neighbours are not lonely; fewer are a year into the street."""
    lonely = rng.random() < (0.15 if later else 0.4)
    weights = (0.5, 0.3, 0.2) if lonely else (0.05, 0.1, 0.85)
    answers = {}
    for number in range(1, 7):
        positive = number in (2, 3, 5)
        # For the positive items "nee" is the lonely answer: swap the weights.
        w = (weights[2], weights[1], weights[0]) if positive else weights
        answers[number] = rng.choices(ANSWERS, weights=w)[0]
    return answers


def build(home, stdout):
    rng = random.Random(22)  # noqa: S311 - demo data, not security
    year = timezone.localdate().year
    for slug, years_ago, count, closed in ROUNDS:
        street = StreetPage.objects.descendant_of(home).filter(slug=slug).first()
        if street is None or street.effect_rounds.filter(year=year - years_ago).exists():
            continue
        gangmaker = street.gangmaker_memberships().order_by("house_number").first()
        by = gangmaker.user if gangmaker else None
        kind = RoundKind.YEARLY if street.effect_rounds.exists() else RoundKind.BASELINE
        effect_round = EffectRound.objects.create(
            street=street,
            kind=kind,
            year=year - years_ago,
            created_by=by,
            seed_items=seed_labels(municipality_of(street)),
        )
        members = list(
            StreetMembership.objects.filter(
                street=street, status=MembershipStatus.APPROVED, user__is_offline=False
            ).order_by("house_number")[:3]
        )
        for index in range(count):
            # The first answers are members' online ones, then paper, then the link.
            if index < len(members):
                channel, person, entered_by = AnswerChannel.ONLINE, members[index].user, None
            elif index % 3 == 0:
                channel, person, entered_by = AnswerChannel.PAPER, None, by
            else:
                channel, person, entered_by = AnswerChannel.LINK, None, None
            seeds = {
                label: rng.choices(ANSWERS, weights=(0.5, 0.3, 0.2))[0]
                for label in effect_round.seed_items
            }
            save_response(
                effect_round,
                channel,
                _pattern(rng, later=years_ago == 0),
                seeds,
                person=person,
                entered_by=entered_by,
            )
        if closed:
            EffectRound.objects.filter(pk=effect_round.pk).update(
                status=RoundStatus.CLOSED, closed_at=timezone.now()
            )
    stdout.write(
        "  effectmeting in Noord: Zwaanshals, Bergweg, Zaagmolenkade (< 5), Gordelweg (open)"
    )
