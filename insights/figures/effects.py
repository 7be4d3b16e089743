"""Effect figures: the loneliness scale and the municipality's statements per street, wijk and
municipality, for the baseline and for each street's latest yearly round.

Suppression is computed once for the whole municipality, over every additive relation a
reader sees (a street's categories add up to its respondents, a wijk's streets to the wijk,
the wijken to the municipality), and each report (street, wijk, municipality, page, CSV,
JSON, API) shows a slice of that one pattern. Reports that overlap therefore hide the same
cells, and subtracting one from another gives nothing back (tests/insights/test_effects.py
plays the attacker). Only closed rounds count: figures that changed with every new answer
would give away each answer by the difference.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from effects.choices import LonelinessCategory, RoundKind, RoundStatus, ScaleAnswer
from effects.models import EffectResponse, EffectRound
from effects.scale import CATEGORIES, mean_interval
from home.models import HomePage

from ..choices import ScopeKind
from ..suppression import HIDDEN, MIN_PEOPLE, SUPPRESSED, Line, Protection, Shown, protect
from . import streets_in_scope

BASELINE, LATEST = "baseline", "latest"
WAVES = {BASELINE: _("nulmeting"), LATEST: _("laatste jaarmeting")}
LONELY = "lonely"
ANSWERS = tuple(ScaleAnswer.values)
CATEGORY_BOUNDS = {
    CATEGORIES[0].value: (0, 1),
    CATEGORIES[1].value: (2, 4),
    CATEGORIES[2].value: (5, 6),
}


@dataclass
class Row:
    level: str
    id: int
    title: str
    n: Shown
    categories: list[Shown]
    mean: Shown
    low: Shown
    high: Shown
    social: Shown
    emotional: Shown
    seeds: list[tuple[str, list[Shown]]]


@dataclass
class Wave:
    key: str
    label: str
    rows: list[Row] = field(default_factory=list)


@dataclass
class EffectReport:
    kind: str
    scope_id: int
    title: str
    waves: list[Wave]
    seed_labels: list[str]
    # Kept for the tests' attacker: every count and every line behind the published cells.
    counts: dict = field(default_factory=dict, repr=False)
    lines: list = field(default_factory=list, repr=False)
    protection: Protection | None = field(default=None, repr=False)

    @property
    def category_labels(self):
        return [LonelinessCategory(c.value).label for c in CATEGORIES]

    @property
    def answer_labels(self):
        return [ScaleAnswer(a).label for a in ANSWERS]

    @property
    def has_figures(self) -> bool:
        return any(wave.rows for wave in self.waves)

    def as_dict(self) -> dict:
        return {
            "scope": {"kind": self.kind, "id": self.scope_id, "title": self.title},
            "suppression": {
                "min_people": MIN_PEOPLE,
                "shown_as": SUPPRESSED,
                "hidden_to_protect_others_as": HIDDEN,
            },
            "waves": [
                {
                    "key": wave.key,
                    "label": str(wave.label),
                    "rows": [
                        {
                            "level": row.level,
                            "id": row.id,
                            "title": row.title,
                            "respondents": row.n,
                            "categories": dict(
                                zip([c.value for c in CATEGORIES], row.categories, strict=True)
                            ),
                            "mean_score": row.mean,
                            "mean_score_95": [row.low, row.high],
                            "mean_social": row.social,
                            "mean_emotional": row.emotional,
                            "statements": [
                                {
                                    "statement": label,
                                    "answers": dict(zip(ANSWERS, cells, strict=True)),
                                }
                                for label, cells in row.seeds
                            ],
                        }
                        for row in wave.rows
                    ],
                }
                for wave in self.waves
            ],
        }

    def csv_rows(self) -> list[list[str]]:
        """Long format: meting, niveau, naam, cijfer, waarde."""
        rows = []
        for wave in self.waves:
            for row in wave.rows:
                level = str(ScopeKind(row.level).label)
                figures = [
                    (gettext("respondenten"), row.n),
                    *zip(self.category_labels, row.categories, strict=True),
                    (gettext("gemiddelde score (0-6)"), row.mean),
                    (gettext("ondergrens van het interval (95%)"), row.low),
                    (gettext("bovengrens van het interval (95%)"), row.high),
                    (gettext("gemiddeld sociaal (0-3)"), row.social),
                    (gettext("gemiddeld emotioneel (0-3)"), row.emotional),
                ]
                for label, cells in row.seeds:
                    figures += [
                        (f"{label}: {answer}", cell)
                        for answer, cell in zip(self.answer_labels, cells, strict=True)
                    ]
                rows += [
                    [str(wave.label), level, row.title, str(name), "" if v is None else str(v)]
                    for name, v in figures
                ]
        return rows


def _rounds(street_ids) -> dict[str, dict[int, EffectRound]]:
    """Per wave, the closed round of each street: its baseline, and its latest yearly round."""
    waves: dict[str, dict[int, EffectRound]] = {BASELINE: {}, LATEST: {}}
    closed = EffectRound.objects.filter(street_id__in=street_ids, status=RoundStatus.CLOSED)
    for effect_round in closed.order_by("year"):
        wave = BASELINE if effect_round.kind == RoundKind.BASELINE else LATEST
        waves[wave][effect_round.street_id] = effect_round
    return waves


def _street_figures(rounds: dict[int, EffectRound]) -> dict[int, dict]:
    """Per street: n, counts per category, sums for the means, and the statements' counts."""
    by_round = {r.pk: street_id for street_id, r in rounds.items()}
    aggregates = {
        "n": Count("pk"),
        "sum_score": Sum("score"),
        "sum_social": Sum("social"),
        "sum_emotional": Sum("emotional"),
        **{
            c: Count("pk", filter=Q(score__gte=low, score__lte=high))
            for c, (low, high) in CATEGORY_BOUNDS.items()
        },
    }
    figures = {}
    rows = EffectResponse.objects.filter(round_id__in=by_round).values("round_id")
    for row in rows.annotate(**aggregates).order_by():
        figures[by_round[row["round_id"]]] = {
            **row,
            "score": row["sum_score"] or 0,
            "social": row["sum_social"] or 0,
            "emotional": row["sum_emotional"] or 0,
            "squares": 0,
            "seeds": defaultdict(dict),
        }
    responses = EffectResponse.objects.filter(round_id__in=by_round).values_list(
        "round_id", "score", "seed_answers"
    )
    for round_id, score, seed_answers in responses:
        street = figures[by_round[round_id]]
        street["squares"] += score * score
        for label in rounds[by_round[round_id]].seed_items:
            answer = (seed_answers or {}).get(label)
            counts = street["seeds"][label]
            for value in ANSWERS:
                counts.setdefault(value, 0)
            if answer in ANSWERS:
                counts[answer] += 1
    return figures


