"""Street events outside the Wagtail admin: the gangmakers' form, cancelling, "ik kom",
the attendee list, iCal downloads and the printed street card and flyer.

Every view is scoped to a street through permissions.street_view (or is public and shows
only live, public pages); an event of another street is a 404.
"""

import datetime

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import ical, printing
from .events.forms import CancelForm, EventForm, OccurrenceForm
from .events.recurrence import HORIZON, describe, occurrences, upcoming
from .events.services import (
    EventError,
    attend,
    attendance_counts,
    attendee_memberships,
    create_event,
    set_cancelled,
    set_occurrence_cancelled,
    unattend,
    update_event,
)
from .models import EventAttendance, EventPage, StreetPage
from .permissions import MANAGER, MEMBER, street_access, street_view

# The event page shows this many coming dates of a series.
DATES_ON_EVENT_PAGE = 8


def _event(street: StreetPage, event_id: int) -> EventPage:
    return get_object_or_404(
        EventPage.objects.child_of(street).live().prefetch_related("exceptions"), pk=event_id
    )


def _coming(event: EventPage, limit: int = DATES_ON_EVENT_PAGE):
    now = timezone.now()
    before = now + HORIZON if event.is_recurring else None
    return occurrences(event, now, before, limit=limit)


def event_page_context(request, event: EventPage) -> dict:
    """What the event page shows: the dates to come and, per viewer, "ik kom" or the counts."""
    street = StreetPage.objects.get(pk=event.get_parent().pk)
    access = street_access(request.user, street)
    coming = _coming(event)
    mine: set[datetime.date] = set()
    if access.is_member:
        mine = set(
            EventAttendance.objects.filter(event=event, user=request.user).values_list(
                "occurrence_date", flat=True
            )
        )
    counts = attendance_counts(event, [o.date for o in coming]) if access.can_manage else {}
    return {
        "street": street,
        "access": access,
        "rule_text": describe(event),
        "dates": [
            {"occurrence": o, "attending": o.date in mine, "count": counts.get(o.date, 0)}
            for o in coming
        ],
    }


@never_cache
@street_view(MANAGER)
def event_new(request, access):
    """A gangmaker puts a new activity on the street page."""
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        event = create_event(access.street, request.user, form.event_data())
        messages.success(request, _("De activiteit staat op de straatpagina."))
        return redirect(event.url)
    return render(
        request, "streets/events/event_form.html", {"street": access.street, "form": form}
    )


@never_cache
@street_view(MANAGER)
def event_edit(request, access, event_id):
    event = _event(access.street, event_id)
    form = EventForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        event = update_event(event, request.user, form.event_data())
        messages.success(request, _("De activiteit is bijgewerkt."))
        return redirect(event.url)
    return render(
        request,
        "streets/events/event_form.html",
        {"street": access.street, "event": event, "form": form},
    )


@never_cache
@street_view(MANAGER)
def event_cancel(request, access, event_id):
    """Ask what to cancel (the whole event or one date) and confirm before doing it."""
    event = _event(access.street, event_id)
    coming = _coming(event) if event.is_recurring and not event.cancelled else []
    form = CancelForm(request.POST or None, occurrences=coming)
    if request.method == "POST" and form.is_valid():
        day, note = form.cleaned_day(), form.cleaned_data["note"]
        try:
            if day is None:
                event = set_cancelled(event, request.user, True, note)
            else:
                event = set_occurrence_cancelled(event, day, request.user, True, note)
        except EventError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Afgezegd. Op de website staat nu dat het niet doorgaat."))
        return redirect(event.url)
    return render(
        request,
        "streets/events/event_cancel.html",
        {"street": access.street, "event": event, "form": form},
    )


