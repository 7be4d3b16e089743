"""Security headers: strict CSP on the site, the looser one only under /admin/, no-store."""


def test_public_page_gets_the_strict_policy(client, world):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    # The nonce is only added on pages that use it; no page needs one today.
    assert "script-src 'self'" in policy
    assert "object-src 'none'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy


def test_admin_gets_its_own_looser_policy(login, world):
    response = login(world.coordinator).get("/admin/login/")
    assert "'unsafe-inline'" in response["Content-Security-Policy"]


def test_pages_for_a_logged_in_neighbour_are_not_stored(login, world):
    response = login(world.bewoner_a).get("/")
    assert "no-store" in response["Cache-Control"]


def test_anonymous_public_pages_stay_cacheable(client, world):
    response = client.get("/")
    assert "no-store" not in response.get("Cache-Control", "")


def test_nosniff_and_referrer_policy_are_sent(client, world):
    response = client.get("/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
