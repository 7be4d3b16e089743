"""Security middleware: the admin's own CSP, no caching of personal pages, two-factor checks."""

import functools

from django.apps import apps
from django.conf import settings
from django.shortcuts import redirect
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.utils.http import http_date, urlencode
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware

from . import twofactor, usercache
from .languages import is_available


class AdminContentSecurityPolicyMiddleware:
    """Give the Wagtail admin its looser policy (SECURE_CSP_ADMIN); everything else keeps the
    strict SECURE_CSP. Must sit inside django.middleware.csp.ContentSecurityPolicyMiddleware,
    which reads the policy from the response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(settings.SECURE_CSP_ADMIN_PATH) and not hasattr(
            response, "_csp_config"
        ):
            response._csp_config = settings.SECURE_CSP_ADMIN
        return response


class PrivateCacheMiddleware:
    """Every response to a logged-in person may hold personal data: `Cache-Control: no-store`,
    unless the view chose its own caching. Anonymous public pages stay cacheable."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and not response.has_header("Cache-Control"):
            if response.has_header("Expires"):
                add_never_cache_headers(response)
            else:
                # What add_never_cache_headers gives a response with neither header, without
                # parsing and rebuilding Cache-Control on every member's page.
                response.headers["Expires"] = http_date()
                response.headers["Cache-Control"] = NEVER_CACHE
        return response


NEVER_CACHE = "max-age=0, no-cache, no-store, must-revalidate, private"


class TwoFactorMiddleware:
    """After the password, the second factor: a user with an authenticator app verifies a code
    once per session; welzijn staff, coordinators and superusers without one must set it up
    first. Until then they reach only the two-factor pages and logging out."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.TWO_FACTOR_ENFORCED:
            target = self._redirect_target(request)
            if target is not None:
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse(target)}?{query}")
        return self.get_response(request)

    @staticmethod
    def _exempt(path: str) -> bool:
        urlconf = get_urlconf() or settings.ROOT_URLCONF
        return path in _exempt_paths(get_script_prefix(), urlconf) or path.startswith(
            (settings.STATIC_URL, settings.MEDIA_URL)
        )

    def _redirect_target(self, request) -> str | None:
        user = request.user
        if not user.is_authenticated or user.is_verified() or self._exempt(request.path):
            return None
        has_device, required = twofactor.two_factor_state(user)
        if has_device:
            return "accounts:two_factor_verify"
        if required:
            return "accounts:two_factor_setup"
        return None


@functools.lru_cache(maxsize=16)
def _exempt_paths(script_prefix: str, urlconf) -> frozenset[str]:
    """The pages a person who still owes their second factor may open, reversed once per
    script prefix and URLconf (both are part of what `reverse` gives) instead of per request."""
    return frozenset(
        reverse(name, urlconf=urlconf)
        for name in (
            "accounts:two_factor_setup",
            "accounts:two_factor_verify",
            "accounts:logout",
            "privacy",
        )
    )


class CachedOTPMiddleware(OTPMiddleware):
    """django-otp's middleware, reading the device a session was verified with from the
    per-person cache instead of the database on every request. Deleting or changing the device
    replaces the person's cache token (accounts.usercache), so the next request reads it anew
    and a removed device stops counting at once."""

    def _verify_user_sync(self, request, user):
        self._init_user_fields(user)
        if user.is_authenticated:
            persistent_id = request.session.get(DEVICE_ID_SESSION_KEY)
            device = None
            if persistent_id:
                found = usercache.cached(
                    user, f"otp-device:{persistent_id}", lambda: self._device_facts(persistent_id)
                )
                device = self._stand_in(found)
            user.otp_device = self._finalize_device(request, user, device)
        return user

    def _device_facts(self, persistent_id: str) -> tuple | None:
        """What the cache keeps of a device: never its secret key or throttling state."""
        device = self._device_from_persistent_id(persistent_id)
        if device is None:
            return None
        return (device._meta.label, device.pk, device.user_id, device.confirmed, device.name)

    @staticmethod
    def _stand_in(facts: tuple | None):
        """The device as `user.otp_device` (which only says "verified, with this device"):
        a saved row's identity without its key. Codes are checked against the database's row
        in accounts.twofactor, never against this one."""
        if facts is None:
            return None
        label, pk, user_id, confirmed, name = facts
        device = apps.get_model(label)(pk=pk, user_id=user_id, confirmed=confirmed, name=name)
        device._state.adding = False
        return device


class AccountLanguageMiddleware:
    """A logged-in person sees the site in the language kept on their account; without one,
    the footer's choice (home.middleware.ChosenLanguageMiddleware, which runs first) stands.
    The user row is loaded for the request anyway (two-factor, private caching): no extra
    query. A session cookie is looked for first, so an anonymous request never loads a
    session for this. The Wagtail admin keeps the editor's own admin language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = None
        if settings.SESSION_COOKIE_NAME in request.COOKIES and not request.path.startswith(
            settings.SECURE_CSP_ADMIN_PATH
        ):
            user = request.user
            chosen = getattr(user, "language", "") if user.is_authenticated else ""
            if is_available(chosen) and chosen != request.LANGUAGE_CODE:
                language = chosen
                translation.activate(language)
                request.LANGUAGE_CODE = language
        response = self.get_response(request)
        if language is not None:
            response.headers["Content-Language"] = language
        return response
