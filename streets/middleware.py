"""The anonymous street page, answered from the cache before Wagtail routes the request."""

from . import page_cache


class StreetPageCacheMiddleware:
    """Serve a stored anonymous street page without routing, rendering or any query.

    Wagtail's routing alone costs several queries a request (the site, each level of the
    path, view restrictions), so the lookup sits here, keyed by the address. It must sit inside
    every middleware whose headers or cookies the page needs (security, CSP, session, language,
    CSRF, authentication, X-Frame-Options); what page_cache invalidates stands in for what
    routing would have checked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if page_cache.is_cacheable(request):
            response = page_cache.cached_response(request)
            if response is not None:
                return response
        return self.get_response(request)
