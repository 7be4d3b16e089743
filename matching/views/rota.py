"""Care rotas under /straat/<id>/hulp/rooster/: making one (gangmaker), the rota itself, a
helper's answer on their moments, filling a gap, swapping two helpers, and the printed rota.

A rota is shown to the street's managers, its requester and everyone with a moment on it;
anyone else gets a 404, as for an id of another street. Every change is a POST.
"""

from itertools import groupby

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.languages import language_of, print_language
from matching.forms import RotaFillForm, RotaForm, RotaSwapForm
from matching.models import CareRota, RotaMomentState
from matching.services.rota import (
    RotaError,
    answer,
    coverage,
    create_rota,
    fill_by_hand,
    plan,
    swap,
)
from streets.choices import MembershipStatus
from streets.permissions import MANAGER, MEMBER, street_view


def _visible_rota(request, access, rota_id) -> CareRota:
    rota = get_object_or_404(
        CareRota.objects.filter(street=access.street).select_related("request__author"),
        pk=rota_id,
    )
    user = request.user
    if not (
        access.can_manage
        or user.pk == rota.request.author_id
        or rota.moments.filter(helper=user).exists()
    ):
        raise Http404
    return rota


def _members(street):
    return (
        get_user_model()
        .objects.filter(
            memberships__street=street,
            memberships__status=MembershipStatus.APPROVED,
        )
        .order_by("first_name", "last_name")
    )


def _moments(rota, street) -> list:
    """The rota's moments in time order, each with its helper's house number as `house`."""
    homes = dict(
        street.memberships.filter(status=MembershipStatus.APPROVED).values_list(
            "user_id", "house_number"
        )
    )
    moments = list(rota.moments.select_related("helper"))
    for moment in moments:
        moment.house = homes.get(moment.helper_id, "")
    return moments


@never_cache
@street_view(MANAGER)
def rota_new(request, access):
    """Turn a request into a rota; the engine proposes helpers at once."""
    initial = {}
    if request.method == "GET" and request.GET.get("vraag", "").isdigit():
        initial["request"] = request.GET["vraag"]
    form = RotaForm(access.street, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            rota = create_rota(
                data["request"],
                by=request.user,
                first_day=data["first_day"],
                days=data["days"],
                dagdelen=data["dagdelen"],
                per_week=data["per_week"],
            )
        except RotaError as error:
            form.add_error(None, str(error))
        else:
            done, total = coverage(rota)
            messages.success(
                request,
                _("Het rooster staat klaar: %(done)s van de %(total)s momenten hebben een helper.")
                % {"done": done, "total": total},
            )
            return redirect("matching:rota", street_id=access.street.pk, rota_id=rota.pk)
    return render(
        request, "matching/rota/new.html", {"street": access.street, "access": access, "form": form}
    )


@never_cache
@street_view(MEMBER)
def rota_detail(request, access, rota_id):
    rota = _visible_rota(request, access, rota_id)
    moments = _moments(rota, access.street)
    mine = [
        m for m in moments if m.helper_id == request.user.pk and m.state == RotaMomentState.PROPOSED
    ]
    done, total = coverage(rota)
    context = {
        "street": access.street,
        "access": access,
        "rota": rota,
        "days": [(day, list(items)) for day, items in groupby(moments, key=lambda m: m.day)],
        "gaps": [m for m in moments if not m.helper_id],
        "mine": mine,
        "done": done,
        "total": total,
        "is_requester": request.user.pk == rota.request.author_id,
    }
    if access.can_manage:
        context["fill_form"] = RotaFillForm(rota, _members(access.street))
        context["swap_form"] = RotaSwapForm(rota)
    return render(request, "matching/rota/detail.html", context)


@require_POST
@street_view(MEMBER)
def rota_answer(request, access, rota_id):
    """A helper's answer: which of the moments proposed to them they take."""
    rota = _visible_rota(request, access, rota_id)
    proposed = {
        str(pk)
        for pk in rota.moments.filter(
            helper=request.user, state=RotaMomentState.PROPOSED
        ).values_list("pk", flat=True)
    }
    if not proposed:
        messages.error(request, _("Er staan geen momenten meer voor u open op dit rooster."))
        return redirect("matching:rota", street_id=access.street.pk, rota_id=rota.pk)
    taking = set(request.POST.getlist("take")) & proposed
    accepted, declined = answer(
        rota,
        request.user,
        accept=[int(pk) for pk in taking],
        decline=[int(pk) for pk in proposed - taking],
    )
    if accepted:
        messages.success(
            request,
            _("Dank u wel! U helpt %(count)s keer. U krijgt de avond van tevoren een herinnering.")
            % {"count": accepted},
        )
    else:
        messages.success(request, _("Jammer, maar goed dat u het laat weten."))
    return redirect("matching:rota", street_id=access.street.pk, rota_id=rota.pk)


@require_POST
@street_view(MANAGER)
def rota_plan(request, access, rota_id):
    """Ask the engine again for the open moments (after a decline, or new offers)."""
    rota = _visible_rota(request, access, rota_id)
    before, total = coverage(rota)
    plan(rota)
    after, _total = coverage(rota)
    messages.success(
        request,
        _("Opnieuw gepland: %(new)s momenten erbij gevraagd, %(gaps)s nog open.")
        % {"new": after - before, "gaps": total - after},
    )
    return redirect("matching:rota", street_id=access.street.pk, rota_id=rota.pk)


def _rota_form_post(request, access, rota_id, form_class, act):
    rota = _visible_rota(request, access, rota_id)
    if form_class is RotaFillForm:
        form = form_class(rota, _members(access.street), request.POST)
    else:
        form = form_class(rota, request.POST)
    if form.is_valid():
        try:
            act(form.cleaned_data)
        except RotaError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Het rooster is bijgewerkt; de helpers krijgen bericht."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("matching:rota", street_id=access.street.pk, rota_id=rota.pk)


@require_POST
@street_view(MANAGER)
def rota_fill(request, access, rota_id):
    return _rota_form_post(
        request,
        access,
        rota_id,
        RotaFillForm,
        lambda data: fill_by_hand(data["moment"], data["helper"], by=request.user),
    )


@require_POST
@street_view(MANAGER)
def rota_swap(request, access, rota_id):
    return _rota_form_post(
        request,
        access,
        rota_id,
        RotaSwapForm,
        lambda data: swap(data["first"], data["second"], by=request.user),
    )


@never_cache
@street_view(MANAGER)
def rota_print(request, access, rota_id):
    """The rota on A4: per day who comes (first name and house number), the gaps marked.

    It hangs on the fridge of the neighbour who receives the care, so it is printed in their
    language (or the one the gangmaker picks with `?taal=`), not the gangmaker's."""
    rota = _visible_rota(request, access, rota_id)
    moments = _moments(rota, access.street)
    done, total = coverage(rota)
    with translation.override(print_language(request, language_of(rota.request.author))):
        return render(
            request,
            "matching/rota/print.html",
            {
                "street": access.street,
                "rota": rota,
                "days": [
                    (day, list(items)) for day, items in groupby(moments, key=lambda m: m.day)
                ],
                "requester_house": access.street.memberships.filter(user_id=rota.request.author_id)
                .values_list("house_number", flat=True)
                .first(),
                "done": done,
                "total": total,
            },
        )
