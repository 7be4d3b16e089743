"""The demo app is there for development, tests and the rehearsal, never in production."""

import json
import os
import secrets
import subprocess
import sys

from django.conf import settings

COMPARE = """
import json
from cms.settings import dev, production, rehearsal

names = {n for n in dir(production) if n.isupper()} | {n for n in dir(rehearsal) if n.isupper()}
print(json.dumps({
    "changed": sorted(n for n in names if getattr(production, n, None) != getattr(rehearsal, n, None)),
    "added": [app for app in rehearsal.INSTALLED_APPS if app not in production.INSTALLED_APPS],
    "dev": "demo" in dev.INSTALLED_APPS,
}))
"""


def _run(args: list[str]) -> subprocess.CompletedProcess:
    """A fresh process with production settings and only a key and a host from outside."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "EMAIL_", "Q_"))
    }
    env |= {
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "example.org",
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_production_does_not_know_the_demo_command():
    result = _run(["manage.py", "help", "seed_demo"])

    assert result.returncode != 0
    assert "Unknown command: 'seed_demo'" in result.stderr


def test_the_rehearsal_is_production_plus_the_demo_app_and_development_has_it_too():
    result = _run(["-c", COMPARE])

    assert result.returncode == 0, result.stderr
    compared = json.loads(result.stdout)
    assert compared == {"changed": ["INSTALLED_APPS"], "added": ["demo"], "dev": True}
    assert "demo" in settings.INSTALLED_APPS
