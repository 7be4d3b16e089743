"""Events on the anonymous street page: a changed event replaces its street's cached page.

streets.page_cache owns the cache and invalidates it for the street's own rows; this module
adds what the events change (the event pages and their skipped or cancelled dates).
StreetsConfig.ready() calls `connect_signals`.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from streets import page_cache
from streets.models.pages import StreetPage

from .models import EventException, EventPage


def _street_of_event(event: EventPage) -> list[int]:
    """The street whose page lists the event: its parent, found by tree path in one query."""
    parent_path = event.path[: -Page.steplen]
    return list(StreetPage.objects.filter(path=parent_path).values_list("pk", flat=True))


def _on_event_change(sender, instance, **kwargs):
    page_cache.invalidate(*_street_of_event(instance))


def _on_exception_change(sender, instance, **kwargs):
    page_cache.invalidate(*_street_of_event(instance.event))


def connect_signals() -> None:
    # A moved event is covered by page_cache itself: it invalidates both parents of a move.
    for signal in (post_save, post_delete, page_published, page_unpublished):
        signal.connect(_on_event_change, sender=EventPage, dispatch_uid="page_cache_events")
    for signal in (post_save, post_delete):
        signal.connect(_on_exception_change, sender=EventException, dispatch_uid="page_cache")
