"""Version tokens read once per page view instead of once per kept part.

The per-person and per-street caches (accounts.usercache, streets.page_cache,
matching.help_cache) key what they keep with a version token that every change replaces. A
member's street page asks for its street's token for each kept part and for the person's
token for each kept answer: with Redis each ask is a round trip, and one page made 27 of them.
Within one GET or HEAD request (which changes nothing) the first answer is remembered and used
again; `forget` drops a remembered token the moment the request itself replaces one, so a
change made earlier in the same request is still seen.

Why an older token is safe: a token is read before the data it keys. A part read under a token
that another request replaced meanwhile is what the page showed at the start of this request,
and a part computed now and stored under that older token is never read again (the same
guarantee as reading the token once before rendering).
"""

import contextvars
import secrets
from collections.abc import Callable, Iterable, Mapping

from django.core.cache import cache

_tokens: contextvars.ContextVar[dict | None] = contextvars.ContextVar("versions", default=None)


def current(key: str) -> str:
    """The version token under `key` in Django's cache; a new one if there is none. Kept
    without a timeout; replacing it (deleting the key) makes everything kept under it stale."""
    token = cache.get(key)
    if token is None:
        token = secrets.token_hex(8)
        if not cache.add(key, token, None):
            token = cache.get(key) or token
    return token


def token(key: str) -> str:
    """`current(key)`, read once per GET request."""
    return remembered(key, lambda: current(key))


def remembered(key: str, read: Callable[[], str | None]) -> str | None:
    """The token under `key`: remembered in this request, else `read()` (then remembered)."""
    memo = _tokens.get()
    if memo is None:
        return read()
    if key not in memo:
        value = read()
        if value is None:
            return None
        memo[key] = value
    return memo[key]


def learn(found: Mapping[str, str | None]) -> None:
    """Tokens read together elsewhere (one `get_many`), remembered for the rest of the request."""
    memo = _tokens.get()
    if memo is not None:
        memo.update((key, value) for key, value in found.items() if value is not None)


def forget(keys: Iterable[str]) -> None:
    """These tokens are being replaced: read them anew next time."""
    memo = _tokens.get()
    if memo is not None:
        for key in keys:
            memo.pop(key, None)


class VersionMemoMiddleware:
    """Remembers version tokens for the length of one GET or HEAD request (rendering included:
    a TemplateResponse is rendered inside the middleware chain)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        token = _tokens.set({})
        try:
            return self.get_response(request)
        finally:
            _tokens.reset(token)
