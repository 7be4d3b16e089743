"""The programme's lines on the to-do list: applications to take in, packs to send,
streets without a gangmaker, members who want to become gangmaker."""

from django.urls import reverse
from django.utils.translation import ngettext

from accounts.todos import Todo
from streets.choices import MemberRole, MembershipStatus
from streets.models import CoordinatorAssignment, StreetMembership, StreetPage

from .choices import ApplicationState, RequestStatus
from .models import GangmakerRequest, StarterPack, StreetApplication


def coordinator_todos(user):
    if not user.is_authenticated:
        return
    for assignment in CoordinatorAssignment.objects.filter(user=user).select_related(
        "municipality"
    ):
        home = assignment.municipality
        waiting = StreetApplication.objects.filter(
            municipality=home, state=ApplicationState.APPLIED
        ).count()
        if waiting:
            yield Todo(
                label=ngettext(
                    "%(count)s straat wil meedoen", "%(count)s straten willen meedoen", waiting
                )
                % {"count": waiting},
                count=waiting,
                url=reverse("programme:applications", args=[home.pk]),
                place=home.title,
                kind="street_applications",
                urgent=True,
            )
        unsent = StarterPack.objects.filter(
            street__path__startswith=home.path, sent_on__isnull=True
        ).count()
        if unsent:
            yield Todo(
                label=ngettext(
                    "%(count)s startpakket te versturen",
                    "%(count)s startpakketten te versturen",
                    unsent,
                )
                % {"count": unsent},
                count=unsent,
                url=reverse("programme:packs", args=[home.pk]),
                place=home.title,
                kind="starter_packs",
            )


def gangmaker_todos(user):
    if not user.is_authenticated:
        return
    streets = StreetMembership.objects.filter(
        user=user, role=MemberRole.GANGMAKER, status=MembershipStatus.APPROVED
    ).values("street")
    waiting = GangmakerRequest.objects.filter(
        status=RequestStatus.OPEN, membership__street__in=streets
    ).values_list("membership__street", flat=True)
    counts: dict[int, int] = {}
    for street_id in waiting:
        counts[street_id] = counts.get(street_id, 0) + 1
    titles = dict(StreetPage.objects.filter(pk__in=counts).values_list("pk", "title"))
    for street_id, count in counts.items():
        yield Todo(
            label=ngettext(
                "%(count)s buur wil gangmaker worden",
                "%(count)s buren willen gangmaker worden",
                count,
            )
            % {"count": count},
            count=count,
            url=reverse("programme:gangmaker_requests", args=[street_id]),
            place=titles.get(street_id, ""),
            kind="gangmaker_requests",
        )
