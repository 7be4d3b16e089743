"""What the board pages read: the members' board, one's own posts, the moderation queue and
the public counts. Every list is a fixed number of queries, however many posts a street has.
"""

import json
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, TextField
from django.db.models.functions import Cast

from matching.choices import Category
from matching.models import HelpPost, ModerationLog, PostKind, PostReport, PostStatus, ReportStatus
from streets.choices import MembershipStatus
from streets.models import StreetMembership, StreetPage


def _approved_membership(user_field: str = "author"):
    return StreetMembership.objects.filter(
        user=OuterRef(user_field), street=OuterRef("street"), status=MembershipStatus.APPROVED
    )


def with_board_details(posts: QuerySet) -> QuerySet:
    """Everything a post card shows, in the same query: the detail row, names, house number."""
    return posts.select_related("helpoffer", "helprequest", "author", "posted_by").annotate(
        author_house_number=Subquery(
            StreetMembership.objects.filter(
                user=OuterRef("author"), street=OuterRef("street")
            ).values("house_number")[:1]
        )
    )


BOARD_PAGE_SIZE = 30

# What a card on the board and a member's own post show. The board reads only these: whole rows
# of five tables cost more in Python than the query itself. A template that shows another field
# costs a query per card, which the constant-query tests catch.
CARD_FIELDS = (
    "street_id",
    "author_id",
    "posted_by_id",
    "kind",
    "status",
    "description",
    "valid_until",
    "moderation_note",
    "opened_at",
    "created_at",
    "author__first_name",
    "posted_by__first_name",
    "helpoffer__categories",
    "helpoffer__availability",
    "helpoffer__capacity",
    "helprequest__category",
    "helprequest__needed_on",
    "helprequest__when_slots",
    "helprequest__urgency",
)


def _as_cards(posts: QuerySet) -> QuerySet:
    return posts.select_related("helpoffer", "helprequest", "author", "posted_by").only(
        *CARD_FIELDS
    )


def _with_house_number(posts: QuerySet, **membership) -> QuerySet:
    """Posts whose author is a member of the post's street (with `membership`'s conditions on
    that membership), with the author's house number there.

    A join on the author's membership (one per street and user) instead of an EXISTS and a
    subquery: the same rows, and the house number comes along. The conditions go in the same
    filter() as the join, so they apply to that one membership.
    """
    conditions = {f"author__memberships__{name}": value for name, value in membership.items()}
    return posts.filter(author__memberships__street=F("street"), **conditions).annotate(
        author_house_number=F("author__memberships__house_number")
    )


def _on_board(street: StreetPage) -> QuerySet:
    """Open posts of the street's approved members, with the author's house number."""
    return _with_house_number(
        HelpPost.objects.filter(street=street, status=PostStatus.OPEN),
        status=MembershipStatus.APPROVED,
    )


def board_posts(street: StreetPage) -> QuerySet:
    """Open posts of the street's current members, newest first (the members' board)."""
    return _as_cards(_on_board(street)).order_by("-opened_at", "-pk")


@dataclass(frozen=True)
class BoardPage:
    """One page of the members' board, newest first, split by kind.

    The counts are the whole board's, so a page without requests can still tell "nobody asks"
    from "not on this page".
    """

    page: Page
    requests: list[HelpPost]
    offers: list[HelpPost]
    request_count: int
    offer_count: int


def board_page(street: StreetPage, number) -> BoardPage:
    """Page `number` (anything; a wrong one gives the first or last) of the board: two queries."""
    counts = _on_board(street).aggregate(
        requests=Count("pk", filter=Q(kind=PostKind.REQUEST)),
        offers=Count("pk", filter=Q(kind=PostKind.OFFER)),
    )
    paginator = Paginator(board_posts(street), BOARD_PAGE_SIZE)
    # The paginator would count the same rows once more.
    paginator.count = counts["requests"] + counts["offers"]
    page = paginator.get_page(number)
    posts = list(page.object_list)
    return BoardPage(
        page=page,
        requests=[p for p in posts if p.kind == PostKind.REQUEST],
        offers=[p for p in posts if p.kind == PostKind.OFFER],
        request_count=counts["requests"],
        offer_count=counts["offers"],
    )


def own_posts(street: StreetPage, user) -> QuerySet:
    """The user's own posts in this street in every state except withdrawn and closed."""
    return _as_cards(
        _with_house_number(
            HelpPost.objects.filter(street=street, author=user).exclude(
                status__in=(PostStatus.WITHDRAWN, PostStatus.CLOSED)
            )
        )
    ).order_by("-created_at", "-pk")


def offline_neighbours_posts(street: StreetPage) -> QuerySet:
    """Posts of neighbours who are not online, which their gangmakers look after."""
    return _as_cards(
        with_board_details(
            HelpPost.objects.filter(street=street, author__is_offline=True).exclude(
                status__in=(PostStatus.WITHDRAWN, PostStatus.CLOSED)
            )
        )
    ).order_by("-created_at", "-pk")


def open_help_counts(street: StreetPage) -> dict[str, list[tuple[str, int]]]:
    """How many neighbours offer and ask help per category, for the public street page.

    Counts people, not posts, and only open posts. One query: offers' category lists and
    requests' single category are read as text side by side (a UNION), then counted here.
    """
    on_board = HelpPost.objects.filter(street=street, status=PostStatus.OPEN).filter(
        Exists(_approved_membership())
    )
    offers = (
        on_board.filter(kind=PostKind.OFFER)
        .annotate(cats=Cast("helpoffer__categories", TextField()))
        .values_list("kind", "author_id", "cats")
        .order_by()
    )
    requests = (
        on_board.filter(kind=PostKind.REQUEST)
        .annotate(cats=Cast("helprequest__category", TextField()))
        .values_list("kind", "author_id", "cats")
        .order_by()
    )
    people = defaultdict(set)
    for kind, author_id, cats in offers.union(requests, all=True).order_by():
        for category in json.loads(cats) if kind == PostKind.OFFER else [cats]:
            people[(kind, category)].add(author_id)
    result = {}
    for kind in PostKind.values:
        counted = Counter({c: len(people[(kind, c)]) for c in Category.values})
        result[kind] = [(str(Category(c).label), n) for c, n in counted.most_common() if n]
    return result


def moderation_queue(street: StreetPage) -> dict:
    """What the gangmakers look at: waiting posts, open reports, hidden posts, the log."""
    pending = with_board_details(
        HelpPost.objects.filter(street=street, status=PostStatus.PENDING)
    ).order_by("created_at", "pk")
    reports = (
        PostReport.objects.filter(post__street=street, status=ReportStatus.OPEN)
        .select_related("reporter", "post", "post__author", "post__helpoffer", "post__helprequest")
        .order_by("created_at", "pk")
    )
    hidden = with_board_details(
        HelpPost.objects.filter(street=street, status=PostStatus.HIDDEN)
    ).order_by("-updated_at", "-pk")
    log = ModerationLog.objects.filter(street=street).select_related(
        "actor", "post", "post__author"
    )[:50]
    return {"pending": pending, "reports": reports, "hidden": hidden, "log": log}
