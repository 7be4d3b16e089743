"""Coordinators make and revoke the API tokens of their municipality's reporting systems."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from ..choices import ScopeKind
from ..forms import ApiTokenForm
from ..models import ApiToken
from ..permissions import check_figures, scope_page
from ..services import create_api_token, revoke_api_token


def _municipality(request, pk):
    home = scope_page(ScopeKind.MUNICIPALITY, pk)
    check_figures(request.user, ScopeKind.MUNICIPALITY, home)
    return home


@never_cache
@login_required
def tokens(request, pk):
    """The list, and a form for a new token; a new token is shown once, on this page."""
    home = _municipality(request, pk)
    form = ApiTokenForm(request.POST or None)
    new_token = None
    if request.method == "POST" and form.is_valid():
        _token, new_token = create_api_token(home, form.cleaned_data["name"], request.user)
        form = ApiTokenForm()
    return render(
        request,
        "insights/tokens.html",
        {
            "municipality": home,
            "tokens": ApiToken.objects.filter(municipality=home).select_related("created_by"),
            "form": form,
            "new_token": new_token,
        },
    )


@never_cache
@login_required
def revoke(request, pk, token_id):
    home = _municipality(request, pk)
    token = get_object_or_404(ApiToken, pk=token_id, municipality=home)
    if request.method == "POST":
        revoke_api_token(token)
        messages.success(request, _("De sleutel is ingetrokken; hij werkt niet meer."))
        return redirect("insights:tokens", pk=home.pk)
    return render(request, "insights/revoke_token.html", {"municipality": home, "token": token})
