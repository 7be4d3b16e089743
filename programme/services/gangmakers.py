"""“Ik wil gangmaker worden”, and the streets that have no gangmaker left."""

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.mail import send_to_user
from pot.services import municipality_of
from programme.choices import RequestStatus
from programme.models import GangmakerRequest
from streets.choices import MemberRole, MembershipStatus
from streets.models import StreetMembership, StreetPage
from streets.services import MembershipError, set_role

from .applications import ApplicationError
from .mail import tell_coordinators


def streets_without_gangmaker(municipality):
    """Live streets of the municipality where no approved gangmaker is left."""
    has_gangmaker = StreetMembership.objects.filter(
        street=OuterRef("pk"), role=MemberRole.GANGMAKER, status=MembershipStatus.APPROVED
    )
    return (
        StreetPage.objects.live()
        .descendant_of(municipality)
        .filter(~Exists(has_gangmaker))
        .order_by("title")
    )


def open_gangmaker_requests(streets):
    return (
        GangmakerRequest.objects.filter(status=RequestStatus.OPEN, membership__street__in=streets)
        .select_related("membership__user", "membership__street")
        .order_by("created_at")
    )


@transaction.atomic
def request_to_become_gangmaker(membership: StreetMembership, motivation: str = ""):
    membership = StreetMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.status != MembershipStatus.APPROVED:
        raise ApplicationError(_("Alleen leden van de straat kunnen gangmaker worden."))
    if membership.role == MemberRole.GANGMAKER:
        raise ApplicationError(_("U bent al gangmaker van deze straat."))
    if membership.user.is_offline or not membership.user.email:
        raise ApplicationError(_("Een gangmaker heeft een e-mailadres nodig om in te loggen."))
    try:
        with transaction.atomic():
            request = GangmakerRequest.objects.create(
                membership=membership, motivation=motivation.strip()
            )
    except IntegrityError:
        raise ApplicationError(
            _("U heeft dit al gevraagd; de gangmakers en de coördinator beslissen erover.")
        ) from None
    request_id = request.pk
    transaction.on_commit(lambda: _tell_deciders(request_id))
    return request


def _tell_deciders(request_id: int) -> None:
    request = GangmakerRequest.objects.select_related("membership__street", "membership__user").get(
        pk=request_id
    )
    street = request.membership.street
    context = {
        "request": request,
        "street": street,
        "decide_url": reverse("programme:gangmaker_requests", args=[street.pk]),
    }
    for gangmaker in street.gangmaker_memberships():
        send_to_user(gangmaker.user, "programme/email/gangmaker_request", context)
    municipality = municipality_of(street)
    if municipality is not None:
        tell_coordinators(municipality, "programme/email/gangmaker_request", context)


@transaction.atomic
def decide_gangmaker_request(request: GangmakerRequest, by, approve: bool) -> GangmakerRequest:
    request = (
        GangmakerRequest.objects.select_for_update()
        .select_related("membership__user", "membership__street")
        .get(pk=request.pk)
    )
    if request.status != RequestStatus.OPEN:
        raise ApplicationError(_("Over dit verzoek is al besloten."))
    if approve:
        try:
            set_role(request.membership, MemberRole.GANGMAKER, by)
        except MembershipError as error:
            raise ApplicationError(str(error)) from None
    request.status = RequestStatus.APPROVED if approve else RequestStatus.DECLINED
    request.decided_by = by
    request.decided_at = timezone.now()
    request.save(update_fields=["status", "decided_by", "decided_at"])
    template = (
        "programme/email/gangmaker_request_approved"
        if approve
        else "programme/email/gangmaker_request_declined"
    )
    user, street = request.membership.user, request.membership.street
    transaction.on_commit(lambda: send_to_user(user, template, {"street": street}))
    return request
