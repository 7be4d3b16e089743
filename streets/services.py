"""Membership lifecycle and the Wagtail admin rights that follow from it.

Views call these; they hold the rules (who may join twice, what a decision does, who is told).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from accounts.mail import send_to_user

from .choices import JoinedVia, MemberRole, MembershipStatus
from .models.pages import StreetPage
from .models.roles import NationalCoordinatorAssignment, StreetMembership
from .safety.services import remove_for_leaver
from .signals import membership_approved

User = get_user_model()

PAGE_PERMISSIONS_FOR_GANGMAKERS = ("add_page", "change_page", "publish_page")
PAGE_PERMISSIONS_FOR_COORDINATORS = ("add_page", "change_page", "publish_page", "delete_page")
# National coordinators write the national newsletter: the national home page's subtree only.
PAGE_PERMISSIONS_FOR_NATIONAL_COORDINATORS = ("add_page", "change_page", "publish_page")
# In their street's image collection gangmakers upload photos (and edit their own) and choose
# any photo of it for the street's page and events; other streets' photos they do not see.
IMAGE_PERMISSIONS_FOR_GANGMAKERS = ("add_image", "choose_image")


class MembershipError(Exception):
    """A membership change that the rules do not allow; the message is for the user."""


@transaction.atomic
def apply_to_join(
    street: StreetPage, user, house_number: str, message: str = "", via: str = JoinedVia.WEBSITE
) -> StreetMembership:
    """Ask to join `street`. Applying again while pending or approved changes nothing."""
    membership, created = StreetMembership.objects.get_or_create(
        user=user,
        street=street,
        defaults={"house_number": house_number, "message": message, "joined_via": via},
    )
    if not created:
        if membership.status in (MembershipStatus.PENDING, MembershipStatus.APPROVED):
            return membership
        # Declined or left before: a new application, judged afresh.
        membership.status = MembershipStatus.PENDING
        membership.role = MemberRole.BEWONER
        membership.house_number = house_number
        membership.message = message
        membership.joined_via = via
        membership.created_at = timezone.now()
        membership.decided_at = membership.decided_by = None
        membership.decision_note = ""
        membership.save()
    transaction.on_commit(lambda: _tell_gangmakers_of_application(membership.pk))
    return membership


def _tell_gangmakers_of_application(membership_id: int) -> None:
    membership = StreetMembership.objects.select_related("street", "user").get(pk=membership_id)
    url = reverse("streets:members", args=[membership.street_id])
    for gangmaker in membership.street.gangmaker_memberships():
        send_to_user(
            gangmaker.user,
            "streets/email/application_received",
            {"membership": membership, "street": membership.street, "members_url": url},
        )


@transaction.atomic
def decide_membership(membership: StreetMembership, by, approve: bool, note: str = "") -> None:
    """Approve or decline a pending application; the applicant is told either way."""
    membership = StreetMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.status != MembershipStatus.PENDING:
        raise MembershipError(_("Over deze aanmelding is al besloten."))
    membership.status = MembershipStatus.APPROVED if approve else MembershipStatus.DECLINED
    membership.decided_by = by
    membership.decided_at = timezone.now()
    membership.decision_note = note
    membership.save()
    sync_admin_access(membership.user)
    if approve:
        membership_approved.send(sender=StreetMembership, membership=membership)
    template = (
        "streets/email/application_approved" if approve else "streets/email/application_declined"
    )
    transaction.on_commit(
        lambda: send_to_user(
            membership.user, template, {"membership": membership, "street": membership.street}
        )
    )


OFFLINE_GANGMAKER_NEEDS_ONLINE_ONE = gettext_lazy(
    "Een gangmaker heeft een e-mailadres nodig om in te loggen. Iemand zonder e-mail kan "
    "gangmaker zijn naast een gangmaker die wel inlogt; deze straat heeft die nog niet."
)


def can_log_in(user) -> bool:
    return bool(user.email) and not user.is_offline


def check_gangmaker(user, street: StreetPage) -> None:
    """The one rule for who may be a street's gangmaker (every way of appointing asks it).

    Someone who logs in always may. A neighbour without e-mail (an offline neighbour) may be
    gangmaker next to a gangmaker who logs in: they are the street's face at the door and on
    the phone, the other approves members and keeps the website. A street's only gangmaker
    needs an e-mail address, or nobody could approve its members.
    """
    if can_log_in(user):
        return
    online = (
        StreetMembership.objects.filter(
            street=street,
            role=MemberRole.GANGMAKER,
            status=MembershipStatus.APPROVED,
            user__is_offline=False,
            user__email__isnull=False,
        )
        .exclude(user=user)
        .exclude(user__email="")
    )
    if not online.exists():
        raise MembershipError(str(OFFLINE_GANGMAKER_NEEDS_ONLINE_ONE))


@transaction.atomic
def register_offline_neighbour(
    street: StreetPage,
    by,
    first_name: str,
    last_name: str,
    house_number: str,
    phone: str = "",
    role: str = MemberRole.BEWONER,
) -> StreetMembership:
    """A gangmaker adds a neighbour without e-mail: they can now be helped and can help.
    With role=gangmaker (starting a street) the gangmaker rule is asked first."""
    user = User.objects.create_user(
        email=None, first_name=first_name, last_name=last_name, phone=phone, is_offline=True
    )
    if role == MemberRole.GANGMAKER:
        check_gangmaker(user, street)
    membership = StreetMembership.objects.create(
        user=user,
        street=street,
        role=role,
        status=MembershipStatus.APPROVED,
        house_number=house_number,
        joined_via=JoinedVia.GANGMAKER,
        decided_by=by,
        decided_at=timezone.now(),
    )
    if role == MemberRole.GANGMAKER:
        sync_admin_access(user)
    return membership


@transaction.atomic
def appoint_gangmaker(street: StreetPage, user, by, house_number: str) -> StreetMembership:
    """Make `user` (with or without an account of their own) an approved gangmaker of
    `street`, a member or not before; the gangmaker rule is asked first."""
    check_gangmaker(user, street)
    membership, created = StreetMembership.objects.get_or_create(
        user=user,
        street=street,
        defaults={
            "role": MemberRole.GANGMAKER,
            "status": MembershipStatus.APPROVED,
            "house_number": house_number or "?",
            "joined_via": JoinedVia.GANGMAKER,
            "decided_by": by,
            "decided_at": timezone.now(),
        },
    )
    if not created:
        membership.role = MemberRole.GANGMAKER
        membership.status = MembershipStatus.APPROVED
        membership.save(update_fields=["role", "status"])
    sync_admin_access(user)
    return membership


@transaction.atomic
def set_role(membership: StreetMembership, role: str, by) -> None:
    """Make an approved member gangmaker, or a gangmaker bewoner again (coordinators do this)."""
    if membership.status != MembershipStatus.APPROVED:
        raise MembershipError(_("Alleen leden van de straat kunnen gangmaker worden."))
    if role == MemberRole.GANGMAKER:
        check_gangmaker(membership.user, membership.street)
    membership.role = role
    membership.save(update_fields=["role"])
    sync_admin_access(membership.user)


@transaction.atomic
def leave_street(membership: StreetMembership) -> None:
    """The member leaves; their posts and the pot's ledger keep their history. Their spare
    keys and emergency contacts in this street are deleted (they are no longer looked after
    here)."""
    remove_for_leaver(membership.user, membership.street)
    membership.status = MembershipStatus.LEFT
    membership.role = MemberRole.BEWONER
    membership.save(update_fields=["status", "role"])
    sync_admin_access(membership.user)


def _page_group(page: Page, label: str, codenames) -> Group:
    """The group that may edit `page` and its subtree in the Wagtail admin (one per page)."""
    # Found by the page id at the end of the name, so renaming the page keeps the group.
    group = Group.objects.filter(
        name__startswith=f"{label}: ", name__endswith=f"(#{page.pk})"
    ).first() or Group.objects.create(name=f"{label}: {page.title[:100]} (#{page.pk})")
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    group.permissions.add(access_admin)
    for codename in codenames:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    return group


def street_collection(street: StreetPage) -> Collection:
    """The street's own Wagtail image collection (one per street, made when first needed)."""
    # Found by the street's id at the end of the name, so renaming the street keeps it.
    found = Collection.objects.filter(name__endswith=f"(#{street.pk})").first()
    if found is not None:
        return found
    root = Collection.get_first_root_node()
    return root.add_child(name=f"Straat: {street.title[:200]} (#{street.pk})")