@require_POST
@street_view(MANAGER)
def event_restore(request, access, event_id):
    """Undo a cancellation: of the whole event, or (with a date) of one date."""
    event = _event(access.street, event_id)
    form = OccurrenceForm(request.POST)
    try:
        if form.is_valid():
            set_occurrence_cancelled(event, form.cleaned_data["date"], request.user, False)
        elif "date" in request.POST:
            raise EventError(_("Kies een datum."))
        else:
            set_cancelled(event, request.user, False)
    except EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Het gaat weer door."))
    return redirect(event.url)


@require_POST
@street_view(MEMBER)
def event_rsvp(request, access, event_id):
    """ "Ik kom" (or, with undo, "toch niet") for one date of an event."""
    event = _event(access.street, event_id)
    form = OccurrenceForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een datum van deze activiteit."))
        return redirect(event.url)
    day = form.cleaned_data["date"]
    if request.POST.get("undo"):
        unattend(event, day, request.user)
        messages.success(request, _("Jammer! U staat niet meer op de lijst."))
        return redirect(event.url)
    try:
        attend(event, day, request.user)
    except EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Fijn dat u komt! De gangmakers zien het."))
    return redirect(event.url)


@never_cache
@street_view(MANAGER)
def event_attendees(request, access, event_id):
    """Printable list of who comes: first name and house number, street members only."""
    event = _event(access.street, event_id)
    coming = _coming(event)
    form = OccurrenceForm(request.GET or None)
    day = form.cleaned_data["date"] if form.is_valid() else (coming[0].date if coming else None)
    counts = attendance_counts(event, [o.date for o in coming])
    context = {
        "street": access.street,
        "event": event,
        "day": day,
        "dates": [{"occurrence": o, "count": counts.get(o.date, 0)} for o in coming],
        "attendees": attendee_memberships(event, day) if day else [],
    }
    return render(request, "streets/events/attendees.html", context)


def _ics_response(body: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def street_ics(request, street_id):
    """The street's agenda to subscribe to (public, like the street page)."""
    street = get_object_or_404(StreetPage.objects.live().public(), pk=street_id)
    events = EventPage.objects.child_of(street).live().public().prefetch_related("exceptions")
    return _ics_response(ical.street_calendar(street, events, request), f"{street.slug}.ics")


def event_ics(request, street_id, event_id):
    """One event (the whole series) for the phone's calendar."""
    street = get_object_or_404(StreetPage.objects.live().public(), pk=street_id)
    event = get_object_or_404(
        EventPage.objects.child_of(street).live().public().prefetch_related("exceptions"),
        pk=event_id,
    )
    return _ics_response(ical.event_calendar(event, request), f"{event.slug}.ics")


def _gangmaker_names(street: StreetPage) -> list[str]:
    return [m.user.first_name for m in street.gangmaker_memberships()]


@never_cache
@street_view(MANAGER)
def street_card(request, access):
    """A6 card for letterboxes; its QR code opens the join form, marked "via de kaart"."""
    street = access.street
    events = EventPage.objects.child_of(street).live().public().prefetch_related("exceptions")
    join_url = printing.join_url(request, street)
    context = {
        "street": street,
        "gangmakers": _gangmaker_names(street),
        "occurrences": upcoming(events, limit=printing.EVENTS_ON_CARD),
        "qr_url": join_url,
        "qr_svg": printing.qr_svg(join_url),
    }
    return render(request, "streets/events/street_card.html", context)


@never_cache
@street_view(MANAGER)
def event_flyer(request, access, event_id):
    """A5 flyer for one event; its QR code opens the event page."""
    event = _event(access.street, event_id)
    event_url = request.build_absolute_uri(event.url)
    context = {
        "street": access.street,
        "event": event,
        "rule_text": describe(event),
        "occurrences": _coming(event, limit=printing.DATES_ON_FLYER),
        "gangmakers": _gangmaker_names(access.street),
        "join_page": request.build_absolute_uri(reverse("streets:join", args=[access.street.pk])),
        "qr_url": event_url,
        "qr_svg": printing.qr_svg(event_url),
    }
    return render(request, "streets/events/event_flyer.html", context)
