"""Two-factor authentication: required for welzijn staff, never asked of a bewoner; backup
codes for a lost phone."""

import re

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import twofactor
from tests.accounts.factories import UserFactory


@pytest.fixture
def enforced(settings):
    settings.TWO_FACTOR_ENFORCED = True


@pytest.mark.parametrize("url", ["/signalen/", "/zorgsignalen/", "/admin/"])
def test_welzijn_user_without_a_device_is_sent_to_setup(enforced, login, world, url):
    response = login(world.welzijn_a).get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


def _shown_code(client) -> str:
    """The code the app shows now for the secret the setup page showed this session."""
    key = client.session[twofactor.SETUP_KEY_SESSION]
    return str(totp(twofactor.unsaved_device(None, key).bin_key)).zfill(6)


def test_welzijn_user_sets_up_an_app_and_then_passes(enforced, login, world):
    client = login(world.welzijn_a)
    page = client.get(reverse("accounts:two_factor_setup"))
    assert "<svg" in page.text
    wrong = client.post(reverse("accounts:two_factor_setup"), {"token": "000000"})
    assert "Deze code klopt niet" in wrong.text
    # The right code just after a wrong one counts (django-otp alone would refuse it for 1 s).
    client.post(
        reverse("accounts:two_factor_setup"), {"token": _shown_code(client), "next": "/admin/"}
    )
    assert client.get("/signalen/").status_code == 200
    assert TOTPDevice.objects.get(user=world.welzijn_a).confirmed


def test_opening_the_setup_page_stores_no_device_and_shows_the_same_secret_again(
    enforced, login, world
):
    client = login(world.welzijn_a)
    first = client.get(reverse("accounts:two_factor_setup")).context["secret"]
    again = client.get(reverse("accounts:two_factor_setup")).context["secret"]
    assert first == again
    assert not TOTPDevice.objects.filter(user=world.welzijn_a).exists()


def test_a_right_code_just_after_a_wrong_one_logs_in(enforced, world, new_session):
    device = TOTPDevice.objects.create(user=world.welzijn_a, name="app", confirmed=True)
    client = new_session()
    verify = reverse("accounts:two_factor_verify")
    wrong = client.post(verify, {"token": "000000"})
    assert "Deze code klopt niet" in wrong.text
    right = client.post(verify, {"token": str(totp(device.bin_key)).zfill(6), "next": "/signalen/"})
    assert right["Location"] == "/signalen/"


def test_after_several_wrong_codes_the_page_says_to_wait_and_how_long(enforced, world, new_session):
    device = TOTPDevice.objects.create(user=world.welzijn_a, name="app", confirmed=True)
    client = new_session()
    verify = reverse("accounts:two_factor_verify")
    for _wrong in range(twofactor.FREE_WRONG_CODES):
        assert "Deze code klopt niet" in client.post(verify, {"token": "000000"}).text
    refused = client.post(verify, {"token": str(totp(device.bin_key)).zfill(6)})
    assert "Deze code klopt niet" not in refused.text
    # Three wrong codes in a row: django-otp's wait is 4 seconds.
    assert re.search(r"Wacht nog [1-4] seconden?", refused.text)
    assert client.get("/signalen/")["Location"].startswith(verify)


def test_a_user_with_a_device_must_enter_a_code_after_login(enforced, login, world):
    TOTPDevice.objects.create(user=world.welzijn_a, name="app", confirmed=True)
    response = login(world.welzijn_a).get("/admin/")
    assert response["Location"].startswith(reverse("accounts:two_factor_verify"))


