"""The board's part of the to-do list on the start page (accounts.todos).

Two providers: what a gangmaker has to do on their streets' boards (posts waiting for
moderation, reports, requests without a helper), and what any member has to do about their own
help (a proposal to answer, a helper to make an appointment with) or may want to see (their
posts on the board, a post that expired). A few grouped queries each, whatever the number of
streets; nothing is changed.
"""

from django.db.models import Count, Exists, OuterRef
from django.urls import reverse
from django.utils.translation import ngettext

from accounts.todos import Todo
from streets.choices import MembershipStatus
from streets.models import StreetMembership
from streets.todos import gangmaker_streets

from .models import (
    LIVE_STATUSES,
    HelpPost,
    HelpRequest,
    Match,
    MatchStatus,
    PostReport,
    PostStatus,
    ReportStatus,
)


def _per_street(queryset, street_field: str = "street_id") -> dict[int, int]:
    return {
        row[street_field]: row["count"]
        for row in queryset.values(street_field).annotate(count=Count("pk")).order_by()
    }


def board_todos(user):
    """Per street of this gangmaker: moderation, reports and requests still without a helper."""
    streets = gangmaker_streets(user)
    if not streets:
        return
    pending = _per_street(HelpPost.objects.filter(street_id__in=streets, status=PostStatus.PENDING))
    reports = _per_street(
        PostReport.objects.filter(post__street_id__in=streets, status=ReportStatus.OPEN),
        "post__street_id",
    )
    live = Match.objects.filter(request_id=OuterRef("pk"), status__in=LIVE_STATUSES)
    unmatched = _per_street(
        HelpRequest.objects.filter(street_id__in=streets, status=PostStatus.OPEN).exclude(
            Exists(live)
        )
    )
    for street_id, title in streets.items():
        moderation = reverse("matching:moderation", args=[street_id])
        if count := pending.get(street_id):
            yield Todo(
                label=ngettext(
                    "%(count)s bericht wacht op goedkeuring",
                    "%(count)s berichten wachten op goedkeuring",
                    count,
                )
                % {"count": count},
                count=count,
                url=moderation,
                place=title,
                kind="moderation",
                urgent=True,
                order=20,
            )
        if count := reports.get(street_id):
            yield Todo(
                label=ngettext(
                    "%(count)s melding over een bericht",
                    "%(count)s meldingen over berichten",
                    count,
                )
                % {"count": count},
                count=count,
                url=moderation,
                place=title,
                kind="reports",
                urgent=True,
                order=30,
            )
        if count := unmatched.get(street_id):
            yield Todo(
                label=ngettext(
                    "%(count)s hulpvraag nog zonder helper",
                    "%(count)s hulpvragen nog zonder helper",
                    count,
                )
                % {"count": count},
                count=count,
                url=reverse("matching:match_overview", args=[street_id]),
                place=title,
                kind="unmatched",
                order=50,
            )


def my_help_todos(user):
    """A member's own help, per street they belong to: proposals, helpers, their posts."""
    streets = dict(
        StreetMembership.objects.filter(
            user=user, status=MembershipStatus.APPROVED, street__live=True
        ).values_list("street_id", "street__title")
    )
    if not streets:
        return
    to_answer = _per_street(
        Match.objects.filter(street_id__in=streets, offer__author=user, status=MatchStatus.PROPOSED)
    )
    to_confirm = _per_street(
        Match.objects.filter(
            street_id__in=streets, request__author=user, status=MatchStatus.ACCEPTED
        )
    )
    posts = (
        HelpPost.objects.filter(
            street_id__in=streets,
            author=user,
            status__in=[PostStatus.OPEN, PostStatus.PENDING, PostStatus.EXPIRED],
        )
        .values("street_id", "status")
        .annotate(count=Count("pk"))
        .order_by()
    )
    by_status = {(row["street_id"], row["status"]): row["count"] for row in posts}
    for street_id, title in streets.items():
        my_help = reverse("matching:my_help", args=[street_id])
        board = reverse("matching:board", args=[street_id])
        if count := to_answer.get(street_id):
            yield Todo(
                label=ngettext(
                    "%(count)s buur vraagt of u kunt helpen",
                    "%(count)s buren vragen of u kunt helpen",
                    count,
                )
                % {"count": count},
                count=count,
                url=my_help,
                place=title,
                kind="proposals",
                urgent=True,
                order=15,
            )
        if count := to_confirm.get(street_id):
            yield Todo(
                label=ngettext(
                    "%(count)s helper zegt ja: spreek samen af",
                    "%(count)s helpers zeggen ja: spreek samen af",
                    count,
                )
                % {"count": count},
                count=count,
                url=my_help,
                place=title,
                kind="helper_found",
                urgent=True,
                order=16,
            )
        if count := by_status.get((street_id, PostStatus.EXPIRED)):
            yield Todo(
                label=ngettext(
                    "%(count)s bericht van u is verlopen: verlengen?",
                    "%(count)s berichten van u zijn verlopen: verlengen?",
                    count,
                )
                % {"count": count},
                count=count,
                url=board,
                place=title,
                kind="my_expired_posts",
                order=80,
            )
        count = by_status.get((street_id, PostStatus.OPEN), 0) + by_status.get(
            (street_id, PostStatus.PENDING), 0
        )
        if count:
            yield Todo(
                label=ngettext(
                    "%(count)s bericht van u op het prikbord",
                    "%(count)s berichten van u op het prikbord",
                    count,
                )
                % {"count": count},
                count=count,
                url=board,
                place=title,
                kind="my_posts",
                order=90,
            )
