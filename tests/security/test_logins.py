"""Login throttling (django-axes on e-mail + IP) and rate limits on posting and joining."""

from django.urls import reverse

from tests.accounts.factories import DEFAULT_PASSWORD


def _try(client, email, password, ip):
    return client.post(
        reverse("accounts:login"), {"username": email, "password": password}, REMOTE_ADDR=ip
    )


def test_hundred_wrong_passwords_from_ten_addresses_get_429_and_the_owner_still_logs_in(
    client, world
):
    email = world.bewoner_a.email
    statuses = [_try(client, email, "fout", f"203.0.113.{n % 10}").status_code for n in range(100)]
    # The fifth wrong password of an address is refused already: four tries per address.
    assert statuses.count(429) == 100 - 10 * 4
    assert "Inloggen is even geblokkeerd" in _try(client, email, "fout", "203.0.113.1").text
    response = _try(client, email, DEFAULT_PASSWORD, "198.51.100.7")
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(world.bewoner_a.pk)
