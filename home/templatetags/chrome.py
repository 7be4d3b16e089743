"""The header and footer every page shares, rendered once per kind of visitor and kept.

    {% load chrome %}
    {% chrome "header" %} … {% csrf_token %} … {{ chrome_next }} … {% endchrome %}

`base.html`'s header (navigation, the letter-size form) and footer (the municipality's contact,
the language list) are the same for every visitor who shares the host, language, kind of
visitor (logged in or not: the only thing the template branches on) and letter size; they cost
a fair share of a member's page (three forms, the language list, a dozen translations). They are
kept in Django's cache under the site version (`streets.page_cache.SITE`), which every change of
any street or page replaces, as does saving the municipality's contact
(home.templatetags.contact_tags.forget_contacts).

The two things in them that belong to one request are rendered as placeholders and filled in
per request: the CSRF token (`{% csrf_token %}` inside the block) and the path to come back to
after a form (`{{ chrome_next }}`, this request's `get_full_path`). Nothing else inside may
depend on the person: no name, no counts, no `user` beyond `user.is_authenticated`.
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from streets import page_cache

register = template.Library()

# Characters the template engine does not escape and no URL or text here contains.
_CSRF_PLACEHOLDER = "\x00chrome-csrf\x00"
_NEXT_PLACEHOLDER = "\x00chrome-next\x00"


def chrome_key(request, name: str, version: str) -> str:
    user = getattr(request, "user", None)
    variant = "|".join(
        [
            request.get_host(),
            get_language() or settings.LANGUAGE_CODE,
            "member" if getattr(user, "is_authenticated", False) else "visitor",
            "groot" if request.COOKIES.get("letters") == "groot" else "",
            name,
            version,
        ]
    )
    return f"chrome:{hashlib.sha256(variant.encode()).hexdigest()[:32]}"


class ChromeNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        request = context.get("request")
        token = context.get("csrf_token")
        next_path = request.get_full_path() if request is not None else ""
        # Without a request or a CSRF token (a template rendered on its own), or for a Wagtail
        # preview's made-up request: rendered as it is, not kept.
        if (
            request is None
            or token is None
            or str(token) == "NOTPROVIDED"
            or getattr(request, "is_dummy", False)
        ):
            with context.push(chrome_next=next_path):
                return self.nodelist.render(context)
        version = page_cache.street_version(page_cache.SITE)
        key = chrome_key(request, self.name.resolve(context), version)
        content = cache.get(key)
        if content is None:
            with context.push(csrf_token=_CSRF_PLACEHOLDER, chrome_next=_NEXT_PLACEHOLDER):
                content = str(self.nodelist.render(context))
            cache.set(key, content, page_cache.TIMEOUT_SECONDS)
        content = content.replace(_CSRF_PLACEHOLDER, conditional_escape(str(token)))
        content = content.replace(_NEXT_PLACEHOLDER, conditional_escape(next_path))
        # Escaped by the template engine when it was made; the two values just now.
        return mark_safe(content)  # noqa: S308


@register.tag("chrome")
def do_chrome(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError('{% chrome "name" %} … {% endchrome %}')
    nodelist = parser.parse(("endchrome",))
    parser.delete_first_token()
    return ChromeNode(nodelist, parser.compile_filter(bits[1]))
