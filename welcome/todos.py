"""The gangmakers' to-do: new neighbours to welcome (registered in WelcomeConfig.ready())."""

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import ngettext

from accounts.todos import Todo
from streets.choices import MemberRole, MembershipStatus
from streets.models import StreetMembership

from .models import Welcome


def welcomes_to_do(user):
    """One line per street the user is gangmaker of with open welcomes (two queries)."""
    streets = StreetMembership.objects.filter(
        user=user, role=MemberRole.GANGMAKER, status=MembershipStatus.APPROVED
    ).values("street_id")
    rows = (
        Welcome.objects.filter(street_id__in=streets, done_at__isnull=True)
        .values("street_id", "street__title")
        .annotate(n=Count("pk"))
        .order_by("street__title")
    )
    for row in rows:
        yield Todo(
            label=ngettext(
                "%(count)s nieuwe buur verwelkomen",
                "%(count)s nieuwe buren verwelkomen",
                row["n"],
            )
            % {"count": row["n"]},
            count=row["n"],
            url=reverse("welcome:list", args=[row["street_id"]]),
            place=row["street__title"],
            kind="welcome",
        )
