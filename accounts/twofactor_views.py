"""Two-factor pages: set up an authenticator app, and enter its code after logging in."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from . import twofactor
from .forms import TokenForm


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@never_cache
@login_required
def setup(request):
    """Show a QR code and the secret; a code from the app confirms it."""
    user = request.user
    current = twofactor.confirmed_device(user)
    if current is not None and not user.is_verified():
        # Setting up a new app must not get round the one already there.
        return redirect("accounts:two_factor_verify")
    if current is not None and request.method == "GET":
        return render(request, "accounts/two_factor_active.html", {"device": current})

    device = twofactor.pending_device(user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.confirm_device(request, device, form.cleaned_data["token"]):
            messages.success(request, _("Tweestapsverificatie staat aan."))
            return redirect(_next_url(request))
        form.add_error(
            "token", _("Deze code klopt niet. Kijk of de klok van uw telefoon goed staat.")
        )
    return render(
        request,
        "accounts/two_factor_setup.html",
        {
            "form": form,
            "qr_svg": twofactor.qr_svg(device),
            "secret": twofactor.secret_text(device),
            "next": _next_url(request),
            "required": twofactor.requires_two_factor(user),
        },
    )


@never_cache
@login_required
def verify(request):
    """After the password: the code from the app, once per session."""
    device = twofactor.confirmed_device(request.user)
    if device is None:
        return redirect("accounts:two_factor_setup")
    if request.user.is_verified():
        return redirect(_next_url(request))
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if twofactor.verify(request, device, form.cleaned_data["token"]):
            return redirect(_next_url(request))
        form.add_error("token", _("Deze code klopt niet of is verlopen. Probeer de volgende code."))
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )
