"""Joining a street, the gangmakers' member pages and the printed street card. Checks live
in permissions.py; the events' views are in streets/events/views.py."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.languages import print_language
from accounts.models import User
from accounts.ratelimit import rate_limited
from accounts.todos import todos_for

from . import printing
from .choices import JoinedVia, MemberRole, MembershipStatus
from .events.models import EventPage
from .events.recurrence import upcoming
from .forms import DecisionForm, JoinForm, JoinWithAccountForm, OfflineNeighbourForm
from .house_numbers import sorted_by_house_number
from .join_codes import normalise_join_code
from .models.pages import StreetPage
from .models.roles import CoordinatorAssignment, StreetMembership, WelzijnAssignment
from .permissions import MANAGER, MEMBER, street_access, street_view
from .services import (
    MembershipError,
    apply_to_join,
    decide_membership,
    leave_street,
    register_offline_neighbour,
    set_role,
)


@rate_limited("join_request")
def join(request, street_id):
    """Apply to join a street; a visitor makes an account in the same form."""
    street = get_object_or_404(StreetPage.objects.live(), pk=street_id)
    access = street_access(request.user, street)
    if access.is_member:
        messages.info(request, _("U bent al lid van %(street)s.") % {"street": street.title})
        return redirect(street.url)
    if access.is_pending:
        return render(request, "streets/join_pending.html", {"street": street, "access": access})

    form_class = JoinForm if request.user.is_authenticated else JoinWithAccountForm
    initial = {
        "via": JoinedVia.CARD if request.GET.get("via") == JoinedVia.CARD else JoinedVia.WEBSITE
    }
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        user = request.user
        if not user.is_authenticated:
            user = User.objects.create_user(
                email=data["email"],
                password=data["password"],
                first_name=data["first_name"],
                last_name=data["last_name"],
                # Mail to them is written in the language they joined in.
                language=translation.get_language(),
            )
            login(request, user, backend="accounts.backends.AccountBackend")
        apply_to_join(street, user, data["house_number"], data["message"], data["via"])
        messages.success(
            request,
            _(
                "Bedankt! De gangmakers van %(street)s krijgen uw aanmelding en laten u weten of het gelukt is."
            )
            % {"street": street.title},
        )
        return redirect("streets:my_streets")
    return render(request, "streets/join.html", {"street": street, "form": form})


def join_by_code(request, code):
    """The QR code on a street card lands here: the join form, marked as coming from the card."""
    # As typed ("k7wm 4qht", "K7WM-4QHT") or an old card's code (case-sensitive, with - or _).
    street = (
        StreetPage.objects.live()
        .filter(
            Q(join_code=normalise_join_code(code)) | Q(join_code=code) | Q(legacy_join_code=code)
        )
        .first()
    )
    if street is None or not code:
        raise Http404
    return redirect(f"{reverse('streets:join', args=[street.pk])}?via={JoinedVia.CARD}")


@login_required
def my_streets(request):
    """Where a logged-in person starts: what to do, per street, and their other places.

    The to-do lines come from every app through accounts.todos (each app registers its own
    provider); this view only sorts them under the street they belong to. Welzijn staff and
    coordinators get their dashboards, signals, pots and streets. Only looked at: nothing
    changes here.
    """
    memberships = list(
        StreetMembership.objects.filter(user=request.user, street__live=True)
        .exclude(status=MembershipStatus.LEFT)
        .select_related("street")
        .order_by("street__title")
    )
    todos = todos_for(request.user)
    street_titles = {m.street.title for m in memberships if m.status == MembershipStatus.APPROVED}
    for membership in memberships:
        membership.todos = [todo for todo in todos if todo.place == membership.street.title]
    welzijn_assignments = list(
        WelzijnAssignment.objects.filter(user=request.user)
        .select_related("neighbourhood")
        .order_by("neighbourhood__title")
    )
    for assignment in welzijn_assignments:
        assignment.streets = (
            StreetPage.objects.live().descendant_of(assignment.neighbourhood).order_by("title")
        )
    context = {
        "memberships": memberships,
        # Lines for no street of theirs: welzijn's signals, a street they left.
        "other_todos": [todo for todo in todos if todo.place not in street_titles],
        "welzijn_assignments": welzijn_assignments,
        "coordinator_assignments": CoordinatorAssignment.objects.filter(
            user=request.user
        ).select_related("municipality"),
    }
    return render(request, "streets/my_streets.html", context)


@street_view(MANAGER)
def members(request, access):
    """The gangmakers' list: applications to decide on, and who lives in the street."""
    street = access.street
    # By house number as a person reads them (8, 8a, 8-2, 10); the database sorts text.
    memberships = sorted_by_house_number(street.memberships.select_related("user", "decided_by"))
    context = {
        "street": street,
        "access": access,
        "pending": [m for m in memberships if m.status == MembershipStatus.PENDING],
        "approved": [m for m in memberships if m.status == MembershipStatus.APPROVED],
    }
    return render(request, "streets/members.html", context)


