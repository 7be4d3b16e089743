"""The A5 flyer for one event: what it says and the QR code that opens the event page.

The QR code and the gangmakers' names are made as for the street card (streets.printing);
the print stylesheet is static/css/printables.css.
"""

from django.urls import reverse

from streets import printing
from streets.models.pages import StreetPage

from .models import EventPage
from .recurrence import describe
from .services import coming_occurrences

DATES_ON_FLYER = 4


def flyer_context(request, street: StreetPage, event: EventPage) -> dict:
    """The flyer's content: the event, its next dates, the gangmakers and where to join."""
    event_url = request.build_absolute_uri(event.url)
    return {
        "street": street,
        "event": event,
        "rule_text": describe(event),
        "occurrences": coming_occurrences(event, limit=DATES_ON_FLYER),
        "gangmakers": printing.gangmaker_names(street),
        "join_page": request.build_absolute_uri(reverse("streets:join", args=[street.pk])),
        "qr_url": event_url,
        "qr_svg": printing.qr_svg(event_url),
    }
