"""Whole street pages for anonymous visitors, kept in Django's cache and dropped on any change.

A page is stored when StreetPage.serve renders it for an anonymous visitor, under a key made of
host, path, language and letter size, together with the street's id and the street's version
token. streets.middleware serves it from there before Wagtail routes the request: the page and
the street's version in one round trip to the cache, no query. Anything that changes what the anonymous page
shows, or whether Wagtail would serve it at that address (the page, its wijk, its events, the
board counts, the gangmakers' names, a move, unpublishing, a view restriction, a site), replaces
the token through the signal handlers below (those of events through
streets/events/signal_handlers.py, which calls `invalidate`). The cache must be shared by all processes (Redis
in production): a per-process cache would keep serving a page that another process invalidated.

The municipality home and wijk pages, and a visitor's search results page (search.views, keyed
by the cleaned query and page number as well), are kept the same way under the site version (`SITE`),
which every invalidation of any street replaces too, as does any page published, unpublished or
deleted: they list the streets, their events and the articles. `street_version` also keys the
parts of members' pages (streets.templatetags.street_parts).

The CSRF token in the page's forms (letter size, language) and a CSP nonce, should a template
use one, belong to one visitor: they are stored as placeholders and filled in per visitor.
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.urls import Resolver404, resolve
from django.utils.cache import patch_vary_headers
from wagtail.views import serve as wagtail_serve

from ops import versions

# Upcoming events drop off as time passes without any save; this bounds how long that takes.
TIMEOUT_SECONDS = 300
_CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_CSRF_PLACEHOLDER = b"\x00csrf\x00"
_NONCE_PLACEHOLDER = b"\x00nonce\x00"


# The version of what every street shows on the pages above it (the municipality's home, the
# wijk pages, search results): replaced by every change `invalidate` hears of, of any street,
# and by any page published, unpublished, moved or deleted.
SITE = "site"


def _version_key(street_id: int | str) -> str:
    return f"street-page:version:{street_id}"


def _page_key(request, variant: str = "") -> str:
    # Everything the anonymous HTML depends on besides the data: host, path, language, letters,
    # and for a view that reads its query string, the cleaned values it reads (`variant`).
    parts = "|".join(
        [
            request.get_host(),
            request.path,
            getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE),
            request.COOKIES.get("letters", ""),
            variant,
        ]
    )
    return f"street-page:{hashlib.sha256(parts.encode()).hexdigest()[:32]}"


def is_cacheable(request, *, reads_query: bool = False) -> bool:
    """Only plain anonymous GETs: a session may carry messages or a page password, a query
    string would let anyone fill the cache, and Wagtail's previews (dummy requests through the
    same middleware) show drafts. The cookies are checked before the user: without a session
    cookie the user is anonymous and reading it costs no query.

    `reads_query`: a view that cleans its query string itself and keys the page by what it
    read (search) may be kept with one; anyone can then add entries, as with the kept search
    results before, bounded by the timeout and the cache's own size."""
    return (
        request.method in ("GET", "HEAD")
        and not getattr(request, "is_dummy", False)
        and (reads_query or not request.GET)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and "messages" not in request.COOKIES
        and not request.user.is_authenticated
    )


# Which street an address led to, as seen by this process: with it a hit reads the page and
# the street's version in one round trip to the cache. Only a hint (the stored page names its
# street, and that street's version decides), bounded because any path with extra slashes
# leads to a street too.
_street_at: dict[str, int] = {}
_STREET_AT_LIMIT = 10_000


def _remember(page_key: str, street_id: int) -> None:
    if len(_street_at) >= _STREET_AT_LIMIT:
        _street_at.clear()
    _street_at[page_key] = street_id


def cached_response(request) -> HttpResponse | None:
    """The stored page for this address if its street has not changed since; None otherwise.
    The caller has checked is_cacheable(request)."""
    page_key = _page_key(request)
    hinted = _street_at.get(page_key)
    if hinted is None and not _leads_to_wagtail(request):
        return None
    keys = [page_key] if hinted is None else [page_key, _version_key(hinted)]
    found = cache.get_many(keys)
    entry = found.get(page_key)
    if entry is None:
        return None
    street_id, version, content, content_type = entry
    version_key = _version_key(street_id)
    current = found.get(version_key) if version_key in keys else cache.get(version_key)
    if current != version:
        return None
    _remember(page_key, street_id)
    return _response(request, content, content_type)