def _cells_and_lines(wave: str, streets, figures, seed_labels):
    """Every count of one wave as a cell, and every sum a reader can form as a line."""
    counts, lines = {}, []
    children: dict[tuple, list[tuple]] = defaultdict(list)
    municipality = ("municipality", 0)
    for street in streets:
        if street.id not in figures:
            continue
        row = ("street", street.id)
        wijk = ("wijk", street.wijk_id)
        children[wijk].append(row)
        if wijk not in children[municipality]:
            children[municipality].append(wijk)
        data = figures[street.id]
        counts[(wave, row, "n")] = data["n"]
        for c in CATEGORY_BOUNDS:
            counts[(wave, row, c)] = data[c]
        for label in seed_labels:
            if label in data["seeds"]:
                counts[(wave, row, label, "n")] = data["n"]
                lines.append(Line((wave, row, label, "n"), ((wave, row, "n"),)))
                for answer in ANSWERS:
                    counts[(wave, row, label, answer)] = data["seeds"][label][answer]
    for parent in [*(k for k in children if k != municipality), municipality]:
        kids = children.get(parent, [])
        if not kids:
            continue
        for suffix in ["n", *CATEGORY_BOUNDS]:
            counts[(wave, parent, suffix)] = sum(counts[(wave, k, suffix)] for k in kids)
            lines.append(Line((wave, parent, suffix), tuple((wave, k, suffix) for k in kids)))
        for label in seed_labels:
            asked = [k for k in kids if (wave, k, label, "n") in counts]
            if not asked:
                continue
            for suffix in ["n", *ANSWERS]:
                key = (wave, parent, label, suffix)
                counts[key] = sum(counts[(wave, k, label, suffix)] for k in asked)
                lines.append(Line(key, tuple((wave, k, label, suffix) for k in asked)))
    for row in [k for k in counts if k[2] == "n" and len(k) == 3]:
        lines.append(Line(row, tuple((wave, row[1], c) for c in CATEGORY_BOUNDS)))
    for key in [k for k in counts if len(k) == 4 and k[3] == "n"]:
        lines.append(Line(key, tuple((*key[:3], a) for a in ANSWERS)))
    return counts, lines, children


