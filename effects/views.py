"""The effect questionnaire's pages. Thin: permissions from streets.permissions, rules in
services. Nobody reads a single answer here (a member gets theirs through "download my data");
the figures, suppressed, are in insights.
"""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.suppression import suppress
from home.models import HomePage
from streets.permissions import MANAGER, MEMBER, is_coordinator_of, street_view
from surveys.choices import AnswerChannel

from .choices import RoundKind, RoundStatus, ScaleAnswer
from .forms import EffectAnswerForm, PublicEffectAnswerForm, SeedItemsForm
from .models import EffectResponse, EffectRound
from .scale import ITEMS
from .services import (
    EffectError,
    close_round,
    next_round_kind,
    save_response,
    seed_labels,
    set_seed_items,
    start_round,
)


def _round_of_street(access, round_id) -> EffectRound:
    """A round of this street; another street's round id is a 404."""
    return get_object_or_404(EffectRound, pk=round_id, street=access.street)


def _to_index(access):
    return redirect("effects:index", street_id=access.street.pk)


@never_cache
@street_view(MEMBER)
def index(request, access):
    """Members answer the open round; gangmakers start, print, type in and close rounds."""
    street = access.street
    open_round = street.effect_rounds.filter(status=RoundStatus.OPEN).first()
    answered = bool(
        open_round and EffectResponse.objects.filter(round=open_round, person=request.user).exists()
    )
    rounds = []
    if access.can_manage:
        for effect_round in street.effect_rounds.all():
            count = effect_round.responses.count()
            # Even the street's own count is shown as "< 5" below five, like every figure.
            rounds.append((effect_round, suppress(count, count)))
    context = {
        "street": street,
        "access": access,
        "open_round": open_round,
        "answered": answered,
        "rounds": rounds,
        "next_kind": RoundKind(next_round_kind(street)).label,
    }
    return render(request, "effects/index.html", context)


@never_cache
@street_view(MANAGER)
def start(request, access):
    """Start the baseline (the first time) or this year's round, after a confirmation."""
    if request.method == "POST":
        try:
            start_round(access.street, request.user)
        except EffectError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("De effectmeting is gestart."))
        return _to_index(access)
    context = {
        "street": access.street,
        "next_kind": RoundKind(next_round_kind(access.street)).label,
    }
    return render(request, "effects/start.html", context)


@never_cache
@street_view(MANAGER)
def close(request, access, round_id):
    effect_round = _round_of_street(access, round_id)
    if request.method == "POST":
        try:
            close_round(effect_round)
        except EffectError as error:
            messages.error(request, str(error))
        else:
            messages.success(
                request, _("De effectmeting is gesloten. De cijfers staan nu in het jaarverslag.")
            )
        return _to_index(access)
    return render(request, "effects/close.html", {"street": access.street, "round": effect_round})


def _answer_page(request, effect_round, form, channel):
    context = {
        "street": effect_round.street,
        "round": effect_round,
        "form": form,
        "channel": channel,
    }
    return render(request, "effects/answer.html", context)


@never_cache
@street_view(MEMBER)
def answer(request, access, round_id):
    """A member answers online (a second answer replaces the first)."""
    effect_round = _round_of_street(access, round_id)
    if not effect_round.is_open:
        messages.error(request, _("Deze effectmeting is gesloten."))
        return _to_index(access)
    form = EffectAnswerForm(request.POST or None, effect_round=effect_round)
    if request.method == "POST" and form.is_valid():
        try:
            save_response(
                effect_round,
                AnswerChannel.ONLINE,
                form.scale_answers(),
                form.seed_answers(),
                person=request.user,
            )
        except EffectError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Bedankt voor uw antwoord!"))
            return _to_index(access)
    return _answer_page(request, effect_round, form, AnswerChannel.ONLINE)


@never_cache
@street_view(MANAGER)
def paper(request, access, round_id):
    """A gangmaker types in a paper answer: anonymous, or a member's if the sheet names one."""
    effect_round = _round_of_street(access, round_id)
    if not effect_round.is_open:
        messages.error(request, _("Deze effectmeting is gesloten."))
        return _to_index(access)
    form = EffectAnswerForm(request.POST or None, effect_round=effect_round, ask_person=True)
    if request.method == "POST" and form.is_valid():
        membership = form.cleaned_data.get("person")
        try:
            save_response(
                effect_round,
                AnswerChannel.PAPER,
                form.scale_answers(),
                form.seed_answers(),
                person=membership.user if membership else None,
                entered_by=request.user,
            )
        except EffectError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Het papieren antwoord is ingevoerd. Nog een?"))
            return redirect("effects:paper", street_id=access.street.pk, round_id=effect_round.pk)
    return _answer_page(request, effect_round, form, AnswerChannel.PAPER)


@never_cache
def public_answer(request, token):
    """Anyone with the secret link or QR code answers, anonymously."""
    effect_round = get_object_or_404(
        EffectRound.objects.select_related("street"), token=token, street__live=True
    )
    if not effect_round.is_open:
        return render(request, "effects/closed.html", {"round": effect_round}, status=410)
    form = PublicEffectAnswerForm(request.POST or None, effect_round=effect_round)
    if request.method == "POST" and form.is_valid():
        try:
            save_response(
                effect_round, AnswerChannel.LINK, form.scale_answers(), form.seed_answers()
            )
        except EffectError as error:
            form.add_error(None, str(error))
        else:
            return render(request, "effects/thanks.html", {"round": effect_round})
    return _answer_page(request, effect_round, form, AnswerChannel.LINK)


@never_cache
@street_view(MANAGER)
def print_version(request, access, round_id):
    """The A4 paper version in large print, with the QR code of the secret link."""
    effect_round = _round_of_street(access, round_id)
    link = request.build_absolute_uri(reverse("effects:public_answer", args=[effect_round.token]))
    # segno writes the SVG itself from the URL; nothing user-typed goes into the markup.
    qr_svg = mark_safe(segno.make(link, error="m").svg_inline(omitsize=True, title=_("QR-code")))  # noqa: S308
    context = {
        "street": access.street,
        "round": effect_round,
        "items": [item.text for item in ITEMS] + list(effect_round.seed_items),
        "answers": ScaleAnswer.labels,
        "link": link,
        "qr_svg": qr_svg,
        "gangmakers": access.street.gangmaker_memberships(),
    }
    return render(request, "effects/print.html", context)


@never_cache
@login_required
def seed_items(request, municipality_id):
    """The coordinator words the municipality's own statements. The scale is not editable."""
    municipality = get_object_or_404(HomePage.objects.live(), pk=municipality_id)
    if not is_coordinator_of(request.user, municipality):
        raise PermissionDenied
    form = SeedItemsForm(request.POST or None, labels=seed_labels(municipality))
    if request.method == "POST" and form.is_valid():
        try:
            set_seed_items(municipality, form.labels())
        except EffectError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request, _("De stellingen zijn opgeslagen. Nieuwe metingen stellen ze.")
            )
            return redirect("effects:seed_items", municipality_id=municipality.pk)
    context = {"municipality": municipality, "form": form, "items": ITEMS}
    return render(request, "effects/seed_items.html", context)
