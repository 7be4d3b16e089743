"""Effect rounds and answers for tests and the demo, through the app's own services."""

from django.utils import timezone

from effects.choices import RoundKind, RoundStatus
from effects.models import EffectRound
from effects.scale import Answer
from effects.services import municipality_of, save_response, seed_labels
from surveys.choices import AnswerChannel

YES, MORE, NO = Answer.YES.value, Answer.MORE_OR_LESS.value, Answer.NO.value

# Answer patterns with a known total score.
PATTERNS = {
    0: {1: NO, 2: YES, 3: YES, 4: NO, 5: YES, 6: NO},
    1: {1: MORE, 2: YES, 3: YES, 4: NO, 5: YES, 6: NO},
    3: {1: YES, 2: YES, 3: YES, 4: YES, 5: YES, 6: YES},
    4: {1: YES, 2: MORE, 3: YES, 4: YES, 5: YES, 6: YES},
    6: {1: YES, 2: NO, 3: NO, 4: YES, 5: NO, 6: YES},
}


def effect_round(street, year, kind=None, by=None) -> EffectRound:
    """An open round of `street` in `year` (a baseline if the street has none yet)."""
    if kind is None:
        kind = RoundKind.YEARLY if street.effect_rounds.exists() else RoundKind.BASELINE
    return EffectRound.objects.create(
        street=street,
        kind=kind,
        year=year,
        created_by=by,
        seed_items=seed_labels(municipality_of(street)),
    )


def answer(effect_round, total=0, seed=YES, channel=AnswerChannel.LINK, person=None, by=None):
    return save_response(
        effect_round,
        channel,
        PATTERNS[total],
        dict.fromkeys(effect_round.seed_items, seed),
        person=person,
        entered_by=by,
    )


def filled_round(street, year, scores, kind=None, close=True, seed=YES) -> EffectRound:
    """A round with one answer per total score in `scores`, closed unless asked otherwise."""
    new = effect_round(street, year, kind)
    for total in scores:
        answer(new, total, seed=seed)
    if close:
        EffectRound.objects.filter(pk=new.pk).update(
            status=RoundStatus.CLOSED, closed_at=timezone.now()
        )
        new.refresh_from_db()
    return new
