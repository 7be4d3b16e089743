"""The coordinator's growth view: active streets over time, coverage per wijk, the intake.

A street counts as active in a month when it is live and was first published before the
month ended. A few grouped queries whatever the number of streets.
"""

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from programme.choices import ApplicationState
from programme.models import StateChange, StreetApplication
from streets.choices import MemberRole, MembershipStatus
from streets.models import NeighbourhoodPage, StreetPage


@dataclass
class WijkRow:
    wijk: str
    per_month: list[int]
    streets: int
    two_gangmakers: int
    no_gangmaker: int


@dataclass
class StateRow:
    state: str
    label: str
    count: int
    average_days: float | None


@dataclass
class GrowthFigures:
    months: list[datetime.date]
    total_per_month: list[int]
    wijken: list[WijkRow] = field(default_factory=list)
    states: list[StateRow] = field(default_factory=list)

    @property
    def peak(self) -> int:
        return max(self.total_per_month, default=0) or 1


def _month_starts(today: datetime.date, count: int) -> list[datetime.date]:
    months = []
    year, month = today.year, today.month
    for _i in range(count):
        months.append(datetime.date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(months))


def _month_end(start: datetime.date) -> datetime.date:
    nxt = datetime.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return nxt - datetime.timedelta(days=1)


def growth_figures(municipality, months: int = 12, now=None) -> GrowthFigures:
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    starts = _month_starts(today, months)
    ends = [_month_end(s) for s in starts]

    wijken = list(NeighbourhoodPage.objects.child_of(municipality).order_by("title"))
    streets = (
        StreetPage.objects.live()
        .descendant_of(municipality)
        .annotate(
            gangmakers=Count(
                "memberships",
                filter=Q(
                    memberships__role=MemberRole.GANGMAKER,
                    memberships__status=MembershipStatus.APPROVED,
                ),
            )
        )
        .values_list("path", "first_published_at", "gangmakers")
    )
    by_wijk: dict[str, list] = defaultdict(list)
    depth = NeighbourhoodPage.steplen
    for path, published, gangmakers in streets:
        by_wijk[path[: len(path) - depth]].append((published, gangmakers))

    def active(rows, end):
        return sum(
            1
            for published, _g in rows
            if published is None or timezone.localtime(published).date() <= end
        )

    figures = GrowthFigures(months=starts, total_per_month=[0] * len(starts))
    for wijk in wijken:
        rows = by_wijk.get(wijk.path, [])
        per_month = [active(rows, end) for end in ends]
        figures.total_per_month = [
            a + b for a, b in zip(figures.total_per_month, per_month, strict=True)
        ]
        figures.wijken.append(
            WijkRow(
                wijk=wijk.title,
                per_month=per_month,
                streets=len(rows),
                two_gangmakers=sum(1 for _p, g in rows if g >= 2),
                no_gangmaker=sum(1 for _p, g in rows if g == 0),
            )
        )

    counts = Counter(
        StreetApplication.objects.filter(municipality=municipality).values_list("state", flat=True)
    )
    durations: dict[str, list[float]] = defaultdict(list)
    changes = StateChange.objects.filter(application__municipality=municipality).order_by(
        "application_id", "at", "pk"
    )
    previous = None
    for change in changes.values("application_id", "to_state", "at"):
        if previous is not None and previous["application_id"] == change["application_id"]:
            days = (change["at"] - previous["at"]).total_seconds() / 86400
            durations[previous["to_state"]].append(days)
        elif previous is not None and previous["to_state"] != ApplicationState.STARTED:
            durations[previous["to_state"]].append((now - previous["at"]).total_seconds() / 86400)
        previous = change
    if previous is not None and previous["to_state"] != ApplicationState.STARTED:
        durations[previous["to_state"]].append((now - previous["at"]).total_seconds() / 86400)
    for state in ApplicationState:
        spans = durations.get(state.value, [])
        figures.states.append(
            StateRow(
                state=state.value,
                label=str(state.label),
                count=counts.get(state.value, 0),
                average_days=round(sum(spans) / len(spans), 1) if spans else None,
            )
        )
    return figures
