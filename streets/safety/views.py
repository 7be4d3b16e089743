"""The safety net's pages: the person's own, the key holder's, the gangmakers' overview and
the printable emergency card. Every view is never cached; a net outside the user's reach is
a 404 (its existence is not confirmed to someone who may not read it)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.languages import language_of, print_language

from ..permissions import GANGMAKER, MEMBER, StreetAccess, street_view
from .choices import ReadPurpose, SafetyConsentMethod
from .forms import ConsentForm, EmergencyContactForm, RegisterForm, SpareKeyForm
from .models import EmergencyContact, SafetyNet, SpareKey
from .services import (
    SafetyNetError,
    add_emergency_contact,
    add_spare_key,
    can_edit,
    can_read,
    give_consent,
    is_person,
    log_read,
    withdraw_consent,
)


def _posted(request):
    """The POST data on a POST (even an empty one: an unticked box sends nothing), else None."""
    return request.POST if request.method == "POST" else None


def _net(request, access: StreetAccess, net_id: int, *, edit: bool = False) -> SafetyNet:
    net = get_object_or_404(
        SafetyNet.objects.select_related("person", "street"), pk=net_id, street=access.street
    )
    allowed = can_edit if edit else can_read
    if not allowed(access, request.user, net):
        raise Http404
    return net


def _membership_of(net: SafetyNet):
    return net.street.memberships.filter(user=net.person).first()


@never_cache
@street_view(MEMBER)
def home(request, access):
    """The member's entry: their own net (or the consent to start one) and the keys they keep."""
    street = access.street
    own = SafetyNet.objects.filter(person=request.user, street=street).first()
    held = (
        SafetyNet.objects.filter(street=street, spare_keys__holder=request.user)
        .select_related("person")
        .distinct()
    )
    return render(
        request,
        "streets/safety/home.html",
        {"street": street, "access": access, "own": own, "held": held},
    )


@never_cache
@street_view(MEMBER)
def consent(request, access):
    """The person gives consent online; the form explains what is kept and who sees it."""
    existing = SafetyNet.objects.filter(person=request.user, street=access.street).first()
    if existing:
        return redirect("streets:safety_detail", street_id=access.street.pk, net_id=existing.pk)
    form = ConsentForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        net = give_consent(request.user, access.street, SafetyConsentMethod.ONLINE)
        messages.success(
            request, _("Dank u. U kunt nu een sleutelbewaarder en noodcontacten vastleggen.")
        )
        return redirect("streets:safety_detail", street_id=access.street.pk, net_id=net.pk)
    return render(request, "streets/safety/consent.html", {"street": access.street, "form": form})


@never_cache
@street_view(GANGMAKER)
def overview(request, access):
    """Which neighbours have keys and contacts recorded: names and house numbers only."""
    nets = (
        SafetyNet.objects.filter(street=access.street)
        .select_related("person")
        .prefetch_related("spare_keys", "emergency_contacts")
    )
    houses = dict(
        access.street.memberships.filter(user__safety_nets__street=access.street).values_list(
            "user_id", "house_number"
        )
    )
    rows = [(net, houses.get(net.person_id, "")) for net in nets]
    rows.sort(key=lambda row: (len(row[1]), row[1]))
    return render(request, "streets/safety/overview.html", {"street": access.street, "rows": rows})


@never_cache
@street_view(GANGMAKER)
def register(request, access):
    """Record the consent a neighbour gave in person (a neighbour who is not online)."""
    form = RegisterForm(_posted(request), street=access.street)
    if request.method == "POST" and form.is_valid():
        try:
            net = give_consent(
                form.cleaned_data["member"].user,
                access.street,
                SafetyConsentMethod.IN_PERSON,
                recorded_by=request.user,
            )
        except SafetyNetError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("De toestemming is vastgelegd."))
            return redirect("streets:safety_detail", street_id=access.street.pk, net_id=net.pk)
    return render(request, "streets/safety/register.html", {"street": access.street, "form": form})


@never_cache
@street_view(MEMBER)
def detail(request, access, net_id):
    """The keys and contacts; the person also sees who else looked. A read is logged."""
    net = _net(request, access, net_id)
    log_read(net, request.user, ReadPurpose.VIEW)
    own = is_person(request.user, net)
    return render(
        request,
        "streets/safety/detail.html",
        {
            "street": access.street,
            "net": net,
            "membership": _membership_of(net),
            "keys": net.spare_keys.select_related("holder"),
            "contacts": net.emergency_contacts.all(),
            "is_person": own,
            "can_edit": can_edit(access, request.user, net),
            "is_gangmaker": access.is_gangmaker,
            "reads": net.reads.select_related("reader") if own else None,
        },
    )


