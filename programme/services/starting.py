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
from streets.choices import MemberRole
from streets.models import NeighbourhoodPage, StreetPage
from streets.services import MembershipError, appoint_gangmaker, register_offline_neighbour

from .applications import ApplicationError
from .mail import send_to_applicant

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
    """Make the candidate gangmaker of `street` by the streets app's rule. Returns
    (user, invited)."""
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
                # The new account starts in the language the applicant used (when not the
                # default): the invitation and every later mail are written in it, until the
                # gangmaker chooses. Dutch stays empty, "not chosen yet", like a new account.
                language="" if candidate.language == settings.LANGUAGE_CODE else candidate.language,
            )
            invited = True
        appoint_gangmaker(street, user, by, candidate.house_number)
    else:
        # No e-mail: an offline gangmaker, next to a candidate who logs in (appointed first).
        membership = register_offline_neighbour(
            street,
            by,
            first_name,
            last_name,
            candidate.house_number or "?",
            phone=candidate.phone,
            role=MemberRole.GANGMAKER,
        )
        user = membership.user
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
    # Candidates with e-mail first: the streets app lets someone without one be gangmaker
    # only next to a gangmaker who logs in.
    for candidate in sorted(application.candidates.all(), key=lambda c: (not c.email, c.pk)):
        try:
            user, invited = _appoint(candidate, street, by)
        except MembershipError as error:
            raise ApplicationError(
                _(
                    "%(name)s heeft geen e-mailadres en geen van de kandidaten kan inloggen. "
                    "Een straat heeft minstens één gangmaker met een e-mailadres nodig: meld "
                    "de straat nog eens aan met het e-mailadres van een kandidaat (die "
                    "aanmelding voegt zich bij deze)."
                )
                % {"name": candidate.name}
            ) from error
        if user.email:
            invitations.append((user.pk, invited, candidate.language))

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
        if send_to_applicant(applicant, "programme/email/street_started", context):
            applicant.told_started_at = timezone.now()
            applicant.save(update_fields=["told_started_at"])
    for user_id, invited, language in invitations:
        user = User.objects.get(pk=user_id)
        if not user.language:
            # An account that never chose a language is written to in the one the applicant
            # used for them (only for this mail: the account's setting stays theirs to make).
            user.language = language
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
