"""The coming events below a page, for the municipality, wijk and street page templates.

    {% load event_tags %}
    {% upcoming_events page 10 as upcoming_events %}
    {% include "components/event_list.html" with events=upcoming_events %}

A template tag rather than the pages' get_context, as the street page's board counts come
from matching's board_tags: the street and wijk page models sit below the events package,
which builds on them, so they do not import it. Django finds tag libraries only in an app's
templatetags package, hence this module outside streets/events.
"""

from django import template

from streets.events.services import upcoming_events_below, with_streets

register = template.Library()


@register.simple_tag
def upcoming_events(page, limit: int, streets: bool = False):
    """The first `limit` coming dates of live events below `page`, cancelled ones marked;
    with `streets=True` each event knows its street (`event.listed_street`), for the
    municipality and wijk pages that list events of many streets."""
    found = upcoming_events_below(page, limit=limit)
    return with_streets(found) if streets else found