@never_cache
@street_view(GANGMAKER)
def card(request, access, net_id):
    """The printable emergency card for the gangmaker's pocket or the meterkast.

    The card hangs in the neighbour's home, so it is in their language (or the one the
    gangmaker picks with `?taal=`); each print, whatever its language, is logged."""
    net = _net(request, access, net_id)
    log_read(net, request.user, ReadPurpose.PRINT)
    with translation.override(print_language(request, language_of(net.person))):
        return render(
            request,
            "streets/safety/card.html",
            {
                "street": access.street,
                "net": net,
                "membership": _membership_of(net),
                "keys": net.spare_keys.select_related("holder"),
                "contacts": net.emergency_contacts.all(),
            },
        )


@never_cache
@street_view(MEMBER)
def key_add(request, access, net_id):
    net = _net(request, access, net_id, edit=True)
    form = SpareKeyForm(_posted(request), net=net)
    if request.method == "POST" and form.is_valid():
        holder = form.cleaned_data["holder"]
        try:
            add_spare_key(
                net,
                holder=holder.user if holder else None,
                holder_name=form.cleaned_data["holder_name"],
            )
        except SafetyNetError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("De sleutelbewaarder is vastgelegd."))
            return redirect("streets:safety_detail", street_id=access.street.pk, net_id=net.pk)
    return render(
        request, "streets/safety/key_form.html", {"street": access.street, "net": net, "form": form}
    )


@never_cache
@street_view(MEMBER)
def contact_add(request, access, net_id):
    net = _net(request, access, net_id, edit=True)
    form = EmergencyContactForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        add_emergency_contact(net, **form.cleaned_data)
        messages.success(request, _("Het noodcontact is vastgelegd."))
        return redirect("streets:safety_detail", street_id=access.street.pk, net_id=net.pk)
    return render(
        request,
        "streets/safety/contact_form.html",
        {"street": access.street, "net": net, "form": form},
    )


def _confirm_remove(request, access, net, item, description: str, done: str):
    """Ask first (GET), delete on POST."""
    if request.method == "POST":
        item.delete()
        messages.success(request, done)
        return redirect("streets:safety_detail", street_id=access.street.pk, net_id=net.pk)
    log_read(net, request.user, ReadPurpose.VIEW)
    return render(
        request,
        "streets/safety/confirm_remove.html",
        {"street": access.street, "net": net, "description": description},
    )


@never_cache
@street_view(MEMBER)
def key_remove(request, access, net_id, key_id):
    net = _net(request, access, net_id, edit=True)
    key = get_object_or_404(SpareKey.objects.select_related("holder"), pk=key_id, net=net)
    return _confirm_remove(
        request,
        access,
        net,
        key,
        _("De reservesleutel bij %(holder)s") % {"holder": key.holder_display},
        _("De sleutelbewaarder is verwijderd."),
    )


@never_cache
@street_view(MEMBER)
def contact_remove(request, access, net_id, contact_id):
    net = _net(request, access, net_id, edit=True)
    contact = get_object_or_404(EmergencyContact, pk=contact_id, net=net)
    return _confirm_remove(
        request,
        access,
        net,
        contact,
        _("Het noodcontact %(name)s") % {"name": contact.name},
        _("Het noodcontact is verwijderd."),
    )


@never_cache
@street_view(MEMBER)
def withdraw(request, access, net_id):
    """Withdraw consent: after confirming, everything is deleted, the read log included."""
    net = _net(request, access, net_id, edit=True)
    if request.method == "POST":
        withdraw_consent(net)
        messages.success(
            request, _("De toestemming is ingetrokken. Sleutels en noodcontacten zijn verwijderd.")
        )
        if access.is_gangmaker and not is_person(request.user, net):
            return redirect("streets:safety_overview", street_id=access.street.pk)
        return redirect("streets:safety", street_id=access.street.pk)
    return render(
        request,
        "streets/safety/withdraw.html",
        {"street": access.street, "net": net, "is_person": is_person(request.user, net)},
    )
