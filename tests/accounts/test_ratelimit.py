"""The cache rate limiter: only actions that went through count, per user or per address."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse, HttpResponseRedirect
from django.test import RequestFactory

from accounts.ratelimit import client_ip, rate_limited


@rate_limited("join_request")
def _view(request):
    return HttpResponse("fout") if request.POST.get("bad") else HttpResponseRedirect("/")


def _post(data=None, ip="192.0.2.5", **extra):
    request = RequestFactory().post("/", data or {}, REMOTE_ADDR=ip, **extra)
    request.user = AnonymousUser()
    return _view(request)


def test_posts_past_the_limit_get_a_dutch_429_and_another_address_does_not(settings, db):
    settings.RATE_LIMITS = {"join_request": (2, 3600)}
    assert [_post().status_code for _ in range(3)] == [302, 302, 429]
    assert "Even wachten" in _post().content.decode()
    assert _post(ip="192.0.2.6").status_code == 302


def test_a_form_sent_back_with_errors_does_not_count(settings, db):
    settings.RATE_LIMITS = {"join_request": (1, 3600)}
    assert _post({"bad": "1"}).status_code == 200
    assert _post().status_code == 302


def test_behind_a_proxy_the_forwarded_address_counts_and_cannot_be_forged(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.9"
    )
    assert client_ip(request) == "198.51.100.9"
