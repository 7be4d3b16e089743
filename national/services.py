"""Figures across municipalities, the interest form's submissions and the national meetings.

Every count of people shown here passes `accounts.suppression` (the one threshold), and the
national totals are protected against subtraction with `insights.suppression.protect`: a
municipality's hidden count can never be worked out as "the total minus the others". The
number of streets is a count of public pages (every street has its page on the municipality's
site), so it is shown as it is.
"""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Page

from accounts.mail import send_to_user
from accounts.suppression import Shown
from home.models import HomePage
from insights.suppression import Line, protect
from network.models import Meeting
from streets.choices import MemberRole, MembershipStatus
from streets.models import (
    NationalCoordinatorAssignment,
    NeighbourhoodPage,
    StreetMembership,
    StreetPage,
)

from .models import InterestSubmission

# The people figures, in the order the tables show them.
PEOPLE_METRICS = ("households", "gangmakers")
TOTAL = "total"


@dataclass
class MunicipalityRow:
    home: HomePage
    streets: int
    wijken: int
    households: Shown = None
    gangmakers: Shown = None


@dataclass
class NationalFigures:
    rows: list[MunicipalityRow] = field(default_factory=list)
    municipalities: int = 0
    streets: int = 0
    households: Shown = None
    gangmakers: Shown = None


def _active_streets() -> list[StreetPage]:
    """Live streets with at least one approved gangmaker: the streets that run."""
    return list(
        StreetPage.objects.live()
        .filter(
            memberships__role=MemberRole.GANGMAKER,
            memberships__status=MembershipStatus.APPROVED,
        )
        .distinct()
        .only("pk", "path", "depth")
    )


def national_figures() -> NationalFigures:
    """Per participating municipality (a live HomePage) and for the whole country: a few
    grouped queries, whatever the number of municipalities and streets."""
    homes = list(HomePage.objects.live().order_by("municipality_name", "title"))
    if not homes:
        return NationalFigures()
    home_by_path = {home.path: home for home in homes}
    step = Page.steplen

    def home_of(path: str) -> HomePage | None:
        # A HomePage sits right under the root: the first two steps of the path.
        return home_by_path.get(path[: 2 * step])

    streets = _active_streets()
    street_home = {}
    for street in streets:
        home = home_of(street.path)
        if home is not None:
            street_home[street.pk] = home.pk
    wijken: dict[int, int] = {}
    for path in NeighbourhoodPage.objects.live().values_list("path", flat=True):
        home = home_of(path)
        if home is not None:
            wijken[home.pk] = wijken.get(home.pk, 0) + 1

    # Distinct people per municipality: a person in two streets of one municipality counts once.
    people: dict[str, dict[int, set[int]]] = {m: {} for m in PEOPLE_METRICS}
    approved = StreetMembership.objects.filter(
        street_id__in=street_home, status=MembershipStatus.APPROVED
    ).values_list("street_id", "user_id", "role")
    for street_id, user_id, role in approved:
        home_pk = street_home[street_id]
        people["households"].setdefault(home_pk, set()).add(user_id)
        if role == MemberRole.GANGMAKER:
            people["gangmakers"].setdefault(home_pk, set()).add(user_id)

    counts = {}
    lines = []
    for metric in PEOPLE_METRICS:
        everyone = set()
        for home in homes:
            found = people[metric].get(home.pk, set())
            counts[(home.pk, metric)] = len(found)
            everyone |= found
        counts[(TOTAL, metric)] = len(everyone)
        # Distinct people: the total can be less than the sum of the parts (someone in two
        # municipalities), never more, so "total minus the shown parts" is still a bound.
        lines.append(Line(total=(TOTAL, metric), parts=tuple((h.pk, metric) for h in homes)))
    protection = protect(counts, lines)

    street_counts: dict[int, int] = {}
    for home_pk in street_home.values():
        street_counts[home_pk] = street_counts.get(home_pk, 0) + 1
    figures = NationalFigures(
        municipalities=sum(1 for home in homes if street_counts.get(home.pk)),
        streets=len(street_home),
    )
    for home in homes:
        row = MunicipalityRow(
            home=home, streets=street_counts.get(home.pk, 0), wijken=wijken.get(home.pk, 0)
        )
        for metric in PEOPLE_METRICS:
            key = (home.pk, metric)
            setattr(row, metric, protection.shown(key, counts[key]))
        figures.rows.append(row)
    for metric in PEOPLE_METRICS:
        key = (TOTAL, metric)
        setattr(figures, metric, protection.shown(key, counts[key]))
    return figures


def upcoming_national_meetings(limit: int = 5):
    """The national meetings still to come, for the national site (title, date and place)."""
    return list(
        Meeting.objects.filter(municipality__isnull=True, end__gte=timezone.now()).order_by(
            "start"
        )[:limit]
    )


def national_coordinators():
    return get_user_model().objects.filter(
        pk__in=NationalCoordinatorAssignment.objects.values("user_id"), is_active=True
    )


def submit_interest(form) -> InterestSubmission:
    """Store the submission and tell the national coordinators by e-mail after the commit."""
    with transaction.atomic():
        submission = form.save()
        transaction.on_commit(lambda: tell_coordinators(submission.pk))
    return submission


def tell_coordinators(submission_id: int) -> int:
    submission = InterestSubmission.objects.filter(pk=submission_id).first()
    if submission is None:
        return 0
    sent = 0
    for person in national_coordinators():
        # The mail names the organisation only; the person's details are on the site.
        sent += send_to_user(person, "national/email/interest", {"submission": submission})
    return sent


def mark_handled(submission: InterestSubmission, user, handled: bool = True) -> None:
    InterestSubmission.objects.filter(pk=submission.pk).update(
        handled_at=timezone.now() if handled else None, handled_by=user if handled else None
    )


def remove_old_submissions(days: int, now: datetime.datetime | None = None) -> int:
    """Retention: submissions received more than `days` ago go."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=days)
    deleted, _per_model = InterestSubmission.objects.filter(created_at__lt=cutoff).delete()
    return deleted


def new_submission_count() -> int:
    return InterestSubmission.objects.filter(handled_at__isnull=True).count()
