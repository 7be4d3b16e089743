"""The shapes every figure source shares, and the assembly that suppresses small counts.

A source (community.py, and one per app whose rows we count) returns raw values together with
the number of people behind each; `assemble()` passes every one through `suppress()`, so what
leaves this package (the `Dashboard`) holds no exact figure below five.
"""

import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.db.models import Aggregate, Case, IntegerField, QuerySet, Value, When
from django.utils import timezone
from django.utils.translation import gettext

from ..choices import ScopeKind
from ..suppression import MIN_PEOPLE, SUPPRESSED, Shown, suppress


@dataclass(frozen=True)
class Raw:
    """A value as computed, and how many distinct people it was computed from."""

    value: int | float | Decimal | None
    people: int


def count(n: int) -> Raw:
    """A count of people (or of things each from a different person)."""
    return Raw(n, n)


@dataclass(frozen=True)
class Metric:
    key: str
    label: str
    unit: str = ""


@dataclass(frozen=True)
class StreetInfo:
    id: int
    title: str
    path: str
    wijk_id: int | None
    wijk_title: str


@dataclass
class Context:
    """What every source needs: the streets in scope and the period as aware datetimes.

    `streets` is the list shown; `street_pages` the same streets as a query, so sources
    filter with a subquery instead of sending every street's id with every query (a
    municipality has hundreds of streets, and each id was a parameter Django prepared).
    """

    kind: str
    streets: list[StreetInfo]
    street_pages: QuerySet
    start: datetime.date
    end: datetime.date
    now: datetime.datetime = field(default_factory=timezone.now)

    @property
    def street_ids(self) -> QuerySet:
        return self.street_pages.values("pk")

    @property
    def street_paths(self) -> QuerySet:
        return self.street_pages.values("path")

    @property
    def start_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.start, datetime.time.min))

    @property
    def end_before(self) -> datetime.datetime:
        """The first moment after the period (the end date is included)."""
        day_after = self.end + datetime.timedelta(days=1)
        return timezone.make_aware(datetime.datetime.combine(day_after, datetime.time.min))

    @property
    def months(self) -> list[datetime.date]:
        month, last, months = self.start.replace(day=1), self.end.replace(day=1), []
        while month <= last:
            months.append(month)
            month += relativedelta(months=1)
        return months

    def month_index(self, field_name: str, dates: bool = False) -> Case:
        """SQL for the index in `months` of the month `field_name` falls in (local time)."""
        whens = []
        for index, month in enumerate(self.months):
            after = month + relativedelta(months=1)
            if not dates:
                after = timezone.make_aware(datetime.datetime.combine(after, datetime.time.min))
            whens.append(When(**{f"{field_name}__lt": after}, then=Value(index)))
        return Case(*whens, default=None, output_field=IntegerField())

    @property
    def street_by_path(self) -> dict[str, int]:
        return {s.path: s.id for s in self.streets}

    @property
    def street_path_length(self) -> int:
        # Streets always sit at the same depth (home > wijk > street), so one prefix length
        # maps any descendant page (an event) to its street.
        return len(self.streets[0].path) if self.streets else 0


def per_month(
    context: Context,
    queryset: QuerySet,
    field_name: str,
    aggregates: dict[str, Aggregate],
    by: tuple[str, ...] = (),
    dates: bool = False,
):
    """(month, row) of `aggregates` over `queryset` (within the period) per month and `by`.

    Grouped by the month's index from comparisons with the months' ends: truncating to the
    month instead runs SQLite's date functions in Python once per row, which made the
    trends the dashboard's slowest queries.
    """
    rows = (
        queryset.annotate(month_index=context.month_index(field_name, dates))
        .values("month_index", *by)
        .annotate(**aggregates)
        .order_by()
    )
    for row in rows:
        if row["month_index"] is not None:
            yield context.months[row["month_index"]], row


