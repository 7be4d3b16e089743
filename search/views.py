from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page, Site

from home.models import FormPage, MunicipalitySettings

from .services import clean_query, find_streets, search_pages

RESULTS_PER_PAGE = 20


def _apply_url() -> str | None:
    """Where a street applies to join the programme, once the programme app provides it."""
    try:
        return reverse("programme:apply")
    except NoReverseMatch:
        return None


def next_steps(site: Site, root: Page) -> dict:
    """What a visitor can do when their street is not (yet) a Lief & Leedstraat: apply for it,
    or ask the municipality (its contact details and its contact form, where there are any)."""
    contact = MunicipalitySettings.for_site(site)
    return {
        "apply_url": _apply_url(),
        "contact_email": contact.contact_email,
        "contact_phone": contact.contact_phone,
        "contact_form": FormPage.objects.live().public().descendant_of(root).first(),
        "municipality": getattr(root.specific, "municipality_name", ""),
    }


def search(request):
    query = clean_query(request.GET.get("q", ""))
    site = Site.find_for_request(request)
    streets = pages = None
    not_found = {}
    if query and site:
        root = site.root_page
        streets = list(find_streets(root, query)[:50])
        paginator = Paginator(search_pages(root, query), RESULTS_PER_PAGE)
        pages = paginator.get_page(request.GET.get("pagina"))
        if not streets:
            not_found = next_steps(site, root)
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "streets": streets,
            "pages": pages,
            "not_found": not_found,
            "query_prefix": urlencode({"q": query}) + "&",
        },
    )
