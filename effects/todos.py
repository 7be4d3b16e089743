"""The gangmaker's reminder for the effect questionnaire (accounts.todos): the baseline when a
street has none, and a yearly round once the calendar year has none. Two queries, whatever
the number of streets."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.todos import Todo
from streets.choices import MemberRole, MembershipStatus
from streets.models import StreetMembership

from .choices import RoundStatus
from .models import EffectRound


def effect_rounds_due(user):
    streets = dict(
        StreetMembership.objects.filter(
            user=user,
            role=MemberRole.GANGMAKER,
            status=MembershipStatus.APPROVED,
            street__live=True,
        ).values_list("street_id", "street__title")
    )
    if not streets:
        return
    year = timezone.localdate().year
    rounds: dict[int, set[int]] = {street_id: set() for street_id in streets}
    running = set()
    for street_id, round_year, status in EffectRound.objects.filter(
        street_id__in=streets
    ).values_list("street_id", "year", "status"):
        rounds[street_id].add(round_year)
        if status == RoundStatus.OPEN:
            running.add(street_id)
    for street_id, title in streets.items():
        years = rounds[street_id]
        if year in years or street_id in running:
            continue
        yield Todo(
            label=_("Start de nulmeting van de effectmeting")
            if not years
            else _("Tijd voor de jaarlijkse effectmeting"),
            url=reverse("effects:start", args=[street_id]),
            place=title,
            kind="effect_round",
            order=150,
        )
