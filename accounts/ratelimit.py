"""A small rate limiter on the cache: so many actions per window, per user or per address.

Used on the actions a spammer or a script would repeat (posting on the board, asking to join a
street). The counter lives in the cache (Redis in production, shared by all machines), so it
costs no database writes. Only actions that went through count: a form sent back with errors
does not use up a neighbour's allowance.
"""

import ipaddress
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render

TOO_MANY_REQUESTS = 429


def _is_ip(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address the
    outermost trusted proxy saw (counted from the right of X-Forwarded-For, which each proxy
    appends to, so a client cannot forge it)."""
    proxies = settings.TRUSTED_PROXY_COUNT
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies and _is_ip(hops[-proxies]):
            return hops[-proxies]
    # None, not a made-up value: axes stores the address in an inet column on PostgreSQL.
    return request.META.get("REMOTE_ADDR") or None


def _cache_key(action: str, request) -> str:
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        who = f"user:{user.pk}"
    else:
        who = client_ip(request) or "unknown"
    return f"ratelimit:{action}:{who}"


def is_limited(key: str, action: str) -> bool:
    """True when the key used up the allowance for `action` in this window."""
    limit, _window = settings.RATE_LIMITS[action]
    return (cache.get(key) or 0) >= limit


def count(key: str, action: str) -> None:
    """Count one `action`; the window starts with the first action in it."""
    _limit, window = settings.RATE_LIMITS[action]
    cache.add(key, 0, timeout=window)
    try:
        cache.incr(key)
    except ValueError:
        # The window ran out between add and incr: this action opens a new one.
        cache.set(key, 1, timeout=window)


def too_many_requests(request, action: str | None = None):
    """The Dutch page for "you did this too often", with status 429 and a hint when to retry."""
    window = settings.RATE_LIMITS[action][1] if action else 900
    response = render(
        request,
        "accounts/too_many_requests.html",
        {"minutes": max(1, window // 60)},
        status=TOO_MANY_REQUESTS,
    )
    response["Retry-After"] = str(window)
    return response


def rate_limited(action: str) -> Callable:
    """Limit POSTs to a view to RATE_LIMITS[action] per window; GETs are never limited.

    A POST that the view answers with a redirect (the action went through) is counted.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method != "POST":
                return view(request, *args, **kwargs)
            # The key is taken before the view runs: a visitor whom the view logs in (joining
            # a street makes an account) still counts against their address.
            key = _cache_key(action, request)
            if is_limited(key, action):
                return too_many_requests(request, action)
            response = view(request, *args, **kwargs)
            if 300 <= response.status_code < 400:
                count(key, action)
            return response

        return wrapper

    return decorator
