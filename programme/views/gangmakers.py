"""“Ik wil gangmaker worden”: a member asks; the street's gangmakers or coordinator decide."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from programme.choices import RequestStatus
from programme.forms import GangmakerRequestForm
from programme.models import GangmakerRequest
from programme.services import (
    ApplicationError,
    open_gangmaker_requests,
    request_to_become_gangmaker,
)
from programme.services import (
    decide_gangmaker_request as decide,
)
from streets.models import StreetPage
from streets.permissions import MANAGER, MEMBER, street_view


@never_cache
@street_view(MEMBER)
def become_gangmaker(request, access):
    street = access.street
    open_request = GangmakerRequest.objects.filter(
        membership=access.membership, status=RequestStatus.OPEN
    ).first()
    form = GangmakerRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            request_to_become_gangmaker(access.membership, form.cleaned_data["motivation"])
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Fijn! De gangmakers en de coördinator nemen contact met u op."),
            )
            return redirect(street.url or "/")
    context = {"street": street, "access": access, "form": form, "open_request": open_request}
    return render(request, "programme/become_gangmaker.html", context)


@never_cache
@street_view(MANAGER)
def gangmaker_requests(request, access):
    street = access.street
    context = {
        "street": street,
        "access": access,
        "requests": open_gangmaker_requests(StreetPage.objects.filter(pk=street.pk)),
    }
    return render(request, "programme/gangmaker_requests.html", context)


@require_POST
@street_view(MANAGER)
def decide_gangmaker_request(request, access, request_id):
    gangmaker_request = get_object_or_404(
        GangmakerRequest, pk=request_id, membership__street=access.street
    )
    approve = request.POST.get("decision") == "approve"
    try:
        decide(gangmaker_request, request.user, approve)
    except ApplicationError as error:
        messages.error(request, str(error))
    else:
        name = gangmaker_request.membership.user.first_name
        if approve:
            messages.success(request, _("%(name)s is nu gangmaker.") % {"name": name})
        else:
            messages.success(request, _("%(name)s krijgt bericht.") % {"name": name})
    return redirect("programme:gangmaker_requests", access.street.pk)
