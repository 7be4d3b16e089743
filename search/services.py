"""Site search: a street by postcode or name first, then events and articles.

User input is cleaned before it reaches the search backend: SQLite's full-text search
fails on quotes and NUL bytes (wagtail#13227), and nobody needs more than 100 characters.
"""

import re
import unicodedata

from wagtail.models import Page

from streets.models import StreetPage
from streets.postcodes import normalise_postcode

MAX_QUERY_LENGTH = 100
_UNSAFE = re.compile(r"[\"'`*^():{}\[\]<>\\+~|&!]")


def clean_query(raw: str) -> str:
    """Keep letters, digits, spaces and ordinary punctuation; drop control characters."""
    text = "".join(
        ch
        for ch in (raw or "")[: MAX_QUERY_LENGTH * 2]
        if unicodedata.category(ch)[0] not in ("C",)  # control, format, surrogate, unassigned
    )
    text = _UNSAFE.sub(" ", text)
    return " ".join(text.split())[:MAX_QUERY_LENGTH]


def find_streets(site_root: Page, query: str):
    """Streets of this site whose postcode or name matches: what a visitor looking for home types."""
    streets = StreetPage.objects.descendant_of(site_root).live().public()
    postcode = normalise_postcode(query)
    if postcode:
        return streets.filter(postcodes__icontains=postcode).order_by("title")
    return streets.filter(title__icontains=query).order_by("title")


def search_pages(site_root: Page, query: str):
    """Everything else public on this site, ranked by the search backend."""
    return (
        Page.objects.descendant_of(site_root, inclusive=True)
        .live()
        .public()
        .not_type(StreetPage)
        .specific()
        .search(query, operator="or")
    )
