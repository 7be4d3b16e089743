"""Care signals: the gangmaker raises and follows theirs; welzijn staff of the wijk handle them.

Personal data: every view is never cached, and a signal outside the user's reach is a 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from streets.choices import MemberRole, MembershipStatus
from streets.models import StreetMembership, WelzijnAssignment
from streets.permissions import GANGMAKER, street_view

from ..choices import SignalStatus
from ..forms import CareSignalForm, CloseForm, NoteForm
from ..models import CareSignal
from ..services import (
    CareSignalError,
    acknowledge_signal,
    add_note,
    close_signal,
    raise_signal,
    signals_for_staff,
    welzijn_staff_of,
)


@never_cache
@street_view(GANGMAKER)
def my_signals(request, access):
    """The signals this gangmaker raised in this street, and what became of them."""
    signals = (
        CareSignal.objects.filter(street=access.street, raised_by=request.user)
        .select_related("neighbour")
        .order_by("-created_at")
    )
    return render(
        request,
        "insights/my_signals.html",
        {
            "street": access.street,
            "signals": signals,
            "has_staff": welzijn_staff_of(access.street).exists(),
        },
    )


@never_cache
@street_view(GANGMAKER)
def raise_new(request, access):
    street = access.street
    form = CareSignalForm(request.POST or None, street=street, raised_by=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            signal = raise_signal(street, request.user, **form.signal_fields())
        except CareSignalError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Uw zorgsignaal is verstuurd naar de welzijnsmedewerkers van de wijk. U hoort wat ermee gebeurt."
                ),
            )
            return redirect("insights:my_signal", street_id=street.pk, pk=signal.pk)
    return render(
        request,
        "insights/raise_signal.html",
        {"street": street, "form": form, "has_staff": welzijn_staff_of(street).exists()},
    )


@never_cache
@street_view(GANGMAKER)
def my_signal(request, access, pk):
    signal = get_object_or_404(
        CareSignal.objects.select_related("neighbour", "acknowledged_by", "closed_by"),
        pk=pk,
        street=access.street,
        raised_by=request.user,
    )
    return render(request, "insights/my_signal.html", {"street": access.street, "signal": signal})


@never_cache
@login_required
def staff_signals(request):
    """Welzijn staff: every signal of their wijken, open ones first. Anyone else is refused
    with what is true: this list is for welzijn staff; a gangmaker is pointed to the signals
    of their own street(s)."""
    if not WelzijnAssignment.objects.filter(user=request.user).exists():
        gangmaker_of = StreetMembership.objects.filter(
            user=request.user, role=MemberRole.GANGMAKER, status=MembershipStatus.APPROVED
        ).select_related("street")
        return render(
            request,
            "insights/staff_signals_forbidden.html",
            {"gangmaker_of": [m.street for m in gangmaker_of]},
            status=403,
        )
    signals = list(
        signals_for_staff(request.user)
        .select_related("street", "raised_by")
        .order_by("status", "-created_at")
    )
    return render(
        request,
        "insights/staff_signals.html",
        {
            "open": [s for s in signals if s.status == SignalStatus.OPEN],
            "acknowledged": [s for s in signals if s.status == SignalStatus.ACKNOWLEDGED],
            "closed": [s for s in signals if s.status == SignalStatus.CLOSED],
        },
    )


def _staff_signal(request, pk) -> CareSignal:
    return get_object_or_404(
        signals_for_staff(request.user).select_related(
            "street", "neighbour", "raised_by", "acknowledged_by", "closed_by"
        ),
        pk=pk,
    )


@never_cache
@login_required
def staff_signal(request, pk):
    signal = _staff_signal(request, pk)
    membership = signal.street.memberships.filter(user=signal.neighbour).first()
    return render(
        request,
        "insights/staff_signal.html",
        {
            "signal": signal,
            "membership": membership,
            "notes": signal.notes.select_related("author"),
            "note_form": NoteForm(),
        },
    )


@require_POST
@login_required
def acknowledge(request, pk):
    signal = _staff_signal(request, pk)
    try:
        acknowledge_signal(signal, request.user)
    except CareSignalError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("U heeft het zorgsignaal in behandeling genomen. De gangmaker krijgt bericht."),
        )
    return redirect("insights:staff_signal", pk=signal.pk)


@never_cache
@require_POST
@login_required
def note(request, pk):
    signal = _staff_signal(request, pk)
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            add_note(signal, request.user, form.cleaned_data["text"])
        except CareSignalError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("De notitie is bewaard."))
            return redirect("insights:staff_signal", pk=signal.pk)
    membership = signal.street.memberships.filter(user=signal.neighbour).first()
    return render(
        request,
        "insights/staff_signal.html",
        {
            "signal": signal,
            "membership": membership,
            "notes": signal.notes.select_related("author"),
            "note_form": form,
        },
    )


@never_cache
@login_required
def close(request, pk):
    """Ask for confirmation (and an optional message for the gangmaker) before closing."""
    signal = _staff_signal(request, pk)
    if signal.status == SignalStatus.CLOSED:
        messages.info(request, _("Dit zorgsignaal is al afgesloten."))
        return redirect("insights:staff_signal", pk=signal.pk)
    form = CloseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            close_signal(signal, request.user, form.cleaned_data["closing_message"])
        except CareSignalError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("Het zorgsignaal is afgesloten. De gangmaker krijgt bericht.")
            )
        return redirect("insights:staff_signal", pk=signal.pk)
    return render(request, "insights/close_signal.html", {"signal": signal, "form": form})
