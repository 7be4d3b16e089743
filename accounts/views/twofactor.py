"""Two-factor pages: set up an authenticator app, enter its code (or a backup code) after
logging in, and make new backup codes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts import twofactor
from accounts.forms import TokenForm


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
        return render(
            request,
            "accounts/two_factor_active.html",
            {"device": current, "codes_left": twofactor.backup_codes_left(user)},
        )

    # A GET stores nothing: the secret waits in the session until a code is sent.
    key = twofactor.setup_key(request)
    device = twofactor.unsaved_device(user, key)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = twofactor.pending_device(user, key)
        check = twofactor.confirm_device(request, device, form.cleaned_data["token"])
        if check.ok:
            messages.success(request, _("Tweestapsverificatie staat aan."))
            return _show_backup_codes(request, twofactor.new_backup_codes(user))
        form.add_error(
            "token",
            _wait_text(check.wait_seconds)
            or _("Deze code klopt niet. Kijk of de klok van uw telefoon goed staat."),
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


def _wait_text(seconds: int) -> str:
    """What to do when the code was not checked: wait, and for how long ("" if no wait)."""
    if seconds <= 0:
        return ""
    if seconds < 120:
        wait = ngettext("%(n)d seconde", "%(n)d seconden", seconds) % {"n": seconds}
    elif seconds < 2 * 3600:
        minutes = -(-seconds // 60)
        wait = ngettext("%(n)d minuut", "%(n)d minuten", minutes) % {"n": minutes}
    else:
        hours = -(-seconds // 3600)
        wait = ngettext("%(n)d uur", "%(n)d uur", hours) % {"n": hours}
    return _(
        "Er zijn een paar foute codes achter elkaar ingevuld. Daarom is deze code niet "
        "gecontroleerd. Wacht nog %(wait)s en vul dan de code in die de app op dat moment laat "
        "zien."
    ) % {"wait": wait}


def _show_backup_codes(request, codes: list[str]):
    """The one time the codes are shown: rendered straight from the POST, never stored."""
    return render(
        request,
        "accounts/two_factor_backup_codes.html",
        {"codes": codes, "next": _next_url(request)},
    )


@never_cache
@require_POST
@login_required
def backup_codes(request):
    """ "Nieuwe codes maken": ten new backup codes, the old ones stop working."""
    user = request.user
    if twofactor.confirmed_device(user) is None or not user.is_verified():
        # Codes belong to a confirmed app, and only a verified session may replace them.
        return redirect("accounts:two_factor_setup")
    messages.success(request, _("U heeft nieuwe reservecodes. De oude werken niet meer."))
    return _show_backup_codes(request, twofactor.new_backup_codes(user))


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
        check = twofactor.verify(request, device, form.cleaned_data["token"])
        if check.ok:
            return redirect(_next_url(request))
        form.add_error(
            "token",
            _wait_text(check.wait_seconds)
            or _(
                "Deze code klopt niet of is verlopen. Probeer de volgende code, of een reservecode."
            ),
        )
    return render(
        request, "accounts/two_factor_verify.html", {"form": form, "next": _next_url(request)}
    )
