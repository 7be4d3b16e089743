"""Pages about matches under /straat/<id>/hulp/: a member's own matches, answering a
proposal, the gangmaker's overview (with unmatched requests and pairing by hand) and the
printable door list for neighbours who are not online.

A match is only ever shown to its helper, its requester and the street's managers; anyone
else gets a 404, as for an id of another street. Contact details appear once the helper said
yes (lifecycle.Match.contact_shared).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from matching import help_cache
from matching.forms import ManualMatchForm, PreferenceForm
from matching.models import (
    LIVE_STATUSES,
    CareRota,
    Match,
    MatchStatus,
    Notification,
    NotificationPreference,
)
from matching.services.lifecycle import (
    STEPS,
    MatchError,
    allowed_actions,
    make_match,
    record_feedback,
    take_step,
    times_fit,
    wanted_slot_strings,
)
from matching.services.matching import unmatched_requests
from matching.templatetags.board_tags import slots_display
from streets.permissions import MANAGER, MEMBER, street_view

CONFIRM_FIRST = {"decline", "cancel"}


def _matches(street):
    return Match.objects.filter(street=street).select_related(
        "request__author", "offer__author", "street"
    )


def _visible_match(request, access, match_id) -> Match:
    match = get_object_or_404(_matches(access.street), pk=match_id)
    if not (
        access.can_manage or request.user.pk in (match.request.author_id, match.offer.author_id)
    ):
        raise Http404
    return match


@never_cache
@street_view(MEMBER)
def my_help(request, access):
    """A member's matches (as helper and as requester) and their notifications.

    Reading the page leaves the news marked "Nieuw": only the button "Markeer als gelezen" (a POST) marks
    it read, so a link preview or a quick look does not make news disappear unseen."""
    user = request.user
    if request.method == "POST":
        Notification.objects.filter(user=user, street=access.street, read_at__isnull=True).update(
            read_at=timezone.now()
        )
        # update() sends no signal: the kept Mijn hulp must go.
        help_cache.bump(access.street.pk)
        messages.success(request, _("De berichten zijn als gelezen gemarkeerd."))
        return redirect("matching:my_help", street_id=access.street.pk)
    part = help_cache.kept_part(request, access, lambda: _render_my_help(request, access))
    return render(
        request,
        "matching/match/my_help.html",
        {"street": access.street, "access": access, "help_part": mark_safe(part)},  # noqa: S308
    )


def _render_my_help(request, access) -> str:
    """Mijn hulp's per-person part (kept by help_cache: nothing in it may depend on more than
    the person, their role, the language and the rows whose changes replace its key)."""
    user = request.user
    # The street is known: not read again with every match.
    matches = list(
        Match.objects.filter(street=access.street)
        .select_related("request__author", "offer__author")
        .filter(Q(request__author=user) | Q(offer__author=user))
        .exclude(status__in=[MatchStatus.EXPIRED])
        .order_by("-updated_at")
    )
    notifications = list(
        Notification.objects.filter(user=user, street=access.street).order_by("-created_at")[:20]
    )
    for match in matches:
        match.street = access.street
        match.actions = allowed_actions(user, match, access.can_manage)
    return render_to_string(
        "matching/match/my_help_part.html",
        {
            "street": access.street,
            "access": access,
            "matches": matches,
            "notifications": notifications,
            "rotas": CareRota.objects.filter(
                Q(request__author=user) | Q(moments__helper=user), street=access.street
            )
            .distinct()
            .select_related("request__author")
            .order_by("-first_day"),
            "has_unread": any(n.read_at is None for n in notifications),
        },
        request=request,
    )


@never_cache
@street_view(MEMBER)
def detail(request, access, match_id):
    match = _visible_match(request, access, match_id)
    helper, requester = match.offer.author, match.request.author
    homes = dict(
        access.street.memberships.filter(user_id__in=[helper.pk, requester.pk]).values_list(
            "user_id", "house_number"
        )
    )
    return render(
        request,
        "matching/match/detail.html",
        {
            "street": access.street,
            "access": access,
            "match": match,
            "actions": allowed_actions(request.user, match, access.can_manage),
            "events": match.events.select_related("actor"),
            "is_helper": request.user.pk == match.offer.author_id,
            "is_requester": request.user.pk == match.request.author_id,
            "helper_home": homes.get(helper.pk, ""),
            "requester_home": homes.get(requester.pk, ""),
        },
    )


@never_cache
@street_view(MEMBER)
def step(request, access, match_id, action):
    """Take one step; declining and cancelling ask for confirmation first."""
    match = _visible_match(request, access, match_id)
    if action not in STEPS:
        raise Http404
    if request.method != "POST" or (action in CONFIRM_FIRST and "confirmed" not in request.POST):
        if action not in CONFIRM_FIRST:
            return redirect("matching:match_detail", street_id=access.street.pk, match_id=match.pk)
        return render(
            request,
            "matching/match/confirm_step.html",
            {
                "street": access.street,
                "match": match,
                "action": action,
                "is_helper": request.user.pk == match.offer.author_id,
            },
        )
    try:
        take_step(
            match, action, request.user, access.can_manage, note=request.POST.get("note", "")[:500]
        )
    except MatchError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Gelukt. De andere buur krijgt bericht."))
    return redirect("matching:match_detail", street_id=access.street.pk, match_id=match.pk)


@require_POST
@street_view(MEMBER)
def feedback(request, access, match_id):
    match = _visible_match(request, access, match_id)
    answer = request.POST.get("helped")
    if answer not in ("ja", "nee"):
        messages.error(request, _("Kies ja of nee."))
    else:
        try:
            record_feedback(match, request.user, helped=answer == "ja")
        except MatchError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Dank u wel voor het laten weten!"))
    return redirect("matching:match_detail", street_id=access.street.pk, match_id=match.pk)


@never_cache
@street_view(MANAGER)
def overview(request, access):
    """The gangmaker's view: live matches, requests still without a helper, pairing by hand."""
    form = ManualMatchForm(access.street, request.POST or None)
    if request.method == "POST" and form.is_valid():
        help_request, offer = form.cleaned_data["request"], form.cleaned_data["offer"]
        if not (times_fit(help_request, offer) or form.cleaned_data["despite_times"]):
            form.warn_times_do_not_fit(
                slots_display(offer.availability),
                slots_display(wanted_slot_strings(help_request)),
            )
        else:
            try:
                match = make_match(help_request, offer, request.user)
            except MatchError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Gekoppeld. De helper krijgt het voorstel."))
                return redirect(
                    "matching:match_detail", street_id=access.street.pk, match_id=match.pk
                )
    context = {
        "street": access.street,
        "access": access,
        "live": _matches(access.street).filter(status__in=LIVE_STATUSES).order_by("-updated_at"),
        "unmatched": unmatched_requests(access.street.pk),
        "rotas": CareRota.objects.filter(street=access.street)
        .select_related("request__author")
        .order_by("-first_day"),
        "form": form,
    }
    return render(request, "matching/match/overview.html", context)


