"""The municipality's contact e-mail and phone (MunicipalitySettings) for the footer and the
public forms, without writing anything.

Wagtail's `{% get_settings %}` creates the settings row on first read, so a GET would change
the database; this only reads. The answers are kept in the cache, one entry for all hosts,
dropped whenever the settings are saved (HomeConfig.ready), so a page costs no query for it.
"""

from django import template
from django.core.cache import cache
from wagtail.models import Site

from home.models import MunicipalitySettings

register = template.Library()

CACHE_KEY = "municipality-contacts"
CACHE_SECONDS = 3600


def forget_contacts(**kwargs) -> None:
    cache.delete(CACHE_KEY)


@register.simple_tag(takes_context=True)
def municipality_contact(context) -> dict:
    """{"email": ..., "phone": ...} of the site this request is on; empty strings if unset."""
    request = context.get("request")
    if request is None:
        return {}
    if hasattr(request, "_municipality_contact"):
        return request._municipality_contact
    host = request.get_host()
    contacts = cache.get(CACHE_KEY) or {}
    contact = contacts.get(host)
    if contact is None:
        site = Site.find_for_request(request)
        row = (
            MunicipalitySettings.objects.filter(site=site)
            .values("contact_email", "contact_phone")
            .first()
            if site is not None
            else None
        ) or {}
        contact = {"email": row.get("contact_email", ""), "phone": row.get("contact_phone", "")}
        cache.set(CACHE_KEY, {**contacts, host: contact}, CACHE_SECONDS)
    request._municipality_contact = contact
    return contact
