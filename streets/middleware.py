"""The anonymous street page, answered from the cache before Wagtail routes the request; for a
logged-in person, the street the address leads to, so Wagtail need not route it again."""

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
        elif page_cache.is_routable_from_cache(request):
            # Wagtail's serve view takes the route from here (Page.route_for_request) and still
            # runs its hooks (view restrictions, allowed methods) and the page's own serve().
            street = page_cache.cached_route(request)
            if street is not None:
                street.view_restrictions_kept = True
                request._wagtail_route_for_request = (street, [], {})
                request.street_route_cached = True
        return self.get_response(request)
