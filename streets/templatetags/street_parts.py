"""Parts of members' pages that are the same for every member, kept per street version.

    {% load street_parts %}
    {% streetpart page "public" %} … {% endstreetpart %}
    {% streetpart street "board" page_number not_for=user.pk %} … {% endstreetpart %}

The part is rendered once and kept in Django's cache under the street's id and version token
(streets.page_cache: every change that shows on the street replaces it), the language, the
part's name and any further values given (a page number). Everything inside must be the same
for each person who may see the page: no form (its CSRF token is the visitor's), no
`request.user`. The one per-person bit a part may hold is wrapped in
`<!--not-for:ID--> … <!--/not-for-->`: with `not_for=VIEWER_ID` that piece is left out for the
viewer with that id and kept for everyone else ("Melden" is not offered on one's own post).

`{% sitepart NAME … %}` does the same under the site version (`page_cache.SITE`) for parts
that every page of the site shows alike (search results: add the site's root and the query to
the values).

Like the anonymous page, a part lives at most `page_cache.TIMEOUT_SECONDS` (coming events drop
off with time), and needs one cache shared by all processes in production.
"""

import hashlib
import re

from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .. import page_cache

register = template.Library()

_NOT_FOR = re.compile(r"<!--not-for:(\d+)-->(.*?)<!--/not-for-->", re.DOTALL)


def for_viewer(content: str, viewer_id) -> str:
    """The part as `viewer_id` sees it: their own pieces out, every marker gone."""
    viewer = str(viewer_id) if viewer_id is not None else None
    return _NOT_FOR.sub(lambda m: "" if m.group(1) == viewer else m.group(2), content)


def part_key(street_id: int | str, version: str, name: str, vary) -> str:
    variant = "|".join([str(street_id), version, get_language() or "", name, *map(str, vary)])
    return f"street-part:{street_id}:{hashlib.sha256(variant.encode()).hexdigest()[:32]}"


class StreetPartNode(template.Node):
    def __init__(self, nodelist, street, name, vary, viewer):
        self.nodelist = nodelist
        self.street = street
        self.name = name
        self.vary = vary
        self.viewer = viewer

    def render(self, context):
        street = self.street.resolve(context) if self.street is not None else None
        viewer = self.viewer.resolve(context) if self.viewer is not None else None
        request = context.get("request")
        # A Wagtail preview shows a draft: never from, nor into, the cache.
        previewing = getattr(request, "is_preview", False) or getattr(request, "is_dummy", False)
        version = None
        scope = page_cache.SITE if self.street is None else getattr(street, "pk", None)
        if scope and not previewing:
            version = page_cache.street_version(scope)
        if version is None:
            return for_viewer(self.nodelist.render(context), viewer)
        key = part_key(
            scope,
            version,
            self.name.resolve(context),
            [value.resolve(context) for value in self.vary],
        )
        content = cache.get(key)
        if content is None:
            content = str(self.nodelist.render(context))
            cache.set(key, content, page_cache.TIMEOUT_SECONDS)
        # What was rendered was escaped by the template engine when it was made.
        return mark_safe(for_viewer(content, viewer))  # noqa: S308


@register.tag
def streetpart(parser, token):
    """{% streetpart STREET NAME [VALUE ...] [not_for=VIEWER_ID] %} … {% endstreetpart %}"""
    bits = token.split_contents()[1:]
    if len(bits) < 2:
        raise template.TemplateSyntaxError("streetpart needs a street and a name")
    viewer = None
    vary = []
    for bit in bits[2:]:
        if bit.startswith("not_for="):
            viewer = parser.compile_filter(bit.removeprefix("not_for="))
        else:
            vary.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endstreetpart",))
    parser.delete_first_token()
    return StreetPartNode(
        nodelist, parser.compile_filter(bits[0]), parser.compile_filter(bits[1]), vary, viewer
    )


@register.tag
def sitepart(parser, token):
    """{% sitepart NAME [VALUE ...] %} … {% endsitepart %}: the same, kept under the site
    version (any change of any street or published page replaces it), for parts that are the
    same for everyone on every site page, such as search results."""
    bits = token.split_contents()[1:]
    if not bits:
        raise template.TemplateSyntaxError("sitepart needs a name")
    nodelist = parser.parse(("endsitepart",))
    parser.delete_first_token()
    return StreetPartNode(
        nodelist,
        None,
        parser.compile_filter(bits[0]),
        [parser.compile_filter(b) for b in bits[1:]],
        None,
    )
