"""Who may do what in a street. Every street-scoped view asks here, on the server.

`street_access()` answers for one user and one street in at most three small queries;
`street_view()` wraps a view so it gets the street and the answer, or a 403 / 404.
"""

from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from .choices import MemberRole, MembershipStatus
from .models.pages import StreetPage
from .models.roles import CoordinatorAssignment, StreetMembership, WelzijnAssignment

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


def coordinator_paths(user) -> list[str]:
    """Tree paths of the municipalities this user coordinates."""
    if not user.is_authenticated:
        return []
    return list(
        CoordinatorAssignment.objects.filter(user=user).values_list("municipality__path", flat=True)
    )


def welzijn_paths(user) -> list[str]:
    """Tree paths of the wijken this welzijn user is assigned to."""
    if not user.is_authenticated:
        return []
    return list(
        WelzijnAssignment.objects.filter(user=user).values_list("neighbourhood__path", flat=True)
    )


def sees_more_than_one_street(user) -> bool:
    """Welzijn staff and coordinators: their view spans streets, so they must use a second
    factor (registered with accounts.twofactor in StreetsConfig.ready())."""
    return (
        WelzijnAssignment.objects.filter(user=user).exists()
        or CoordinatorAssignment.objects.filter(user=user).exists()
    )


def is_coordinator_of(user, page) -> bool:
    """Superusers count as coordinators of every municipality."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or _below_any(page, coordinator_paths(user))


def is_welzijn_of(user, page) -> bool:
    return _below_any(page, welzijn_paths(user))


def street_access(user, street: StreetPage) -> StreetAccess:
    if not user.is_authenticated:
        return StreetAccess(street=street)
    membership = StreetMembership.objects.filter(user=user, street=street).first()
    return StreetAccess(
        street=street,
        membership=membership,
        is_coordinator=is_coordinator_of(user, street),
        is_welzijn=is_welzijn_of(user, street),
    )


def street_view(level: str):
    """Decorate a view taking `street_id`: it is called as view(request, access, ...).

    Anonymous visitors are sent to the login page; a logged-in user without the level gets
    403; an unknown or unpublished street is a 404.
    """

    def decorator(view):
        @wraps(view)
        @login_required
        def wrapped(request, street_id, *args, **kwargs):
            street = get_object_or_404(StreetPage.objects.live(), pk=street_id)
            access = street_access(request.user, street)
            if not access.allows(level):
                raise PermissionDenied
            return view(request, access, *args, **kwargs)

        return wrapped

    return decorator
