"""The municipality's contact e-mail and phone (MunicipalitySettings) for the footer and the
public forms, without writing anything.

Wagtail's `{% get_settings %}` creates the settings row on first read, so a GET would change
the database; this only reads. The answers are kept in the cache, one entry for all hosts,
dropped whenever the settings are saved (HomeConfig.ready), so a page costs no query for it;
saving them also replaces every street's and the site's version (streets.page_cache), as
pages and parts kept under those show the contact.
"""

from django import template
from django.core.cache import cache
from wagtail.models import Site

from home.models import MunicipalitySettings
from streets import page_cache

register = template.Library()

CACHE_KEY = "municipality-contacts"
CACHE_SECONDS = 3600


def forget_contacts(**kwargs) -> None:
    """The contact shows in the footer of every page and in kept parts (the search page's "no
    street found", a street without gangmakers): those kept pages and parts go too."""
    from streets.models import StreetPage

    cache.delete(CACHE_KEY)
    page_cache.invalidate(*StreetPage.objects.values_list("pk", flat=True))


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
