"""Printed material for the street: the A6 letterbox card, and the QR codes of all print.

The event flyer (A5) is streets.events.printing, which uses the QR code and names made here.
The QR codes are made here with segno as inline SVG (no image files, sharp at any print
size). Their targets are absolute URLs, since a phone camera has no page to be relative to.
"""

import segno
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from .models.pages import StreetPage

EVENTS_ON_CARD = 3


def join_url(request, street: StreetPage) -> str:
    """The card's target: the join form of this street, remembered as coming from the card."""
    # streets:join_by_code redirects to the join form with via=card; the printed code, unlike
    # the street's id, can be replaced if cards end up in the wrong letterboxes.
    # The code in groups ("K7WM-4QHT"): the address printed under the QR code can be typed.
    return request.build_absolute_uri(
        reverse("streets:join_by_code", args=[street.join_code_display])
    )


def gangmaker_names(street: StreetPage) -> list[str]:
    """The gangmakers as print shows them: first names only."""
    return [m.user.first_name for m in street.gangmaker_memberships()]


def make_qr(data: str) -> segno.QRCode:
    # Error level M survives a crease or a coffee ring on a card in a letterbox.
    return segno.make(data, error="m", micro=False)


def qr_svg(data: str) -> SafeString:
    """The QR code for `data` as an inline <svg>, sized by the print stylesheet."""
    svg = make_qr(data).svg_inline(
        scale=4, border=4, dark="#000", light="#fff", omitsize=True, title=data
    )
    # segno builds the markup from the module matrix; `data` only appears escaped in <title>.
    return mark_safe(svg)  # noqa: S308