def cached_site_response(request, variant: str) -> HttpResponse | None:
    """A page kept by `serve_cached(request, SITE, …, variant=variant)` if no street or page
    changed since (the site version decides). The caller has checked is_cacheable(request)."""
    page_key = _page_key(request, variant)
    version_key = _version_key(SITE)
    found = cache.get_many([page_key, version_key])
    entry = found.get(page_key)
    if entry is None or found.get(version_key) != entry[1]:
        return None
    return _response(request, entry[2], entry[3])


def _leads_to_wagtail(request) -> bool:
    """Only an address that Django hands to Wagtail can be a street page: the project's own
    views never pay for a cache read, and a URL pattern added in front of Wagtail's wins over
    a page stored before it existed. Resolving up to Wagtail's catch-all pattern is a good
    part of a hit's cost, so an address this process already knows as a street's skips it
    (patterns change only with a restart)."""
    try:
        match = resolve(request.path_info, getattr(request, "urlconf", None))
    except Resolver404:
        return False
    return match.func is wagtail_serve


def street_version(street_id: int) -> str | None:
    """The street's current version token (a new one if the cache has none). Whatever is kept
    under it is current until `invalidate` replaces it; streets.templatetags.street_parts keys
    the parts of members' pages with it too."""
    return versions.token(_version_key(street_id))


_MISSING = object()


def _data_key(street_id: int | str, version: str, name: str, vary=()) -> str:
    """Where data kept under a street's version lives: the one place such keys are made (a
    language, should the data ever depend on it, would be added here)."""
    variant = "|".join([str(street_id), version, name, *map(str, vary)])
    return f"street-data:{street_id}:{hashlib.sha256(variant.encode()).hexdigest()[:32]}"


def street_cached[T](street_id: int | str, name: str, compute, *vary) -> T:
    """`compute()`, or what it gave since the street's last change: for data (not HTML) that
    only changes with what `invalidate` hears of for this street (its page, posts, members'
    names). The version is read before computing, so a change meanwhile is never kept as
    current. None is not kept (an unknown id must not fill the cache)."""
    version = street_version(street_id)
    if version is None:
        return compute()
    key = _data_key(street_id, version, name, vary)
    found = cache.get(key, _MISSING)
    if found is not _MISSING:
        return found
    value = compute()
    if value is not None:
        cache.set(key, value, TIMEOUT_SECONDS)
    return value


def live_street(street_id: int):
    """The live street page with this id, or None; kept per street version (saving,
    publishing, unpublishing, moving or deleting it replaces the version)."""
    from .models.pages import StreetPage

    return street_cached(
        street_id, "live-street", lambda: StreetPage.objects.live().filter(pk=street_id).first()
    )


# Where Wagtail's routing led a logged-in person's address: a street page. Kept under the
# street's version and the site version (which every page published, unpublished, moved or
# deleted, and every site change replaces), so the routing it stands in for would still give
# the same page. View restrictions are still checked per request by Wagtail's own hook.
def _route_key(request) -> str:
    variant = "|".join([request.get_host(), request.path])
    return f"street-route:{hashlib.sha256(variant.encode()).hexdigest()[:32]}"


def is_routable_from_cache(request) -> bool:
    """A logged-in person's plain GET (no query string, not a preview)."""
    return (
        request.method in ("GET", "HEAD")
        and not getattr(request, "is_dummy", False)
        and not request.GET
        and request.user.is_authenticated
    )


def remember_route(request, street_id: int, versions: tuple) -> None:
    """Called from StreetPage.serve after Wagtail routed a logged-in request to the street,
    with the versions read before routing (`route_versions`)."""
    if None not in versions:
        cache.set(_route_key(request), (street_id, *versions), TIMEOUT_SECONDS)


