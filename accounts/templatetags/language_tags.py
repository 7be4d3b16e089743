"""Marking text that people wrote with the language it is in.

    {% load language_tags %}
    <p{% written_lang post %}>{{ post.description }}</p>

Posts, exchange topics and replies, messages and the pages gangmakers and editors write are
shown as written, not translated. `written_lang` adds `dir="auto"`, and ` lang="xx"` when that text's language
differs from the page's, so a screen reader reads Dutch as Dutch on an English page. The
language is, in this order: the object's own `language` field if it has one; the author's
account language if the author was loaded with the object, that field included (never a
query); else
Dutch, the language of the site's content (Wagtail pages, texts by people who never chose).
"""

from django import template
from django.conf import settings
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from ..languages import PRINT_PARAMETER, is_available, language_choices

register = template.Library()


def written_language(obj) -> str:
    own = getattr(obj, "language", None)
    if isinstance(own, str) and is_available(own):
        return own
    state = getattr(obj, "_state", None)
    cached = getattr(state, "fields_cache", {}) if state is not None else {}
    author = cached.get("author") or cached.get("sender")
    # Only if loaded: an author read with .only(...) would fetch a deferred field per post.
    chosen = vars(author).get("language") if author is not None else None
    return chosen if is_available(chosen) else settings.LANGUAGE_CODE


@register.simple_tag
def written_lang(obj=None):
    """` dir="auto"` (the text's own direction: an Arabic post on a Dutch page, a Dutch one on
    an Arabic page), and ` lang="xx"` if `obj`'s text is not in the page's language."""
    language = written_language(obj)
    if language == (get_language() or settings.LANGUAGE_CODE):
        return mark_safe(' dir="auto"')
    return format_html(' lang="{}" dir="auto"', language)


@register.inclusion_tag("components/print_language.html", takes_context=True)
def print_language_choice(context):
    """The choice "Afdrukken in: Nederlands · English · Türkçe · العربية" above a printed sheet:
    links to this same page with `?taal=` (its other parameters kept), each language named in
    itself; the sheet's own language is marked current. Rendered in the viewer's language."""
    request = context.get("request")
    sheet = get_language() or settings.LANGUAGE_CODE
    if request is None:  # rendered outside a request (a mail, a test): nothing to link to
        return {"choices": [], "viewer": sheet, "viewer_dir": "ltr"}
    choices = []
    for code, _name in language_choices():
        query = request.GET.copy()
        query[PRINT_PARAMETER] = code
        choices.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": f"{request.path}?{query.urlencode()}",
                "current": code == sheet,
            }
        )
    viewer = getattr(request, "LANGUAGE_CODE", None) or sheet
    return {
        "choices": choices,
        "viewer": viewer,
        "viewer_dir": "rtl" if get_language_info(viewer)["bidi"] else "ltr",
    }
