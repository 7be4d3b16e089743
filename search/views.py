from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from wagtail.models import Page, Site

from home.models import FormPage, MunicipalitySettings

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