@pytest.mark.parametrize("who", ["coordinator", "superuser"])
def test_coordinators_and_superusers_are_sent_to_setup_too(enforced, login, world, who):
    user = world.coordinator if who == "coordinator" else UserFactory(is_superuser=True)
    response = login(user).get(reverse("streets:my_streets"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_a_gangmaker_is_asked_only_once_a_rule_names_them(enforced, login, world, monkeypatch):
    client = login(world.gangmaker_a)
    assert client.get(reverse("streets:my_streets")).status_code == 200

    monkeypatch.setattr(twofactor, "_rules", [*twofactor._rules])
    twofactor.register_two_factor_rule(lambda user: user.memberships.exists())

    response = client.get(reverse("streets:my_streets"))
    assert response["Location"].startswith(reverse("accounts:two_factor_setup"))


def test_a_bewoner_is_never_asked(enforced, login, world):
    response = login(world.bewoner_a).get(reverse("streets:my_streets"))
    assert response.status_code == 200


# Backup codes: ten one-time codes for a lost phone, shown once, stored as hashes.

CODE = re.compile(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>")


def _set_up_app(client, user) -> list[str]:
    """Confirm an authenticator app through the setup page; returns the backup codes shown."""
    client.get(reverse("accounts:two_factor_setup"))
    code = _shown_code(client)
    page = client.post(reverse("accounts:two_factor_setup"), {"token": code, "next": "/signalen/"})
    return CODE.findall(page.text)


@pytest.fixture
def new_session(world):
    """A second browser of the same welzijn user, logged in with the password only."""

    def open_session():
        client = Client()
        client.force_login(world.welzijn_a)
        return client

    return open_session


@pytest.fixture
def no_throttle(settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


def test_confirming_the_app_shows_ten_backup_codes_once(enforced, no_throttle, login, world):
    client = login(world.welzijn_a)
    codes = _set_up_app(client, world.welzijn_a)
    assert len(set(codes)) == 10
    again = client.get(reverse("accounts:two_factor_setup"))
    assert "10 ongebruikte reservecodes" in again.text
    assert not CODE.findall(again.text)
    stored = set(StaticToken.objects.values_list("token", flat=True))
    assert len(stored) == 10
    assert not stored & ({code.replace("-", "") for code in codes} | set(codes))


def test_a_backup_code_logs_in_once_and_a_second_use_fails(
    enforced, no_throttle, login, world, new_session
):
    codes = _set_up_app(login(world.welzijn_a), world.welzijn_a)
    first = new_session()
    verify = reverse("accounts:two_factor_verify")
    # Typed from paper: capitals and a space instead of the dash still count.
    typed = codes[3].upper().replace("-", " ")
    assert first.post(verify, {"token": typed, "next": "/signalen/"})["Location"] == "/signalen/"
    assert first.get("/signalen/").status_code == 200

    second = new_session()
    refused = second.post(verify, {"token": codes[3], "next": "/signalen/"})
    assert "Deze code klopt niet" in refused.text
    assert second.get("/signalen/")["Location"].startswith(verify)
    assert "9 ongebruikte reservecodes" in first.get(reverse("accounts:two_factor_setup")).text


def test_new_codes_void_the_old_ones(enforced, no_throttle, login, world, new_session):
    client = login(world.welzijn_a)
    old = _set_up_app(client, world.welzijn_a)
    page = client.post(reverse("accounts:two_factor_backup_codes"))
    new = CODE.findall(page.text)
    assert len(set(new)) == 10
    assert not set(new) & set(old)

    verify = reverse("accounts:two_factor_verify")
    assert "Deze code klopt niet" in new_session().post(verify, {"token": old[0]}).text
    assert new_session().post(verify, {"token": new[0]}).status_code == 302


def test_only_a_verified_session_can_make_new_codes(enforced, no_throttle, login, world):
    _set_up_app(login(world.welzijn_a), world.welzijn_a)
    before = set(StaticToken.objects.values_list("token", flat=True))
    password_only = Client()
    password_only.force_login(world.welzijn_a)
    response = password_only.post(reverse("accounts:two_factor_backup_codes"))
    assert response.status_code == 302
    assert not CODE.findall(response.text)
    assert set(StaticToken.objects.values_list("token", flat=True)) == before


def test_guessing_backup_codes_is_throttled(enforced, login, world, new_session, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    codes = _set_up_app(login(world.welzijn_a), world.welzijn_a)
    settings.OTP_STATIC_THROTTLE_FACTOR = 60
    client = new_session()
    verify = reverse("accounts:two_factor_verify")
    for _guess in range(twofactor.FREE_WRONG_CODES):
        client.post(verify, {"token": "aaaaa-bbbbb"})
    # After a few wrong guesses even a right code is not checked and stays unused.
    refused = client.post(verify, {"token": codes[0]})
    assert "Wacht nog" in refused.text
    assert client.get("/signalen/")["Location"].startswith(verify)
    assert StaticToken.objects.count() == 10
