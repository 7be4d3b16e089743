"""Care signals on the start page's to-do list (accounts.todos).

A gangmaker sees, per street, the signals they raised that welzijn answered lately (taken in
hand or closed with a message); welzijn staff see the new signals of their wijken that nobody
took in hand yet. Counts and links only: what a signal is about stays on its own page.
"""

from datetime import timedelta

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import ngettext

from accounts.todos import Todo
from streets.todos import gangmaker_streets

from .choices import SignalStatus
from .models import CareSignal
from .services import signals_for_staff

# How long an answer from welzijn stays on the gangmaker's list.
ANSWERED_RECENTLY = timedelta(days=14)


def answered_signals(user):
    """Per street: signals this gangmaker raised that welzijn answered in the last 14 days."""
    streets = gangmaker_streets(user)
    if not streets:
        return
    since = timezone.now() - ANSWERED_RECENTLY
    answered = (
        CareSignal.objects.filter(street_id__in=streets, raised_by=user)
        .filter(
            Q(status=SignalStatus.ACKNOWLEDGED, acknowledged_at__gte=since)
            | Q(status=SignalStatus.CLOSED, closed_at__gte=since)
        )
        .values("street_id")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in answered:
        count = row["count"]
        yield Todo(
            label=ngettext(
                "%(count)s zorgsignaal beantwoord door welzijn",
                "%(count)s zorgsignalen beantwoord door welzijn",
                count,
            )
            % {"count": count},
            count=count,
            url=reverse("insights:my_signals", args=[row["street_id"]]),
            place=streets[row["street_id"]],
            kind="signals_answered",
            order=60,
        )


def new_signals(user):
    """Welzijn staff: the signals of their wijken that nobody has taken in hand yet."""
    count = signals_for_staff(user).filter(status=SignalStatus.OPEN).count()
    if count:
        yield Todo(
            label=ngettext(
                "%(count)s nieuw zorgsignaal, nog niet in behandeling",
                "%(count)s nieuwe zorgsignalen, nog niet in behandeling",
                count,
            )
            % {"count": count},
            count=count,
            url=reverse("insights:staff_signals"),
            kind="new_signals",
            urgent=True,
            order=10,
        )
