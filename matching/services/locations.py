"""Geocoding members' homes in the background: the only caller of matching.geocoding."""

from django.utils import timezone

from home.models import HomePage
from matching.geocoding import geocode_address
from matching.models import HomeLocation, LocationStatus
from streets.models import StreetMembership

# Errors worth another try later; anything else is final until the address changes.
RETRYABLE = {"timeout", "rate_limited", "unavailable", "disabled"}


def geocode_membership(membership_id: int) -> HomeLocation | None:
    """Look up one member's home; stores the result, never raises, safe to run twice."""
    membership = StreetMembership.objects.select_related("street").filter(pk=membership_id).first()
    if membership is None:
        return None
    location, _created = HomeLocation.objects.get_or_create(membership=membership)
    if location.status == LocationStatus.FOUND:
        return location
    street = membership.street
    home = HomePage.objects.ancestor_of(street).first()
    result = geocode_address(
        street.title,
        membership.house_number,
        street.postcodes,
        home.municipality_name if home else "",
    )
    if result.ok:
        location.latitude, location.longitude = result.latitude, result.longitude
        location.status, location.error = LocationStatus.FOUND, ""
    elif result.error not in RETRYABLE:
        location.status, location.error = LocationStatus.FAILED, result.error[:30]
    else:
        location.error = result.error[:30]
    location.geocoded_at = timezone.now()
    location.save()
    return location
