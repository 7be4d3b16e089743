"""Who may do what in a street. Every street-scoped view asks here, on the server.

`street_access()` answers for one user and one street from the person's roles, read in three
small queries and then kept in the per-person cache until a membership or assignment changes;
`street_view()` wraps a view so it gets the street and the answer, or a 403 / 404.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.models import Page

from accounts import usercache

from . import page_cache
from .choices import MemberRole, MembershipStatus
from .models.pages import StreetPage
from .models.roles import (
    CoordinatorAssignment,
    NationalCoordinatorAssignment,
    StreetMembership,
    WelzijnAssignment,
)

MEMBER = "member"
GANGMAKER = "gangmaker"
MANAGER = "manager"


@dataclass(frozen=True)
class StreetAccess:
    """What one user is in one street."""

    street: StreetPage
    membership: StreetMembership | None = None
    is_coordinator: bool = False
    is_welzijn: bool = False

    @property
    def is_member(self) -> bool:
        """An approved neighbour or gangmaker of this street: may see the members' area."""
        return self.membership is not None and self.membership.status == MembershipStatus.APPROVED

    @property
    def is_pending(self) -> bool:
        return self.membership is not None and self.membership.status == MembershipStatus.PENDING

    @property
    def is_gangmaker(self) -> bool:
        return self.is_member and self.membership.role == MemberRole.GANGMAKER

    @property
    def can_manage(self) -> bool:
        """Gangmakers of the street, and the municipality's coordinators (for handovers)."""
        return self.is_gangmaker or self.is_coordinator

    def allows(self, level: str) -> bool:
        return {
            MEMBER: self.is_member,
            GANGMAKER: self.is_gangmaker,
            MANAGER: self.can_manage,
        }[level]


def _below_any(page, paths) -> bool:
    return any(page.path.startswith(path) for path in paths)


@dataclass(frozen=True)
class Roles:
    """Everything one person is in the streets, as `street_access` and the two-factor rule ask
    it on every request: read in three queries, then kept in the per-person cache
    (accounts.usercache), which every membership or assignment change replaces."""

    memberships: dict[int, StreetMembership]
    coordinator_paths: tuple[str, ...]
    welzijn_paths: tuple[str, ...]
    is_national: bool = False


def _read_roles(user) -> Roles:
    memberships = {}
    for membership in StreetMembership.objects.filter(user=user):
        memberships[membership.street_id] = membership
    return Roles(
        memberships=memberships,
        coordinator_paths=tuple(
            CoordinatorAssignment.objects.filter(user=user).values_list(
                "municipality__path", flat=True
            )
        ),
        welzijn_paths=tuple(
            WelzijnAssignment.objects.filter(user=user).values_list(
                "neighbourhood__path", flat=True
            )
        ),
        is_national=NationalCoordinatorAssignment.objects.filter(user=user).exists(),
    )


def roles(user) -> Roles:
    """This person's memberships and assignments; nothing for an anonymous visitor."""
    if not user.is_authenticated:
        return Roles(memberships={}, coordinator_paths=(), welzijn_paths=())
    return usercache.cached(user, "street-roles", lambda: _read_roles(user))


def coordinator_paths(user) -> list[str]:
    """Tree paths of the municipalities this user coordinates."""
    return list(roles(user).coordinator_paths)


def welzijn_paths(user) -> list[str]:
    """Tree paths of the wijken this welzijn user is assigned to."""
    return list(roles(user).welzijn_paths)


def sees_more_than_one_street(user) -> bool:
    """Welzijn staff and (national) coordinators: their view spans streets, so they must use a second
    factor (registered with accounts.twofactor in StreetsConfig.ready())."""
    found = roles(user)
    return bool(found.coordinator_paths or found.welzijn_paths or found.is_national)


def is_national_coordinator(user) -> bool:
    """The national organisation: figures across municipalities and the interest forms, no
    street's personal data. Not a coordinator of any municipality by this role alone."""
    if not user.is_authenticated:
        return False
    # Its own cached answer (one small query when not cached): the start page asks it for
    # everyone, and most people's to-dos never need the whole of `roles()`.
    return usercache.cached(
        user,
        "national-coordinator",
        lambda: NationalCoordinatorAssignment.objects.filter(user=user).exists(),
    )


def is_coordinator_of(user, page) -> bool:
    """Superusers count as coordinators of every municipality."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or _below_any(page, coordinator_paths(user))


def is_welzijn_of(user, page) -> bool:
    return _below_any(page, welzijn_paths(user))


def street_access(user, street: StreetPage) -> StreetAccess:
    """What this person is in this street; from the per-person cache when nothing changed."""
    if not user.is_authenticated:
        return StreetAccess(street=street)
    found = roles(user)
    return StreetAccess(
        street=street,
        membership=found.memberships.get(street.pk),
        is_coordinator=user.is_superuser or _below_any(street, found.coordinator_paths),
        is_welzijn=_below_any(street, found.welzijn_paths),
    )


def _on_role_change(sender, instance, **kwargs) -> None:
    usercache.bump(instance.user_id)


def _on_page_move(sender, instance, **kwargs) -> None:
    """A moved municipality or wijk has new tree paths: its coordinators and welzijn staff
    (and those of every page below it) must read theirs again."""
    below = Page.objects.descendant_of(instance, inclusive=True)
    users = set(
        CoordinatorAssignment.objects.filter(municipality__in=below).values_list(
            "user_id", flat=True
        )
    ) | set(
        WelzijnAssignment.objects.filter(neighbourhood__in=below).values_list("user_id", flat=True)
    )
    usercache.bump(*users)


def connect_signals() -> None:
    """Called from StreetsConfig.ready(): a membership or assignment saved or deleted replaces
    that person's cached roles, so their next request sees the change."""
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import post_page_move

    for model in (
        StreetMembership,
        CoordinatorAssignment,
        WelzijnAssignment,
        NationalCoordinatorAssignment,
    ):
        for signal in (post_save, post_delete):
            signal.connect(_on_role_change, sender=model, dispatch_uid="street_roles")
    post_page_move.connect(_on_page_move, dispatch_uid="street_roles")


def street_view(level: str):
    """Decorate a view taking `street_id`: it is called as view(request, access, ...).

    Anonymous visitors are sent to the login page; a logged-in user without the level gets
    403; an unknown or unpublished street is a 404.
    """

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, street_id, *args, **kwargs):
            if request.method in ("GET", "HEAD"):
                # Reading pages take the street kept per street version (no query); a change
                # takes a fresh row, never a kept copy.
                street = page_cache.live_street(street_id)
                if street is None:
                    raise Http404
            else:
                street = get_object_or_404(StreetPage.objects.live(), pk=street_id)
            access = street_access(request.user, street)
            if not access.allows(level):
                raise PermissionDenied
            return view(request, access, *args, **kwargs)

        return wrapped

    return decorator
