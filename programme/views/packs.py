"""The startpakket: the coordinator's list of packs to send; the gangmaker confirms receipt."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from pot.services import municipality_of
from programme.forms import PackSentForm
from programme.models import StarterPack
from programme.services import (
    ApplicationError,
    confirm_pack_received,
    mark_pack_sent,
    packs_to_send,
    record_pack,
)
from streets.models import StreetPage
from streets.permissions import GANGMAKER, is_coordinator_of, street_view

from .access import coordinated_municipality


@never_cache
@login_required
def packs(request, home_id):
    home = coordinated_municipality(request, home_id)
    year = timezone.localdate().year
    unsent, without = packs_to_send(home, year)
    sent = (
        StarterPack.objects.filter(street__path__startswith=home.path, sent_on__isnull=False)
        .select_related("street", "received_by")
        .order_by("-sent_on")[:50]
    )
    context = {"home": home, "year": year, "unsent": unsent, "without": without, "sent": sent}
    return render(request, "programme/packs.html", context)


@require_POST
@login_required
def pack_record(request, home_id, street_id):
    home = coordinated_municipality(request, home_id)
    street = get_object_or_404(StreetPage.objects.live().descendant_of(home), pk=street_id)
    _pack, created = record_pack(street, timezone.localdate().year)
    if created:
        messages.success(
            request,
            _("Het startpakket voor %(street)s staat klaar om te versturen.")
            % {"street": street.title},
        )
    return redirect("programme:packs", home.pk)


def _coordinated_pack(request, pack_id) -> StarterPack:
    pack = get_object_or_404(StarterPack.objects.select_related("street"), pk=pack_id)
    if not is_coordinator_of(request.user, pack.street):
        raise PermissionDenied
    return pack


@never_cache
@login_required
def pack_sent(request, pack_id):
    pack = _coordinated_pack(request, pack_id)
    home = municipality_of(pack.street)
    items = [item for item in ("folder", "cards", "street_map", "tips") if getattr(pack, item)]
    form = PackSentForm(request.POST or None, initial={"items": items, "recipient": pack.recipient})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            mark_pack_sent(
                pack,
                request.user,
                sent_on=data["sent_on"],
                recipient=data["recipient"],
                items=data["items"],
            )
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Vastgelegd: het startpakket is verstuurd."))
            return redirect("programme:packs", home.pk)
    return render(request, "programme/pack_sent.html", {"pack": pack, "form": form, "home": home})


@require_POST
@street_view(GANGMAKER)
def pack_received(request, access, pack_id):
    pack = get_object_or_404(StarterPack, pk=pack_id, street=access.street)
    confirm_pack_received(pack, request.user)
    messages.success(request, _("Dank u: het startpakket is ontvangen."))
    return redirect("pot:pot_year", access.street.pk, pack.year)
