from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.functional import SimpleLazyObject
from wagtail.models import Site

from streets.page_cache import page_number_of

from .services import clean_query, find_streets, search_pages

RESULTS_PER_PAGE = 20


def search(request):
    """Streets and pages for a query. The results are the same for everyone on a site and are
    kept under the site version by the template (`{% sitepart %}`), so they are read lazily:
    only when no current copy is kept."""
    query = clean_query(request.GET.get("q", ""))
    site = Site.find_for_request(request)
    # The number keys the kept copy, so the page rendered must be the one that number gives.
    page_number = page_number_of(request.GET.get("pagina"))
    streets = pages = None
    if query and site:
        root_id = site.root_page_id
        streets = SimpleLazyObject(lambda: list(find_streets(site.root_page, query)[:50]))
        pages = SimpleLazyObject(
            lambda: Paginator(search_pages(site.root_page, query), RESULTS_PER_PAGE).get_page(
                page_number
            )
        )
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
            "query_prefix": urlencode({"q": query}) + "&",
        },
    )
