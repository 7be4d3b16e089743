"""Logging in, one's own details, the password pages and the answer to a locked-out login."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import i18n as i18n_views
from django.views.decorators.http import require_POST

from accounts.forms import AccountForm, LoginForm, PasswordResetForm
from accounts.languages import is_available
from accounts.ratelimit import TOO_MANY_REQUESTS


class LoginView(auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@login_required
def account(request):
    """A member changes their name, phone number and language."""
    form = AccountForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        # The confirmation is read on the next page, which is in the new language.
        with translation.override(user.language or translation.get_language()):
            messages.success(request, _("Uw gegevens zijn opgeslagen."))
        response = redirect("accounts:account")
        if user.language:
            _remember_language(response, user.language)
        return response
    return render(request, "accounts/account.html", {"form": form})


def _remember_language(response, language: str) -> None:
    """The footer's cookie follows the account, so the site stays in that language after
    logging out on this device."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


@require_POST
def set_language(request):
    """The footer's language choice (Django's set_language: a cookie, then back to the page).
    A logged-in person's choice is also kept on their account, for the site and their mail."""
    response = i18n_views.set_language(request)
    language = request.POST.get("language")
    user = request.user
    if user.is_authenticated and is_available(language) and user.language != language:
        user.language = language
        user.save(update_fields=["language"])
    return response


password_change = auth_views.PasswordChangeView.as_view(
    template_name="accounts/password_change.html",
    success_url=reverse_lazy("accounts:password_change_done"),
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_change_done.html"
)
password_reset = auth_views.PasswordResetView.as_view(
    form_class=PasswordResetForm,
    template_name="accounts/password_reset.html",
    email_template_name="accounts/email/password_reset.txt",
    subject_template_name="accounts/email/password_reset_subject.txt",
    success_url=reverse_lazy("accounts:password_reset_done"),
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)


def locked_out(request, credentials=None, *args, **kwargs):
    """django-axes' answer to a locked e-mail address + IP: a Dutch page, status 429."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = render(
        request, "accounts/locked_out.html", {"minutes": minutes}, status=TOO_MANY_REQUESTS
    )
    response["Retry-After"] = str(minutes * 60)
    return response
