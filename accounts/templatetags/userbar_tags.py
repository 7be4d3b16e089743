"""Wagtail's user bar only for people who can edit the page being viewed.

`{% wagtailuserbar %}` renders for anyone who may open the admin, on every page, also on the
project's own views that are no Wagtail page, and asks the database for permissions each time;
it brings about 300 kB of script and styles. `{% editor_userbar %}` renders it only where
there is a page and this person may edit it, and keeps that answer in the per-person cache
(accounts.usercache), so a neighbour's pages ask nothing.
"""

from django import template
from wagtail.admin.templatetags.wagtailuserbar import get_page_instance, wagtailuserbar

from .. import usercache

register = template.Library()


def _can_edit(user, page) -> bool:
    if not user.has_perm("wagtailadmin.access_admin"):
        return False
    return page.permissions_for_user(user).can_edit()


@register.simple_tag(takes_context=True)
def editor_userbar(context):
    """The user bar, or nothing: no page, no login, or no right to edit this page."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return ""
    page = get_page_instance(context)
    if page is None or page.pk is None:
        return ""
    if not usercache.cached(user, f"can-edit-page:{page.pk}", lambda: _can_edit(user, page)):
        return ""
    return wagtailuserbar(context)
