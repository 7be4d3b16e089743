from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site

from home.models import FormPage, MunicipalitySettings
from streets import page_cache
from streets.page_cache import page_number_of

from .services import clean_query, find_streets, search_pages

RESULTS_PER_PAGE = 20


def next_steps(site: Site, root: Page) -> dict:
    """What a visitor can do when their street is not (yet) a Lief & Leedstraat: apply for it,
    or ask the municipality (its contact details and its contact form, where there are any)."""
    # Read, never create: MunicipalitySettings.for_site() would write a row on a GET.
    contact = (
        MunicipalitySettings.objects.filter(site=site)
        .values("contact_email", "contact_phone")
        .first()
        or {}
    )
    return {
        "apply_url": reverse("programme:apply"),
        "contact_email": contact.get("contact_email", ""),
        "contact_phone": contact.get("contact_phone", ""),
        "contact_form": FormPage.objects.live().public().descendant_of(root).first(),
        "municipality": getattr(root.specific, "municipality_name", ""),
    }


def search(request):
    """Streets and pages for a query. The results are the same for everyone on a site and are
    kept under the site version by the template (`{% sitepart %}`), so they are read lazily:
    only when no current copy is kept. For a visitor without a session the whole page is kept
    too, under the same version, keyed by the cleaned query and page number: a repeated search
    then asks the database nothing, not even for the site."""
    query = clean_query(request.GET.get("q", ""))
    # The number keys the kept copy, so the page rendered must be the one that number gives.
    page_number = page_number_of(request.GET.get("pagina"))
    if page_cache.is_cacheable(request, reads_query=True):
        variant = f"search|{query}|{page_number}"
        kept = page_cache.cached_site_response(request, variant)
        if kept is not None:
            return kept
        return page_cache.serve_cached(
            request, page_cache.SITE, lambda: _search(request, query, page_number), variant=variant
        )
    return _search(request, query, page_number)


def _search(request, query: str, page_number: int):
    site = Site.find_for_request(request)
    streets = pages = None
    not_found = {}
    if query and site:
        root_id = site.root_page_id
        streets = SimpleLazyObject(lambda: list(find_streets(site.root_page, query)[:50]))
        pages = SimpleLazyObject(
            lambda: Paginator(search_pages(site.root_page, query), RESULTS_PER_PAGE).get_page(
                page_number
            )
        )
        # Shown only when no street is found; read only then (inside the kept part).
        not_found = SimpleLazyObject(lambda: next_steps(site, site.root_page))
    else:
        root_id = None
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "root_id": root_id,
            "page_number": page_number,
            "streets": streets,
            "pages": pages,
            "not_found": not_found,
            "query_prefix": urlencode({"q": query}) + "&",
        },
    )