def street_admin_group(street: StreetPage) -> Group:
    """The street's gangmakers in the admin: its pages, and the photos of its collection."""
    group = _page_group(street, "Gangmakers", PAGE_PERMISSIONS_FOR_GANGMAKERS)
    collection = street_collection(street)
    for codename in IMAGE_PERMISSIONS_FOR_GANGMAKERS:
        GroupCollectionPermission.objects.get_or_create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(
                content_type__app_label="wagtailimages", codename=codename
            ),
        )
    return group


def municipality_admin_group(home: Page) -> Group:
    return _page_group(home, "Coördinatoren", PAGE_PERMISSIONS_FOR_COORDINATORS)


def national_admin_groups() -> list[Group]:
    """The national coordinators' admin group of each national home page (normally one).

    Found by content type: the national app sits above streets, so streets does not import it.
    """
    homes = Page.objects.filter(
        content_type__app_label="national", content_type__model="nationalhomepage"
    )
    return [
        _page_group(home, "Landelijk", PAGE_PERMISSIONS_FOR_NATIONAL_COORDINATORS) for home in homes
    ]


def sync_admin_access(user) -> None:
    """Put `user` in exactly the admin groups their gangmaker and coordinator roles give.

    A gangmaker edits their own street's page and events in the Wagtail admin, nothing else;
    a coordinator edits their municipality's tree; a national coordinator the national home
    page's subtree (the national newsletter), never a municipality's.
    """
    wanted = {
        street_admin_group(m.street).pk
        for m in StreetMembership.objects.filter(
            user=user, role=MemberRole.GANGMAKER, status=MembershipStatus.APPROVED
        ).select_related("street")
    }
    wanted |= {
        municipality_admin_group(a.municipality).pk
        for a in user.coordinator_assignments.select_related("municipality")
    }
    if NationalCoordinatorAssignment.objects.filter(user=user).exists():
        wanted |= {group.pk for group in national_admin_groups()}
    managed = Group.objects.filter(
        name__regex=r"^(Gangmakers|Coördinatoren|Landelijk): .* \(#\d+\)$"
    )
    current = set(user.groups.filter(pk__in=managed).values_list("pk", flat=True))
    user.groups.remove(*(current - wanted))
    user.groups.add(*(wanted - current))


def _on_national_assignment_change(sender, instance, **kwargs) -> None:
    """A national coordinator appointed or removed gets or loses the national admin group."""
    user = User.objects.filter(pk=instance.user_id).first()
    if user is not None:
        sync_admin_access(user)


def connect_signals() -> None:
    """Called from StreetsConfig.ready()."""
    from django.db.models.signals import post_delete, post_save

    for signal in (post_save, post_delete):
        signal.connect(
            _on_national_assignment_change,
            sender=NationalCoordinatorAssignment,
            dispatch_uid="national_admin_access",
        )
