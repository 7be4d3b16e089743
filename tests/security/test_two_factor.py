"""Two-factor authentication: required for welzijn staff, never asked of a bewoner."""

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice


@pytest.fixture
def enforced(settings):
    settings.TWO_FACTOR_ENFORCED = True


@pytest.mark.parametrize("url", ["/signalen/", "/zorgsignalen/", "/admin/"])
def test_welzijn_user_without_a_device_is_sent_to_setup(enforced, login, world, url):
    response = login(world.welzijn_a).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_welzijn_user_sets_up_an_app_and_then_passes(enforced, login, world, settings):
    # django-otp throttles after a wrong code (1 s, doubling); the test does not wait.
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    client = login(world.welzijn_a)
    page = client.get(reverse("accounts:two_factor_setup"))
    assert "<svg" in page.text
    device = TOTPDevice.objects.get(user=world.welzijn_a)
    wrong = client.post(reverse("accounts:two_factor_setup"), {"token": "000000"})
    assert "Deze code klopt niet" in wrong.text
    code = str(totp(device.bin_key)).zfill(6)
    client.post(reverse("accounts:two_factor_setup"), {"token": code, "next": "/admin/"})
    assert client.get("/signalen/").status_code == 200


def test_a_user_with_a_device_must_enter_a_code_after_login(enforced, login, world):
    TOTPDevice.objects.create(user=world.welzijn_a, name="app", confirmed=True)
    response = login(world.welzijn_a).get("/admin/")
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))


def test_a_bewoner_is_never_asked(enforced, login, world):
    response = login(world.bewoner_a).get(reverse("streets:my_streets"))
    assert response.status_code == 200
