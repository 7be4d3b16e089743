"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Every test here is marked `e2e` and runs only with `make test-e2e` (`pytest -m e2e`), so the
ordinary suite stays fast. The database is transactional (the live server answers from another
thread) with serialized rollback, so the rows Wagtail's migrations create (the root page, the
default site, the locale) are back before each test and the `world` fixture works as elsewhere.

A journey runs four times: on a phone (390 px) and a desktop (1280 px) screen, each with and
without JavaScript. Screenshots of the key pages go to test-artifacts/ (git-ignored).
"""

import os
import re
import shutil
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.db import connections
from playwright.sync_api import Page, expect, sync_playwright

from tests.accounts.factories import DEFAULT_PASSWORD

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make between
# browser steps are still plain synchronous calls, which Django would otherwise refuse.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

# Debian's Chromium (`apt-get install chromium`): Playwright never downloads a browser here.
CHROMIUM = "/usr/bin/chromium"
# Everything that would make Chromium talk to Google's servers is off: tests stay on loopback.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
SCREENS = {
    "telefoon": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 800},
}
# Playwright waits this long (ms) for an element before a step fails: long enough for a slow CI
# machine, short enough that a broken journey fails quickly.
STEP_TIMEOUT = 10_000
expect.set_options(timeout=STEP_TIMEOUT)


@dataclass(frozen=True)
class Variant:
    """One way of visiting the site: a screen width, with or without JavaScript."""

    screen: str
    javascript: bool

    @property
    def name(self) -> str:
        return f"{self.screen}-{'js' if self.javascript else 'zonder-js'}"


VARIANTS = [Variant(screen, javascript) for screen in SCREENS for javascript in (True, False)]


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Every test in this folder is a browser test, with a database the live server can see."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.e2e)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def browser(django_db_setup):
    if not shutil.which(CHROMIUM):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}: install it with `apt-get install -y chromium`."
        )
    ARTIFACTS.mkdir(exist_ok=True)
    test_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        # Playwright leaves an asyncio loop marked as running in this thread, and Django then
        # keeps database connections per async context instead of per thread: the tests would
        # get fresh connections without the test database's serialized contents, and the
        # rollback between tests would silently restore nothing. Hand them the same ones.
        for alias, connection in test_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Visitor:
    """A person in front of the browser: a page, the live server's address, and screenshots."""

    def __init__(self, page: Page, base_url: str, variant: Variant):
        self.page = page
        self.base_url = base_url
        self.variant = variant

    def open(self, path: str) -> Page:
        self.page.goto(self.base_url + path)
        return self.page

    def screenshot(self, name: str) -> None:
        # Chromium scrolls a focused text field into view while the page is resized for a
        # full-page shot, and the next click then lands beside its target: blur it first.
        focused = self.page.locator("input:focus, textarea:focus")
        if focused.count():
            focused.blur()
        filename = f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}--{self.variant.name}.png"
        self.page.screenshot(path=ARTIFACTS / filename, full_page=True)

    def log_in(self, email: str, password: str = DEFAULT_PASSWORD) -> None:
        self.open("/account/inloggen/")
        self.page.get_by_label("E-mailadres").fill(email)
        self.page.get_by_label("Wachtwoord").fill(password)
        self.page.get_by_role("main").get_by_role("button", name="Inloggen").click()

    def log_in_as(self, user) -> None:
        """Skip the login form (its own tests drive it): hand the browser a server-made session.

        Written straight into the session store, without the login signals: those belong to
        the login form, and the throttling they drive needs a real client address.
        """
        session = import_module(settings.SESSION_ENGINE).SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = "accounts.backends.AccountBackend"
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        self.page.context.add_cookies(
            [
                {
                    "name": settings.SESSION_COOKIE_NAME,
                    "value": session.session_key,
                    "url": self.base_url,
                }
            ]
        )

    def log_out(self) -> None:
        self.page.get_by_role("button", name="Uitloggen").click()


def _visitor(browser, live_server, variant: Variant):
    context = browser.new_context(
        viewport=SCREENS[variant.screen], java_script_enabled=variant.javascript, locale="nl-NL"
    )
    context.set_default_timeout(STEP_TIMEOUT)
    return context, Visitor(context.new_page(), live_server.url, variant)


@pytest.fixture(params=VARIANTS, ids=lambda v: v.name)
def visitor(request, browser, live_server):
    """A fresh browser (no cookies) in each of the four variants."""
    context, person = _visitor(browser, live_server, request.param)
    yield person
    context.close()


@pytest.fixture(params=[v for v in VARIANTS if v.javascript], ids=lambda v: v.screen)
def scripted_visitor(request, browser, live_server):
    """A fresh browser with JavaScript on (axe-core and focus checks run in the page)."""
    context, person = _visitor(browser, live_server, request.param)
    yield person
    context.close()
