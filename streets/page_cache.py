"""Whole street pages for anonymous visitors, kept in Django's cache and dropped on any change.

Each street has a version token in the cache; a stored page carries the token it was made
under and is only served while the token is unchanged. Anything that changes what the
anonymous page shows (the page, its wijk's title, its events, the board counts, the
gangmakers' names) replaces the token through the signal handlers below. The cache must be
shared by all processes (Redis in production): a per-process cache would keep serving a page
that another process invalidated.

The CSRF token in the page's forms (letter size, language) belongs to one visitor, so it is
stored as a placeholder and filled in for each visitor when the page is served.
"""

import hashlib
import re
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token

# Upcoming events drop off as time passes without any save; this bounds how long that takes.
TIMEOUT_SECONDS = 300
_CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_CSRF_PLACEHOLDER = b"\x00csrf\x00"


def _version_key(street_id: int) -> str:
    return f"street-page:version:{street_id}"


def _page_key(request, street_id: int) -> str:
    # Everything the anonymous HTML depends on besides the data: host, path, language, letters.
    variant = "|".join(
        [
            request.get_host(),
            request.path,
            getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
            request.COOKIES.get("letters", ""),
        ]
    )
    return f"street-page:{street_id}:{hashlib.sha256(variant.encode()).hexdigest()[:32]}"


def is_cacheable(request) -> bool:
    """Only plain anonymous GETs: a session may carry messages or a page password, a query
    string would let anyone fill the cache."""
    return (
        request.method in ("GET", "HEAD")
        and not request.GET
        and not request.user.is_authenticated
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
    )


def serve_cached(request, street_id: int, render) -> HttpResponse:
    """The cached page if it is current; otherwise `render()` it and keep it for the next."""
    version_key, page_key = _version_key(street_id), _page_key(request, street_id)
    found = cache.get_many([version_key, page_key])
    version = found.get(version_key)
    entry = found.get(page_key)
    if version is not None and entry is not None and entry[0] == version:
        return _response(request, entry[1], entry[2])
    if version is None:
        version = secrets.token_hex(8)
        if not cache.add(version_key, version, None):
            version = cache.get(version_key)
    response = render()
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200 and version is not None:
        content = _CSRF_INPUT.sub(rb"\1" + _CSRF_PLACEHOLDER + rb"\2", response.content)
        cache.set(page_key, (version, content, response["Content-Type"]), TIMEOUT_SECONDS)
    return response


def _response(request, content: bytes, content_type: str) -> HttpResponse:
    if _CSRF_PLACEHOLDER in content:
        content = content.replace(_CSRF_PLACEHOLDER, get_token(request).encode())
    return HttpResponse(content, content_type=content_type)


def invalidate(*street_ids: int) -> None:
    """Forget the cached pages of these streets, now and again once the change is committed
    (a request that read the old data before the commit may have stored it meanwhile)."""
    ids = [pk for pk in street_ids if pk]
    if not ids:
        return

    def bump():
        cache.delete_many([_version_key(pk) for pk in ids])

    bump()
    transaction.on_commit(bump)


def _street_of_page(page) -> list[int]:
    """The street a street page, event page or wijk page belongs to (a wijk: all its streets)."""
    from wagtail.models import Page

    from .models import EventPage, NeighbourhoodPage, StreetPage

    if isinstance(page, StreetPage):
        return [page.pk]
    if isinstance(page, EventPage):
        parent_path = page.path[: -Page.steplen]
        return list(StreetPage.objects.filter(path=parent_path).values_list("pk", flat=True))
    if isinstance(page, NeighbourhoodPage):
        return list(StreetPage.objects.child_of(page).values_list("pk", flat=True))
    return []


def _on_page_change(sender, instance, **kwargs):
    invalidate(*_street_of_page(instance))


def _on_exception_change(sender, instance, **kwargs):
    invalidate(*_street_of_page(instance.event))


def _on_street_row_change(sender, instance, **kwargs):
    invalidate(instance.street_id)


# A login only touches these; they are not on any page.
_INVISIBLE_USER_FIELDS = frozenset({"last_login", "password"})


def _on_user_change(sender, instance, update_fields=None, **kwargs):
    from .choices import MemberRole
    from .models import StreetMembership

    if update_fields and set(update_fields) <= _INVISIBLE_USER_FIELDS:
        return
    streets = StreetMembership.objects.filter(user=instance, role=MemberRole.GANGMAKER)
    invalidate(*streets.values_list("street_id", flat=True))


def connect_signals() -> None:
    """Called from StreetsConfig.ready(): every save or delete that changes an anonymous page."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_delete, post_save
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models import EventException, EventPage, NeighbourhoodPage, StreetMembership, StreetPage

    for model in (StreetPage, EventPage, NeighbourhoodPage):
        for signal in (post_save, post_delete, page_published, page_unpublished):
            signal.connect(_on_page_change, sender=model, dispatch_uid=f"page_cache_{model}")
    # A moved event leaves one street and joins another; instance is the page after the move.
    post_page_move.connect(_on_moved_page, dispatch_uid="page_cache_move")
    for signal in (post_save, post_delete):
        signal.connect(_on_exception_change, sender=EventException, dispatch_uid="page_cache")
        signal.connect(_on_street_row_change, sender=StreetMembership, dispatch_uid="page_cache")
        signal.connect(_on_user_change, sender=get_user_model(), dispatch_uid="page_cache")
        # The board's counts on the street page; offers and requests save as their own models.
        for name in ("HelpPost", "HelpOffer", "HelpRequest"):
            if apps.is_installed("matching"):
                model = apps.get_model("matching", name)
                signal.connect(_on_street_row_change, sender=model, dispatch_uid="page_cache")


def _on_moved_page(sender, instance, parent_page_before, parent_page_after, **kwargs):
    invalidate(*_street_of_page(instance.specific), parent_page_before.pk, parent_page_after.pk)