def route_versions(street_id) -> tuple:
    return (street_version(street_id), street_version(SITE))


def cached_route(request):
    """The street page this address led to, if neither the street nor the site changed since;
    None otherwise. The caller checked is_routable_from_cache(request)."""
    entry = cache.get(_route_key(request))
    if entry is None:
        return None
    street_id, street_token, site_token = entry
    found = cache.get_many([_version_key(street_id), _version_key(SITE)])
    versions.learn(found)
    if (found.get(_version_key(street_id)), found.get(_version_key(SITE))) != (
        street_token,
        site_token,
    ):
        return None
    street = live_street(street_id)
    # Also where the street is now: its address must still be this one.
    if street is None or not street.url_path.endswith(request.path_info):
        return None
    return street


def serve_cached(request, street_id: int | str, render, *, variant: str = "") -> HttpResponse:
    """`render()` the street page and keep it for the next anonymous visitor at this address.
    Called from StreetPage.serve once streets.middleware found nothing current to serve.

    The version is read before rendering: if the street changes meanwhile, the token is
    replaced and the page stored here is never served."""
    version = street_version(street_id)
    response = render()
    if hasattr(response, "render"):
        response.render()
    if response.status_code == 200 and version is not None:
        page_key = _page_key(request, variant)
        content = _with_placeholders(request, response.content)
        cache.set(
            page_key, (street_id, version, content, response["Content-Type"]), TIMEOUT_SECONDS
        )
        # The hint serves the middleware, which looks pages up by address alone: a page keyed
        # by what its view read from the query string (search) is never found that way.
        if not variant:
            _remember(page_key, street_id)
    return response


def _with_placeholders(request, content: bytes) -> bytes:
    content = _CSRF_INPUT.sub(rb"\1" + _CSRF_PLACEHOLDER + rb"\2", content)
    nonce = getattr(request, "_csp_nonce", None)
    # A LazyNonce is false until the page used it; then the CSP header names it too.
    if nonce:
        content = content.replace(str(nonce).encode(), _NONCE_PLACEHOLDER)
    return content


def _filled(request, content: bytes) -> bytes:
    if _CSRF_PLACEHOLDER in content:
        content = content.replace(_CSRF_PLACEHOLDER, get_token(request).encode())
    if _NONCE_PLACEHOLDER in content:
        # Using this request's nonce makes the CSP middleware put it in the header as well.
        content = content.replace(_NONCE_PLACEHOLDER, str(request._csp_nonce).encode())
    return content


def keep_per_request(request, content: str) -> str:
    """HTML rendered for this request, ready to keep for others: the CSRF token of its forms
    (and a CSP nonce) as placeholders, as for the anonymous page (matching.help_cache)."""
    return _with_placeholders(request, content.encode()).decode()


def fill_per_request(request, content: str) -> str:
    """Kept HTML (`keep_per_request`) with this request's CSRF token and nonce."""
    return _filled(request, content.encode()).decode()


def _response(request, content: bytes, content_type: str) -> HttpResponse:
    content = _filled(request, content)
    response = HttpResponse(content, content_type=content_type)
    # Said here rather than left to the session middleware: the page differs by the language
    # and letters cookies, and for a logged-in member, whatever this request happened to read.
    patch_vary_headers(response, ("Cookie",))
    return response


def invalidate(*street_ids: int) -> None:
    """Forget the cached pages of these streets, and the site-wide pages that list them, now
    and again once the change is committed (a request that read the old data before the commit
    may have stored it meanwhile)."""
    keys = [_version_key(pk) for pk in street_ids if pk] + [_version_key(SITE)]

    def bump():
        versions.forget(keys)
        cache.delete_many(keys)

    bump()
    transaction.on_commit(bump)


def _street_of_page(page) -> list[int]:
    """The street a street page or wijk page belongs to (a wijk: all its streets)."""
    from .models.pages import NeighbourhoodPage, StreetPage

    if isinstance(page, StreetPage):
        return [page.pk]
    if isinstance(page, NeighbourhoodPage):
        return list(StreetPage.objects.child_of(page).values_list("pk", flat=True))
    return []


