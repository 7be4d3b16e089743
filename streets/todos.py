"""The street's part of the to-do list on the start page (accounts.todos).

`gangmaker_streets(user)` is the one question every app's provider starts from: the live
streets this person is an approved gangmaker of. The apps above streets (matching, pot,
insights) ask it too, so "gangmaker of" means the same on every line of the list.
"""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import ngettext

from accounts.todos import Todo

from .choices import MemberRole, MembershipStatus
from .models.roles import StreetMembership


def gangmaker_streets(user) -> dict[int, str]:
    """{street id: title} of the live streets `user` is an approved gangmaker of (1 query)."""
    if not user.is_authenticated:
        return {}
    return dict(
        StreetMembership.objects.filter(
            user=user,
            role=MemberRole.GANGMAKER,
            status=MembershipStatus.APPROVED,
            street__live=True,
        )
        .order_by("street__title")
        .values_list("street_id", "street__title")
    )


def waiting_applications(user):
    """Per street of this gangmaker: the applications waiting for a decision."""
    streets = gangmaker_streets(user)
    if not streets:
        return
    counts = (
        StreetMembership.objects.filter(street_id__in=streets, status=MembershipStatus.PENDING)
        .values("street_id")
        .annotate(count=Count("pk"))
    )
    for row in counts:
        count = row["count"]
        yield Todo(
            label=ngettext(
                "%(count)s aanmelding wacht op u", "%(count)s aanmeldingen wachten op u", count
            )
            % {"count": count},
            count=count,
            url=reverse("streets:members", args=[row["street_id"]]),
            place=streets[row["street_id"]],
            kind="applications",
            urgent=True,
            order=10,
        )
