"""Who may handle the programme: only the municipality's own coordinator (and superusers)."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from home.models import HomePage
from programme.models import StreetApplication
from streets.permissions import is_coordinator_of


def coordinated_municipality(request, home_id) -> HomePage:
    home = get_object_or_404(HomePage, pk=home_id)
    if not is_coordinator_of(request.user, home):
        raise PermissionDenied
    return home


def coordinated_application(request, application_id) -> StreetApplication:
    application = get_object_or_404(
        StreetApplication.objects.select_related("municipality", "wijk", "street", "handled_by"),
        pk=application_id,
    )
    if not is_coordinator_of(request.user, application.municipality):
        raise PermissionDenied
    return application