def _on_page_change(sender, instance, **kwargs):
    invalidate(*_street_of_page(instance))


def _on_any_page_change(sender, instance, **kwargs):
    """Any page published, unpublished or deleted (an article, the home page itself) may show
    on the home page or in search results."""
    invalidate()


def _on_street_row_change(sender, instance, **kwargs):
    invalidate(instance.street_id)


# A login only touches these; they are not on any page.
_INVISIBLE_USER_FIELDS = frozenset({"last_login", "password"})


def _on_user_change(sender, instance, update_fields=None, **kwargs):
    """A gangmaker's name is on the public page; every member's first name is on the board's
    cards, which are kept per street version as well."""
    from .models.roles import StreetMembership

    if update_fields and set(update_fields) <= _INVISIBLE_USER_FIELDS:
        return
    streets = StreetMembership.objects.filter(user=instance)
    invalidate(*streets.values_list("street_id", flat=True))


def _on_view_restriction_change(sender, instance, **kwargs):
    """A restriction on a page also closes every page below it to anonymous visitors."""
    from wagtail.models import Page

    from .models.pages import StreetPage

    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        streets = StreetPage.objects.descendant_of(page, inclusive=True)
        invalidate(*streets.values_list("pk", flat=True))


def _on_site_change(sender, instance, **kwargs):
    """A new host name or root page changes which page an address leads to, for any street."""
    from .models.pages import StreetPage

    invalidate(*StreetPage.objects.values_list("pk", flat=True))


def connect_signals() -> None:
    """Called from StreetsConfig.ready(): every save or delete that changes an anonymous page."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.db.models.signals import post_delete, post_save
    from wagtail.models import Page, PageViewRestriction, Site
    from wagtail.signals import page_published, page_unpublished, post_page_move

    from .models.pages import NeighbourhoodPage, StreetPage
    from .models.roles import StreetMembership

    for model in (StreetPage, NeighbourhoodPage):
        for signal in (post_save, post_delete, page_published, page_unpublished):
            signal.connect(_on_page_change, sender=model, dispatch_uid=f"page_cache_{model}")
    for signal in (page_published, page_unpublished):
        signal.connect(_on_any_page_change, dispatch_uid="page_cache_any_page")
    post_delete.connect(_on_any_page_change, sender=Page, dispatch_uid="page_cache_any_page")
    # A moved event leaves one street and joins another: both parents are invalidated.
    post_page_move.connect(_on_moved_page, dispatch_uid="page_cache_move")
    for signal in (post_save, post_delete):
        # The cached page is served before Wagtail routes, so whatever routing would decide
        # differently (a restriction, a site's host or root) must replace the token too.
        signal.connect(
            _on_view_restriction_change, sender=PageViewRestriction, dispatch_uid="page_cache"
        )
        signal.connect(_on_site_change, sender=Site, dispatch_uid="page_cache")
        signal.connect(_on_street_row_change, sender=StreetMembership, dispatch_uid="page_cache")
        signal.connect(_on_user_change, sender=get_user_model(), dispatch_uid="page_cache")
        # The board's counts on the street page; offers and requests save as their own models.
        for name in ("HelpPost", "HelpOffer", "HelpRequest"):
            if apps.is_installed("matching"):
                model = apps.get_model("matching", name)
                signal.connect(_on_street_row_change, sender=model, dispatch_uid="page_cache")


def _on_moved_page(sender, instance, parent_page_before, parent_page_after, **kwargs):
    invalidate(*_street_of_page(instance.specific), parent_page_before.pk, parent_page_after.pk)


def page_number_of(raw) -> int:
    """A `?pagina=` value as the number a kept part is stored under, giving the same page as the
    paginator would for the raw value: not a number is the first page; below 1 or beyond the
    last (any number from 10,000 up counts as 10,000) is the last."""
    try:
        number = int(raw)
    except (TypeError, ValueError):
        return 1
    return max(0, min(number, 10_000))
