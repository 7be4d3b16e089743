"""The newsletter's public pages: subscribe, confirm, unsubscribe, the printable issue, and a
person's own choice which newsletters they receive.

Confirming and unsubscribing work from a signed link without logging in. Their GET only shows
a page with a button; the POST changes the list. The unsubscribe address also takes the
RFC 8058 one-click POST a mail program sends (body `List-Unsubscribe=One-Click`, no cookie and
no CSRF token), so it is exempt from CSRF: the signed token is what authorises it.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_safe

from accounts.ratelimit import rate_limited

from . import services, tokens
from .choices import SubscriberStatus
from .forms import PreferenceForm, SubscribeForm
from .models import NewsletterIndexPage, NewsletterPage, Subscriber
from .recipients import gets_as_gangmaker, may_send

# A link that was altered or expired is "not found", like a guessed address.
BAD_LINK = 404


def _newsletter(newsletter_id: int) -> NewsletterIndexPage:
    return get_object_or_404(NewsletterIndexPage.objects.live().public(), pk=newsletter_id)


@never_cache
@rate_limited("newsletter_subscribe")
@require_http_methods(["GET", "POST"])
def subscribe(request, newsletter_id):
    newsletter = _newsletter(newsletter_id)
    form = SubscribeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.subscribe(newsletter, form.cleaned_data["email"], form.cleaned_data["name"])
        return redirect("network:newsletter_subscribed", newsletter.pk)
    return render(
        request, "network/newsletters/subscribe.html", {"newsletter": newsletter, "form": form}
    )


@require_safe
def subscribed(request, newsletter_id):
    return render(
        request,
        "network/newsletters/subscribed.html",
        {"newsletter": _newsletter(newsletter_id)},
    )


def _bad_link(request):
    return render(request, "network/newsletters/bad_link.html", status=BAD_LINK)


@never_cache
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    found = tokens.read_confirm_token(token)
    subscriber = None
    if found is not None:
        pk, email = found
        subscriber = (
            Subscriber.objects.select_related("newsletter").filter(pk=pk, email=email).first()
        )
    if subscriber is None or subscriber.status == SubscriberStatus.UNSUBSCRIBED:
        return _bad_link(request)
    done = subscriber.status == SubscriberStatus.ACTIVE
    if request.method == "POST" and not done:
        services.confirm(subscriber)
        done = True
    return render(
        request,
        "network/newsletters/confirm.html",
        {"newsletter": subscriber.newsletter, "done": done},
    )


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    found = tokens.read_unsubscribe_token(token)
    newsletter = None
    if found is not None:
        newsletter = NewsletterIndexPage.objects.filter(pk=found[0]).first()
    if newsletter is None:
        return _bad_link(request)
    email = found[1]
    done = request.method == "POST"
    if done:
        services.unsubscribe(newsletter, email)
    return render(
        request,
        "network/newsletters/unsubscribe.html",
        {"newsletter": newsletter, "done": done, "email": email},
    )


def _my_newsletters(user) -> list[tuple[NewsletterIndexPage, bool]]:
    """The newsletters this person gets or could switch: as a gangmaker, or as a subscriber."""
    mine = set(Subscriber.objects.filter(user=user).values_list("newsletter_id", flat=True)) | set(
        Subscriber.objects.filter(email__iexact=user.email or "-").values_list(
            "newsletter_id", flat=True
        )
    )
    found = []
    for newsletter in NewsletterIndexPage.objects.live().order_by("title"):
        if newsletter.pk in mine or gets_as_gangmaker(user, newsletter):
            found.append((newsletter, services.receives(user, newsletter)))
    return found


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def preferences(request):
    newsletters = _my_newsletters(request.user)
    if request.method == "POST":
        form = PreferenceForm(request.POST)
        if form.is_valid() and request.user.email:
            chosen = {n.pk: n for n, _receives in newsletters}.get(form.cleaned_data["newsletter"])
            if chosen is None:
                raise Http404
            services.set_receiving(request.user, chosen, form.cleaned_data["receive"])
            return redirect("network:newsletter_preferences")
    return render(request, "network/newsletters/preferences.html", {"newsletters": newsletters})


@require_safe
def print_issue(request, issue_id):
    """The issue on A4 for gangmakers to pass on: public once sent, before that for senders."""
    issue = get_object_or_404(NewsletterPage.objects.live(), pk=issue_id)
    if not issue.is_sent and not may_send(request.user, issue):
        raise Http404
    return render(
        request,
        "network/newsletters/print.html",
        {"issue": issue, "newsletter": issue.newsletter},
    )