@require_POST
@street_view(MANAGER)
def approve(request, access, membership_id):
    membership = get_object_or_404(StreetMembership, pk=membership_id, street=access.street)
    try:
        decide_membership(membership, request.user, approve=True)
    except MembershipError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(name)s is nu lid van de straat.") % {"name": membership.user.first_name}
        )
    return redirect("streets:members", street_id=access.street.pk)


@street_view(MANAGER)
def decline(request, access, membership_id):
    """Ask for confirmation (and an optional reason) before declining; only an application
    that waits for a decision can be declined (a member leaves or is relieved elsewhere)."""
    membership = get_object_or_404(StreetMembership, pk=membership_id, street=access.street)
    if membership.status != MembershipStatus.PENDING:
        messages.error(request, _("Over deze aanmelding is al besloten."))
        return redirect("streets:members", street_id=access.street.pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            decide_membership(
                membership, request.user, approve=False, note=form.cleaned_data["note"]
            )
        except MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("De aanmelding is afgewezen. De aanvrager krijgt bericht."))
        return redirect("streets:members", street_id=access.street.pk)
    return render(
        request,
        "streets/decline.html",
        {"street": access.street, "membership": membership, "form": form},
    )


@street_view(MANAGER)
def register_offline(request, access):
    """Add a neighbour who has no e-mail, so they can be helped and can help."""
    form = OfflineNeighbourForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        membership = register_offline_neighbour(access.street, request.user, **form.cleaned_data)
        messages.success(
            request,
            _("%(name)s staat nu op de bewonerslijst. Vertel het hem of haar even persoonlijk.")
            % {"name": membership.user.first_name},
        )
        return redirect("streets:members", street_id=access.street.pk)
    return render(request, "streets/register_offline.html", {"street": access.street, "form": form})


@require_POST
@street_view(MANAGER)
def change_role(request, access, membership_id):
    """Coordinators appoint gangmakers (and relieve them) for a handover."""
    if not access.is_coordinator:
        messages.error(
            request, _("Alleen de coördinator van de gemeente kan gangmakers aanwijzen.")
        )
        return redirect("streets:members", street_id=access.street.pk)
    membership = get_object_or_404(StreetMembership, pk=membership_id, street=access.street)
    role = request.POST.get("role")
    if role not in MemberRole.values:
        messages.error(request, _("Kies bewoner of gangmaker."))
    else:
        try:
            set_role(membership, role, request.user)
        except MembershipError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("De rol is aangepast."))
    return redirect("streets:members", street_id=access.street.pk)


@street_view(MEMBER)
def leave(request, access):
    """A member leaves the street, after confirming."""
    if request.method == "POST":
        leave_street(access.membership)
        messages.success(
            request, _("U bent uitgeschreven bij %(street)s.") % {"street": access.street.title}
        )
        return redirect("streets:my_streets")
    return render(request, "streets/leave.html", {"street": access.street})


@never_cache
@street_view(MANAGER)
def street_card(request, access):
    """A6 card for letterboxes; its QR code opens the join form, marked "via de kaart".

    `?taal=ar` prints it in Arabic for the homes that read that better (the gangmaker's own
    language otherwise); event titles stay as the gangmakers wrote them."""
    street = access.street
    events = EventPage.objects.child_of(street).live().public().prefetch_related("exceptions")
    join_url = printing.join_url(request, street)
    context = {
        "street": street,
        "gangmakers": printing.gangmaker_names(street),
        "occurrences": upcoming(events, limit=printing.EVENTS_ON_CARD),
        "qr_url": join_url,
        "qr_svg": printing.qr_svg(join_url),
    }
    with translation.override(print_language(request)):
        return render(request, "streets/street_card.html", context)