def _mean(total, n, protection: Protection, n_key, digits=1) -> Shown:
    shown = protection.shown(n_key, None)
    if shown is not None:
        return shown
    return round(total / n, digits) if n else None


def effect_report(kind: str, page) -> EffectReport:
    """The effect figures of a street, wijk or municipality, suppressed as described above."""
    municipality = HomePage.objects.ancestor_of(page, inclusive=True).first()
    streets = streets_in_scope(ScopeKind.MUNICIPALITY, municipality)
    titles = {("street", s.id): s.title for s in streets}
    titles.update({("wijk", s.wijk_id): s.wijk_title for s in streets})
    titles[("municipality", 0)] = municipality.title
    rounds = _rounds([s.id for s in streets])
    seed_labels = list(
        dict.fromkeys(
            label for wave in rounds.values() for r in wave.values() for label in r.seed_items
        )
    )
    all_counts, all_lines, waves = {}, [], []
    sums: dict = {}
    trees = {}
    for wave_key, wave_rounds in rounds.items():
        figures = _street_figures(wave_rounds)
        counts, lines, children = _cells_and_lines(wave_key, streets, figures, seed_labels)
        all_counts.update(counts)
        all_lines += lines
        trees[wave_key] = children
        for street_id, data in figures.items():
            sums[(wave_key, ("street", street_id))] = data
    protection = protect(all_counts, all_lines)

    def parent_sums(wave_key, row):
        if row[0] == "street":
            return sums[(wave_key, row)]
        kids = trees[wave_key].get(row, [])
        parts = [parent_sums(wave_key, k) for k in kids]
        return {
            key: sum(p[key] or 0 for p in parts)
            for key in ("n", "score", "social", "emotional", "squares")
        }

    if kind == ScopeKind.STREET:
        wanted = [("street", page.pk)]
    elif kind == ScopeKind.NEIGHBOURHOOD:
        wanted = [("wijk", page.pk)]
    else:
        wanted = [("municipality", 0)]
    for wave_key, label in WAVES.items():
        wave = Wave(wave_key, label)
        children = trees[wave_key]
        order = []
        for row in wanted:
            order.append(row)
            for kid in children.get(row, []):
                order.append(kid)
                if row[0] == "municipality":
                    order += children.get(kid, [])
        for row in order:
            n_key = (wave_key, row, "n")
            if n_key not in all_counts:
                continue
            data = parent_sums(wave_key, row)
            n = data["n"]
            interval = mean_interval(n, data["score"] or 0, data["squares"]) if n else None
            hidden = protection.shown(n_key, None)
            wave.rows.append(
                Row(
                    level={
                        "street": ScopeKind.STREET,
                        "wijk": ScopeKind.NEIGHBOURHOOD,
                        "municipality": ScopeKind.MUNICIPALITY,
                    }[row[0]],
                    id=row[1] or municipality.pk,
                    title=titles.get(row, ""),
                    n=protection.shown(n_key, n),
                    categories=[
                        protection.shown((wave_key, row, c), all_counts[(wave_key, row, c)])
                        for c in CATEGORY_BOUNDS
                    ],
                    mean=_mean(data["score"] or 0, n, protection, n_key),
                    low=hidden or (round(interval.low, 1) if interval else None),
                    high=hidden or (round(interval.high, 1) if interval else None),
                    social=_mean(data["social"] or 0, n, protection, n_key),
                    emotional=_mean(data["emotional"] or 0, n, protection, n_key),
                    seeds=[
                        (
                            label_text,
                            [
                                protection.shown(
                                    (wave_key, row, label_text, a),
                                    all_counts[(wave_key, row, label_text, a)],
                                )
                                for a in ANSWERS
                            ],
                        )
                        for label_text in seed_labels
                        if (wave_key, row, label_text, "n") in all_counts
                    ],
                )
            )
        waves.append(wave)
    return EffectReport(
        kind=kind,
        scope_id=page.pk,
        title=page.title,
        waves=waves,
        seed_labels=seed_labels,
        counts=all_counts,
        lines=all_lines,
        protection=protection,
    )
