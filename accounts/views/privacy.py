"""The neighbour's data rights: the privacy page, downloading one's data, deleting one's account."""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import privacy, readable
from accounts.forms import DeleteAccountForm

# The download's query value for the page to read (the JSON file is the default).
READABLE = "leesbaar"


def privacy_page(request):
    """What the site keeps, why and how long (public)."""
    return render(
        request,
        "accounts/privacy.html",
        {
            "retention_months": max(1, settings.RETENTION_CLOSED_POSTS_DAYS // 30),
            "survey_days": settings.SURVEY_ANSWER_RETENTION_DAYS,
            "newsletter_days": settings.RETENTION_NEWSLETTER_DELIVERIES_DAYS,
            "link_minutes": settings.PERSONAL_DATA_LINK_MINUTES,
        },
    )


@never_cache
@login_required
def my_data(request):
    """The page with "Mijn gegevens downloaden" and "Account verwijderen"."""
    return render(
        request,
        "accounts/my_data.html",
        {"link_minutes": settings.PERSONAL_DATA_LINK_MINUTES},
    )


@never_cache
@require_POST
@login_required
def create_download(request):
    """Make a one-time link and show it; the file is only made when the link is used. The
    button chosen says which: a page to read and print, or the JSON file."""
    token = privacy.create_download_link(request.user)
    url = reverse("accounts:download_data", args=[token])
    readable_page = request.POST.get("formaat") == READABLE
    if readable_page:
        url += f"?formaat={READABLE}"
    return render(
        request,
        "accounts/my_data_link.html",
        {
            "url": url,
            "readable": readable_page,
            "link_minutes": settings.PERSONAL_DATA_LINK_MINUTES,
        },
    )


@never_cache
@login_required
def download(request, token):
    """The JSON file (or with ?formaat=leesbaar the same data as a Dutch page to read and
    print), once, for the person who made the link, before it expires."""
    if not privacy.redeem_download_link(request.user, token):
        return render(request, "accounts/my_data_link_invalid.html", status=410)
    data = privacy.export_personal_data(request.user)
    if request.GET.get("formaat") == READABLE:
        return render(
            request, "accounts/my_data_readable.html", {"sections": readable.sections(data)}
        )
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens-lief-en-leed.json"'
    return response


@never_cache
@login_required
def delete_account(request):
    """Confirm with the password, then erase everything and log out."""
    form = DeleteAccountForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        privacy.erase_user(request.user)
        logout(request)
        messages.success(
            request,
            _("Uw account en uw gegevens zijn verwijderd. Bedankt voor uw hulp in de straat."),
        )
        return redirect("/")
    return render(request, "accounts/delete_account.html", {"form": form})
