"""The health endpoint: JSON for load balancers and monitoring, 200 when healthy, else 503."""

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from ops import health


@never_cache
@require_safe
def health_view(request):
    """Check database, cache and task queue. No personal data, never cached."""
    healthy, answer = health.run_checks()
    return JsonResponse(answer, status=200 if healthy else 503)
