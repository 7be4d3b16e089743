"""“Straat starten”: from an application to a live Lief & Leedstraat, in one transaction.

Safe to click twice and safe when two coordinators click at once: the application's row is
locked first (`select_for_update`; on SQLite the project's IMMEDIATE transactions take the
write lock at BEGIN), and a started application keeps its street, which is then returned.
The application's one-to-one link to its street is the database's guard on top of that.
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.mail import send_to_user
from pot.models import PotSettings
from pot.services import open_pot
from programme.choices import OPEN_STATES, ApplicationState
from programme.models import GangmakerCandidate, StarterPack, StateChange, StreetApplication
from streets.choices import JoinedVia, MemberRole, MembershipStatus
from streets.models import NeighbourhoodPage, StreetMembership, StreetPage
from streets.services import sync_admin_access

from .applications import ApplicationError
from .mail import send_to_address

User = get_user_model()


def _unique_slug(parent, title: str) -> str:
    base = slugify(title)[:200] or "straat"
    slug, n = base, 1
    siblings = set(parent.get_children().values_list("slug", flat=True))
    while slug in siblings:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _wijk(application: StreetApplication, wijk, new_wijk_name: str) -> NeighbourhoodPage:
    home = application.municipality
    if wijk is not None:
        if not wijk.path.startswith(home.path):
            raise ApplicationError(_("Die wijk hoort niet bij deze gemeente."))
        return wijk
    name = new_wijk_name.strip()
    if not name:
        raise ApplicationError(_("Kies een wijk, of vul de naam van een nieuwe wijk in."))
    existing = NeighbourhoodPage.objects.child_of(home).filter(title__iexact=name).first()
    if existing is not None:
        return existing
    new = NeighbourhoodPage(title=name, slug=_unique_slug(home, name))
    home.add_child(instance=new)
    new.save_revision().publish()
    return new


def _split_name(name: str) -> tuple[str, str]:
    first, _space, rest = name.strip().partition(" ")
    return first[:150], rest[:150]


def _appoint(candidate: GangmakerCandidate, street: StreetPage, by) -> tuple[object, bool]:
    """Make the candidate gangmaker of `street`. Returns (user, invited)."""
    first_name, last_name = _split_name(candidate.name)
    invited = False
    if candidate.email:
        user = User.objects.filter(email__iexact=candidate.email).first()
        if user is None:
            user = User.objects.create_user(
                email=candidate.email,
                password=None,
                first_name=first_name,
                last_name=last_name,
                phone=candidate.phone,
            )
            invited = True
    else:
        # No e-mail: an offline gangmaker, as the streets app keeps neighbours who are not online.
        user = User.objects.create_user(
            email=None,
            first_name=first_name,
            last_name=last_name,
            phone=candidate.phone,
            is_offline=True,
        )
    membership, created = StreetMembership.objects.get_or_create(
        user=user,
        street=street,
        defaults={
            "role": MemberRole.GANGMAKER,
            "status": MembershipStatus.APPROVED,
            "house_number": candidate.house_number or "?",
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
    candidate.user = user
    candidate.invited_at = timezone.now() if invited else None
    candidate.save(update_fields=["user", "invited_at"])
    return user, invited


@transaction.atomic
def start_street(
    application: StreetApplication,
    by,
    *,
    wijk=None,
    new_wijk_name: str = "",
    title: str = "",
    postcodes: str = "",
    year: int | None = None,
) -> tuple[StreetPage, bool]:
    """Start the street of `application`. Returns (street, created); a second call returns
    the street the first made and changes nothing."""
    application = (
        StreetApplication.objects.select_for_update()
        .select_related("municipality")
        .get(pk=application.pk)
    )
    if application.street_id is not None:
        return StreetPage.objects.get(pk=application.street_id), False
    if application.state not in OPEN_STATES:
        raise ApplicationError(
            _("Deze aanmelding staat op “niet gestart”. Zet hem eerst terug op “aangemeld”.")
        )
    home = application.municipality
    parent = _wijk(application, wijk, new_wijk_name)
    title = (title or application.street_name).strip()
    street = StreetPage(
        title=title, slug=_unique_slug(parent, title), postcodes=postcodes or application.postcodes
    )
    parent.add_child(instance=street)
    street.save_revision(user=by).publish(user=by)

    invitations = []
    for candidate in application.candidates.all():
        user, invited = _appoint(candidate, street, by)
        if user.email:
            invitations.append((user.pk, invited))

    year = year or timezone.localdate().year
    open_pot(street, year, PotSettings.for_municipality(home))
    gangmaker_names = ", ".join(c.name for c in application.candidates.all())
    StarterPack.objects.get_or_create(
        street=street, year=year, defaults={"recipient": gangmaker_names[:200]}
    )

    now = timezone.now()
    StateChange.objects.create(
        application=application,
        from_state=application.state,
        to_state=ApplicationState.STARTED,
        by=by,
        at=now,
    )
    application.street = street
    application.state = ApplicationState.STARTED
    application.state_reason = ""
    application.state_changed_at = now
    application.started_at = now
    application.handled_by = by
    if application.wijk_id is None:
        application.wijk = parent
    application.save()

    application_id, street_id = application.pk, street.pk
    transaction.on_commit(lambda: _tell_of_start(application_id, street_id, invitations))
    return street, True


def invitation_link(user) -> str:
    """The password-setting link of Django's password reset, valid for PASSWORD_RESET_TIMEOUT."""
    return reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )


def _tell_of_start(application_id: int, street_id: int, invitations) -> None:
    application = StreetApplication.objects.get(pk=application_id)
    street = StreetPage.objects.get(pk=street_id)
    context = {"application": application, "street": street}
    for applicant in application.applicants.filter(told_started_at__isnull=True):
        if send_to_address(
            applicant.email, applicant.name, "programme/email/street_started", context
        ):
            applicant.told_started_at = timezone.now()
            applicant.save(update_fields=["told_started_at"])
    for user_id, invited in invitations:
        user = User.objects.get(pk=user_id)
        if invited:
            send_to_user(
                user,
                "programme/email/gangmaker_invitation",
                {
                    **context,
                    "link": invitation_link(user),
                    "valid_days": datetime.timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT).days,
                },
            )
        else:
            send_to_user(user, "programme/email/gangmaker_appointed", context)
