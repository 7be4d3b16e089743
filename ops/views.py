"""The health endpoint: JSON for load balancers and monitoring, 200 when healthy, else 503.
And /favicon.ico, which browsers ask for where a page names no icon (a JSON answer, a file)."""

from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from ops import health


@never_cache
@require_safe
def health_view(request):
    """Check database, cache and task queue. No personal data, never cached."""
    healthy, answer = health.run_checks()
    return JsonResponse(answer, status=200 if healthy else 503)


@require_safe
def favicon(request):
    """The site's icon lives with the static files; the old address points there."""
    return HttpResponsePermanentRedirect(static("img/favicon.svg"))