@dataclass
class SourceResult:
    metrics: list[Metric] = field(default_factory=list)
    totals: dict[str, Raw] = field(default_factory=dict)
    per_street: dict[int, dict[str, Raw]] = field(default_factory=dict)
    trends: list[tuple[Metric, dict[datetime.date, Raw]]] = field(default_factory=list)
    breakdowns: list[tuple[Metric, list[tuple[str, Raw]]]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class StreetFigures:
    id: int
    title: str
    wijk: str
    values: list[Shown]


@dataclass(frozen=True)
class Trend:
    metric: Metric
    points: list[tuple[datetime.date, Shown]]


@dataclass(frozen=True)
class Breakdown:
    metric: Metric
    rows: list[tuple[str, Shown]]


@dataclass
class Dashboard:
    """Suppressed figures for one scope and period: what HTML, CSV, JSON and the API render."""

    kind: str
    scope_id: int
    title: str
    start: datetime.date
    end: datetime.date
    metrics: list[Metric]
    totals: list[Shown]
    streets: list[StreetFigures]
    trends: list[Trend]
    breakdowns: list[Breakdown]
    notes: list[str] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return ScopeKind(self.kind).label

    def total_rows(self) -> list[tuple[Metric, Shown]]:
        return list(zip(self.metrics, self.totals, strict=True))

    def as_dict(self) -> dict:
        """The JSON shape of the exports and the API (typed as `insights.api.Dashboard`)."""
        keys = [m.key for m in self.metrics]
        return {
            "scope": {"kind": self.kind, "id": self.scope_id, "title": self.title},
            "period": {"from": self.start.isoformat(), "to": self.end.isoformat()},
            "suppression": {"min_people": MIN_PEOPLE, "shown_as": SUPPRESSED},
            "metrics": [
                {"key": m.key, "label": str(m.label), "unit": m.unit} for m in self.metrics
            ],
            "totals": dict(zip(keys, map(_json_value, self.totals), strict=True)),
            "streets": [
                {
                    "id": s.id,
                    "title": s.title,
                    "wijk": s.wijk,
                    "figures": dict(zip(keys, map(_json_value, s.values), strict=True)),
                }
                for s in self.streets
            ],
            "breakdowns": [
                {
                    "key": b.metric.key,
                    "title": str(b.metric.label),
                    "unit": b.metric.unit,
                    "rows": [{"label": str(label), "value": _json_value(v)} for label, v in b.rows],
                }
                for b in self.breakdowns
            ],
            "trends": [
                {
                    "key": t.metric.key,
                    "label": str(t.metric.label),
                    "unit": t.metric.unit,
                    "points": [
                        {"month": month.strftime("%Y-%m"), "value": _json_value(v)}
                        for month, v in t.points
                    ],
                }
                for t in self.trends
            ],
            "notes": [str(note) for note in self.notes],
        }

    def csv_rows(self) -> list[list[str]]:
        """One row per figure, long format: level, name, figure, unit, value."""
        rows = [
            [str(self.kind_label), self.title, str(m.label), m.unit, _text(v)]
            for m, v in self.total_rows()
        ]
        for street in self.streets:
            rows += [
                [str(ScopeKind.STREET.label), street.title, str(m.label), m.unit, _text(v)]
                for m, v in zip(self.metrics, street.values, strict=True)
            ]
        for breakdown in self.breakdowns:
            rows += [
                [
                    str(breakdown.metric.label),
                    str(label),
                    str(breakdown.metric.label),
                    breakdown.metric.unit,
                    _text(v),
                ]
                for label, v in breakdown.rows
            ]
        for trend in self.trends:
            rows += [
                [
                    gettext("maand"),
                    month.strftime("%Y-%m"),
                    str(trend.metric.label),
                    trend.metric.unit,
                    _text(v),
                ]
                for month, v in trend.points
            ]
        return rows


def _json_value(value: Shown):
    if isinstance(value, Decimal):
        return float(value)
    return value


def _text(value: Shown) -> str:
    if value is None:
        return ""
    return str(value)


def assemble(
    context: Context, kind: str, scope_id: int, title: str, results: list[SourceResult]
) -> Dashboard:
    """Combine the sources' raw figures and suppress every one of them (the only way out)."""
    metrics = [m for r in results for m in r.metrics]
    totals_raw = {k: v for r in results for k, v in r.totals.items()}
    missing = Raw(0, 0)
    street_rows = []
    for street in context.streets:
        raw = {k: v for r in results for k, v in r.per_street.get(street.id, {}).items()}
        street_rows.append(
            StreetFigures(
                id=street.id,
                title=street.title,
                wijk=street.wijk_title,
                values=[_suppressed(raw.get(m.key, missing)) for m in metrics],
            )
        )
    trends = [
        Trend(
            metric, [(month, _suppressed(points.get(month, missing))) for month in context.months]
        )
        for r in results
        for metric, points in r.trends
    ]
    breakdowns = [
        Breakdown(metric, [(label, _suppressed(raw)) for label, raw in rows])
        for r in results
        for metric, rows in r.breakdowns
    ]
    return Dashboard(
        kind=kind,
        scope_id=scope_id,
        title=title,
        start=context.start,
        end=context.end,
        metrics=metrics,
        totals=[_suppressed(totals_raw.get(m.key, missing)) for m in metrics],
        # A single street's dashboard is its own total; no table of one row.
        streets=street_rows if kind != ScopeKind.STREET else [],
        trends=trends,
        breakdowns=breakdowns,
        notes=[note for r in results for note in r.notes],
    )


def _suppressed(raw: Raw) -> Shown:
    return suppress(raw.value, raw.people)
