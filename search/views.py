from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render
from wagtail.models import Site

from .services import clean_query, find_streets, search_pages

RESULTS_PER_PAGE = 20


def search(request):
    query = clean_query(request.GET.get("q", ""))
    site = Site.find_for_request(request)
    streets = pages = None
    if query and site:
        root = site.root_page
        streets = list(find_streets(root, query)[:50])
        paginator = Paginator(search_pages(root, query), RESULTS_PER_PAGE)
        pages = paginator.get_page(request.GET.get("pagina"))
    return render(
        request,
        "search/search.html",
        {
            "query": query,
            "streets": streets,
            "pages": pages,
            "query_prefix": urlencode({"q": query}) + "&",
        },
    )
