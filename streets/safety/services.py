"""Who may read and change a safety net, and every change to one. Views call these.

Readers: the person, the street's gangmakers and a neighbour who holds a spare key of the
home (while they are a member of the street). Editors: the person and the gangmakers (who
act for a neighbour who is not online). Coordinators and welzijn staff are neither.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..choices import MembershipStatus
from ..models.pages import StreetPage
from ..models.roles import StreetMembership
from ..permissions import StreetAccess
from .choices import ReadPurpose, SafetyConsentMethod
from .models import EmergencyContact, SafetyNet, SafetyNetRead, SpareKey


class SafetyNetError(Exception):
    """A change the rules do not allow; the message is for the user."""


def is_person(user, net: SafetyNet) -> bool:
    return user.pk == net.person_id


def holds_key(user, net: SafetyNet) -> bool:
    return net.spare_keys.filter(holder=user).exists()


def can_read(access: StreetAccess, user, net: SafetyNet) -> bool:
    """The person, a gangmaker of the street, or a member of the street who holds a key."""
    if net.street_id != access.street.pk or not access.is_member:
        return False
    return is_person(user, net) or access.is_gangmaker or holds_key(user, net)


def can_edit(access: StreetAccess, user, net: SafetyNet) -> bool:
    """The person and the street's gangmakers; a key holder only reads."""
    if net.street_id != access.street.pk or not access.is_member:
        return False
    return is_person(user, net) or access.is_gangmaker


def log_read(net: SafetyNet, reader, purpose: str = ReadPurpose.VIEW) -> None:
    """Note that `reader` saw the net. The person's own reads are not logged: the log answers
    "who else looked at my keys and contacts"."""
    if is_person(reader, net):
        return
    SafetyNetRead.objects.create(net=net, reader=reader, purpose=purpose)


def _is_member(user, street: StreetPage) -> bool:
    return StreetMembership.objects.filter(
        user=user, street=street, status=MembershipStatus.APPROVED
    ).exists()


@transaction.atomic
def give_consent(
    person, street: StreetPage, method: str = SafetyConsentMethod.ONLINE, recorded_by=None
) -> SafetyNet:
    """Record the person's consent; giving it again changes nothing."""
    if not _is_member(person, street):
        raise SafetyNetError(_("Deze buur is geen lid van de straat."))
    net, _created = SafetyNet.objects.get_or_create(
        person=person,
        street=street,
        defaults={
            "consent_method": method,
            "consent_at": timezone.now(),
            "consent_recorded_by": recorded_by,
        },
    )
    return net


@transaction.atomic
def add_spare_key(net: SafetyNet, holder=None, holder_name: str = "") -> SpareKey:
    """A neighbour member of the street, or a named holder, keeps a spare key."""
    if holder is not None:
        if holder.pk == net.person_id:
            raise SafetyNetError(_("Kies een ander dan de buur zelf."))
        if not _is_member(holder, net.street):
            raise SafetyNetError(_("Deze buur is geen lid van de straat."))
        if net.spare_keys.filter(holder=holder).exists():
            raise SafetyNetError(_("Deze buur bewaart al een sleutel."))
        return SpareKey.objects.create(net=net, holder=holder)
    holder_name = holder_name.strip()
    if not holder_name:
        raise SafetyNetError(_("Kies een buur of vul in wie de sleutel bewaart."))
    return SpareKey.objects.create(net=net, holder_name=holder_name)


@transaction.atomic
def add_emergency_contact(net: SafetyNet, kind: str, name: str, phone: str) -> EmergencyContact:
    return EmergencyContact.objects.create(net=net, kind=kind, name=name, phone=phone)


@transaction.atomic
def withdraw_consent(net: SafetyNet) -> None:
    """Everything goes: the keys, the contacts and the read log (CASCADE from the net)."""
    SafetyNet.objects.filter(pk=net.pk).delete()


def remove_for_leaver(user, street: StreetPage) -> None:
    """The person leaves the street: their net there goes. Keys they hold for others stay on
    those neighbours' lists (the key is still with them), but can_read no longer lets them
    see the net, since they are no member."""
    SafetyNet.objects.filter(person=user, street=street).delete()


def erase_person(user) -> None:
    """Account erasure: every net of the person, and every key they were recorded to hold."""
    SafetyNet.objects.filter(person=user).delete()
    SpareKey.objects.filter(holder=user).delete()


def export_person(user) -> dict:
    """The person's own nets, keys, contacts and who read them; for a key holder only how
    many keys they keep (the rest is the other person's data)."""
    nets = (
        SafetyNet.objects.filter(person=user)
        .select_related("street")
        .prefetch_related("spare_keys__holder", "emergency_contacts", "reads__reader")
    )
    return {
        "vangnetten": [
            {
                "straat": net.street.title,
                "toestemming_gegeven_op": net.consent_at.isoformat(),
                "toestemming": net.get_consent_method_display(),
                "reservesleutels": [key.holder_display for key in net.spare_keys.all()],
                "noodcontacten": [
                    {"wie": c.get_kind_display(), "naam": c.name, "telefoonnummer": c.phone}
                    for c in net.emergency_contacts.all()
                ],
                "inzage": [
                    {
                        "door": read.reader.get_full_name() if read.reader_id else "",
                        "op": read.read_at.isoformat(),
                        "wat": read.get_purpose_display(),
                    }
                    for read in net.reads.all()
                ],
            }
            for net in nets
        ],
        "aantal_sleutels_die_u_bewaart": SpareKey.objects.filter(holder=user).count(),
    }