@never_cache
@street_view(MANAGER)
def door_list(request, access):
    """Printable: news for neighbours who are not online, for the gangmaker to pass on at the door."""
    notifications = Notification.objects.filter(
        street=access.street, user__is_offline=True, read_at__isnull=True
    ).select_related("user")
    if request.method == "POST":
        notifications.update(read_at=timezone.now())
        help_cache.bump(access.street.pk)
        messages.success(request, _("Gemarkeerd als doorgegeven."))
        return redirect("matching:door_list", street_id=access.street.pk)
    memberships = {
        m.user_id: m.house_number for m in access.street.memberships.filter(user__is_offline=True)
    }
    rows = [(n, memberships.get(n.user_id, "")) for n in notifications]
    return render(request, "matching/match/door_list.html", {"street": access.street, "rows": rows})


@never_cache
@login_required
def preferences(request):
    """How often a member gets news that is not urgent by e-mail."""
    # Looking at the page stores nothing: the row is made when the choice is saved.
    preference = NotificationPreference.objects.filter(
        user=request.user
    ).first() or NotificationPreference(user=request.user)
    form = PreferenceForm(request.POST or None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Uw voorkeur is opgeslagen."))
        return redirect("matching:preferences")
    return render(request, "matching/match/preferences.html", {"form": form})
