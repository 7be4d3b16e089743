"""The sender's screens in the Wagtail admin: a test to oneself, sending, the progress.

Each view checks `may_send` itself (a coordinator of the municipality, a superuser, or an
editor who may publish the issue); anyone else gets a 404, as if the issue did not exist.
Sending needs the issue published (the mail links to it), asks for a confirmation with the
number of recipients, and happens once per issue.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.mail import MAIL_ERRORS

from .mail import test_message
from .models import Dispatch, NewsletterPage
from .recipients import may_send, recipients
from .sending import AlreadySent, progress, start_sending


def _issue(request, page_id) -> NewsletterPage:
    issue = get_object_or_404(NewsletterPage, pk=page_id)
    if not may_send(request.user, issue):
        raise Http404
    return issue


def _context(issue, title, **extra):
    return {
        "issue": issue,
        "header_title": title,
        "page_title": title,
        "page_subtitle": issue.title,
        "header_icon": "mail",
        "edit_url": reverse("wagtailadmin_pages:edit", args=[issue.pk]),
        **extra,
    }


@require_http_methods(["GET", "POST"])
def send_test(request, page_id):
    issue = _issue(request, page_id)
    if request.method == "POST":
        if not request.user.email:
            messages.error(request, _("Uw account heeft geen e-mailadres."))
        else:
            try:
                test_message(issue, request.user).send()
            except MAIL_ERRORS:
                messages.error(request, _("De mailserver is niet bereikbaar. Probeer het later."))
            else:
                messages.success(
                    request,
                    _("Een test is verstuurd naar %(email)s.") % {"email": request.user.email},
                )
        return redirect("wagtailadmin_pages:edit", issue.pk)
    return render(
        request,
        "network/newsletters/admin/send_test.html",
        _context(issue, _("Stuur een test naar mijzelf")),
    )


@require_http_methods(["GET", "POST"])
def send(request, page_id):
    issue = _issue(request, page_id)
    if Dispatch.objects.filter(issue=issue).exists():
        return redirect("network_newsletter_progress", issue.pk)
    problem = None
    if not issue.live:
        problem = _("Publiceer deze uitgave eerst: de mail verwijst naar de pagina op de site.")
    elif issue.has_unpublished_changes:
        problem = _("Deze uitgave heeft wijzigingen die nog niet gepubliceerd zijn.")
    if request.method == "POST" and problem is None:
        try:
            start_sending(issue, request.user)
        except AlreadySent:
            messages.warning(request, _("Deze uitgave is al verzonden."))
        return redirect("network_newsletter_progress", issue.pk)
    count = len(recipients(issue.newsletter)) if problem is None else 0
    return render(
        request,
        "network/newsletters/admin/send.html",
        _context(issue, _("Verzenden naar abonnees"), count=count, problem=problem),
    )


def send_progress(request, page_id):
    issue = _issue(request, page_id)
    dispatch = Dispatch.objects.filter(issue=issue).select_related("started_by").first()
    if dispatch is None:
        return redirect("network_newsletter_send", issue.pk)
    return render(
        request,
        "network/newsletters/admin/progress.html",
        _context(issue, _("Verzending"), dispatch=dispatch, progress=progress(dispatch)),
    )
