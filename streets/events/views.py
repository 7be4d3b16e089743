"""Street events outside the Wagtail admin: the gangmakers' form, cancelling, "ik kom",
the attendee list, iCal downloads and the printed flyer. The event page itself is the
Wagtail page (EventPage), whose context comes from services.event_page_context.

Every view is scoped to a street through permissions.street_view (or is public and shows
only live, public pages); an event of another street is a 404.
"""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.languages import print_language
from streets.models.pages import StreetPage
from streets.permissions import MANAGER, MEMBER, street_view

from . import ical, printing
from .forms import CancelForm, EventForm, OccurrenceForm
from .models import EventPage
from .services import (
    EventError,
    attend,
    attendance_counts,
    attendee_memberships,
    coming_occurrences,
    create_event,
    set_cancelled,
    set_occurrence_cancelled,
    unattend,
    update_event,
)


def _event(street: StreetPage, event_id: int) -> EventPage:
    return get_object_or_404(
        EventPage.objects.child_of(street).live().prefetch_related("exceptions"), pk=event_id
    )


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
    coming = coming_occurrences(event) if event.is_recurring and not event.cancelled else []
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
    coming = coming_occurrences(event)
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


@never_cache
@street_view(MANAGER)
def event_flyer(request, access, event_id):
    """A5 flyer for one event; its QR code opens the event page.

    `?taal=tr` prints it in Turkish for the neighbours who read that better (the gangmaker's
    own language otherwise); what the gangmakers wrote about the event stays as written."""
    event = _event(access.street, event_id)
    with translation.override(print_language(request)):
        context = printing.flyer_context(request, access.street, event)
        return render(request, "streets/events/event_flyer.html", context)
