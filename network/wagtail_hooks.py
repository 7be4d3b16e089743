"""The newsletter's sender screens in the Wagtail admin, and the buttons that lead to them."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from .newsletters import admin_views
from .newsletters.models import NewsletterPage
from .newsletters.recipients import may_send


@hooks.register("register_admin_urls")
def newsletter_admin_urls():
    return [
        path(
            "nieuwsbrief/<int:page_id>/test/",
            admin_views.send_test,
            name="network_newsletter_test",
        ),
        path(
            "nieuwsbrief/<int:page_id>/verzenden/",
            admin_views.send,
            name="network_newsletter_send",
        ),
        path(
            "nieuwsbrief/<int:page_id>/voortgang/",
            admin_views.send_progress,
            name="network_newsletter_progress",
        ),
    ]


def _buttons(page, user):
    if not isinstance(page.specific_deferred, NewsletterPage):
        return
    issue = page.specific_deferred
    if not may_send(user, issue):
        return
    yield Button(
        _("Stuur een test naar mijzelf"),
        reverse("network_newsletter_test", args=[page.pk]),
        icon_name="mail",
        priority=80,
    )
    if issue.is_sent:
        label, name = _("Verzending bekijken"), "network_newsletter_progress"
    else:
        label, name = _("Verzenden naar abonnees"), "network_newsletter_send"
    yield Button(label, reverse(name, args=[page.pk]), icon_name="mail", priority=81)


@hooks.register("register_page_header_buttons")
def newsletter_header_buttons(page, user, view_name, next_url=None):
    yield from _buttons(page, user)


@hooks.register("register_page_listing_more_buttons")
def newsletter_listing_buttons(page, user, next_url=None):
    yield from _buttons(page, user)
