"""Panels that apps above the pot add to the gangmaker's pot page.

pot owns the mechanism and knows none of the apps that use it: each registers a panel in its
own `AppConfig.ready()` (the programme shows the startpakket there, to confirm receipt)::

    from pot.panels import register_pot_panel

    def starter_pack_panel(request, access, year):
        return render_to_string("programme/_pack_panel.html", {...}, request=request)  # or ""

    register_pot_panel(starter_pack_panel)

A panel must not change anything (the page is a GET) and returns safe HTML or "".
"""

from collections.abc import Callable

from django.utils.safestring import SafeString, mark_safe

PotPanel = Callable[..., str]

_panels: list[PotPanel] = []


def register_pot_panel(panel: PotPanel) -> None:
    """Adds a panel; registering the same one twice (a reloaded app) keeps one."""
    if panel not in _panels:
        _panels.append(panel)


def render_panels(request, access, year: int) -> list[SafeString]:
    """The registered panels' HTML for this street and year, empty ones left out."""
    rendered = (panel(request, access, year) for panel in _panels)
    # Panels render through Django templates, which escape what they show.
    return [mark_safe(html) for html in rendered if html]  # noqa: S308
