"""Starting and closing a street's effect rounds, storing answers, and the municipality's own
statements."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from home.models import HomePage

from .choices import DEFAULT_SEED_ITEMS, MAX_SEED_ITEMS, RoundKind, RoundStatus
from .models import EffectResponse, EffectRound, SeedItem
from .scale import ITEMS, score


class EffectError(Exception):
    """A change the rules do not allow; the message is for the user."""


def municipality_of(page) -> HomePage | None:
    return HomePage.objects.ancestor_of(page, inclusive=True).first()


def seed_labels(municipality: HomePage | None) -> list[str]:
    """The municipality's own statements, or the seeds' three while it has none."""
    if municipality is not None:
        labels = list(
            SeedItem.objects.filter(municipality=municipality).values_list("label", flat=True)
        )
        if labels:
            return labels
    return [str(label) for label in DEFAULT_SEED_ITEMS]


@transaction.atomic
def set_seed_items(municipality: HomePage, labels: list[str]) -> None:
    """Replace the municipality's statements. Rounds already started keep what they asked."""
    cleaned = list(dict.fromkeys(label.strip() for label in labels if label.strip()))
    if len(cleaned) > MAX_SEED_ITEMS:
        raise EffectError(_("Hooguit %(max)s eigen stellingen.") % {"max": MAX_SEED_ITEMS})
    fixed = {item.text.casefold() for item in ITEMS}
    if any(label.casefold() in fixed for label in cleaned):
        # The scale is valid only as published, once: not as a second, editable copy.
        raise EffectError(
            _("Een uitspraak van de eenzaamheidsschaal kan geen eigen stelling zijn.")
        )
    SeedItem.objects.filter(municipality=municipality).delete()
    SeedItem.objects.bulk_create(
        SeedItem(municipality=municipality, label=label, position=index)
        for index, label in enumerate(cleaned)
    )


def next_round_kind(street) -> str:
    return RoundKind.YEARLY if street.effect_rounds.exists() else RoundKind.BASELINE


@transaction.atomic
def start_round(street, by) -> EffectRound:
    """The street's baseline if it has none yet, otherwise this year's round.

    One open round per street, and one round per calendar year (the baseline counts for the
    year the street starts): the figures compare a street with itself, year on year.
    """
    year = timezone.localdate().year
    if street.effect_rounds.filter(status=RoundStatus.OPEN).exists():
        raise EffectError(_("Er loopt al een effectmeting in deze straat. Sluit die eerst."))
    if street.effect_rounds.filter(year=year).exists():
        raise EffectError(
            _("Deze straat had in %(year)s al een effectmeting. De volgende kan volgend jaar.")
            % {"year": year}
        )
    try:
        # A savepoint, so a twin request that lost the race leaves a usable transaction.
        with transaction.atomic():
            return EffectRound.objects.create(
                street=street,
                kind=next_round_kind(street),
                year=year,
                seed_items=seed_labels(municipality_of(street)),
                created_by=by,
            )
    except IntegrityError:
        raise EffectError(_("Er loopt al een effectmeting in deze straat.")) from None


@transaction.atomic
def close_round(effect_round: EffectRound) -> None:
    updated = EffectRound.objects.filter(pk=effect_round.pk, status=RoundStatus.OPEN).update(
        status=RoundStatus.CLOSED, closed_at=timezone.now()
    )
    if not updated:
        raise EffectError(_("Deze effectmeting is al gesloten."))


@transaction.atomic
def save_response(
    effect_round: EffectRound,
    channel: str,
    scale_answers: dict[int, str],
    seed_answers: dict[str, str],
    person=None,
    entered_by=None,
) -> EffectResponse:
    """Store one neighbour's answers with their scores. A member answers once per round: a
    second answer replaces the first."""
    locked = EffectRound.objects.select_for_update().get(pk=effect_round.pk)
    if not locked.is_open:
        raise EffectError(_("Deze effectmeting is gesloten."))
    scores = score(scale_answers)
    asked = set(locked.seed_items)
    fields = {
        **{f"item_{number}": value for number, value in scale_answers.items()},
        "seed_answers": {label: value for label, value in seed_answers.items() if label in asked},
        "score": scores.total,
        "social": scores.social,
        "emotional": scores.emotional,
        "channel": channel,
        "entered_by": entered_by,
    }
    if person is not None:
        response, _created = EffectResponse.objects.update_or_create(
            round=locked, person=person, defaults=fields
        )
        return response
    return EffectResponse.objects.create(round=locked, **fields)


def export_response(response: EffectResponse) -> dict:
    """One answer as the person reads it (their data rights)."""
    answers = response.scale_answers()
    return {
        "straat": response.round.street.title,
        "meting": f"{response.round.get_kind_display()} {response.round.year}",
        "ingevuld_op": response.created_at.isoformat(),
        "uitspraken": {item.text: answers[item.number] for item in ITEMS},
        "eigen_stellingen": response.seed_answers,
        "score": response.score,
    }
