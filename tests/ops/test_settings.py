"""Production settings (cms/settings/production.py), checked the way an operator starts them:
in a fresh process with only the environment."""

import ast
import os
import secrets
import subprocess
import sys

from django.conf import settings

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]


def _production_env(**extra: str) -> dict:
    """The caller's environment without any Django or service settings, plus `extra`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "EMAIL_", "Q_"))
    }
    return {**env, "DJANGO_SETTINGS_MODULE": "cms.settings.production", **extra}


def _run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603
        MANAGE + args, env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_the_deploy_check_reports_nothing_with_only_a_key_and_a_host():
    env = _production_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS="example.org"
    )

    result = _run(["check", "--deploy", "--fail-level", "WARNING"], env)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    result = _run(["check"], _production_env(DJANGO_ALLOWED_HOSTS="example.org"))

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set in production" in result.stderr


def test_production_reads_postgres_redis_and_smtp_from_the_environment():
    env = _production_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="example.org",
        DATABASE_URL="postgres://lief:geheim@db.internal:5432/liefleed",
        REDIS_URL="redis://cache.internal:6379/2",
        EMAIL_URL="smtp+tls://mailer:geheim@smtp.internal:587",
    )
    script = (
        "from django.conf import settings as s;"
        "print(s.DATABASES['default']['ENGINE'], s.DATABASES['default']['HOST'],"
        " s.CACHES['default']['BACKEND'], s.Q_CLUSTER.get('redis'), s.Q_CLUSTER.get('orm'),"
        " s.WAGTAILSEARCH_BACKENDS['default'].get('SEARCH_CONFIG'),"
        " s.LOGGING['handlers']['console']['formatter']);"
        "print(s.MAILERS)"
    )

    result = _run(["shell", "--verbosity", "0", "-c", script], env)

    assert result.returncode == 0, result.stderr
    services, mailers = result.stdout.strip().splitlines()
    assert services.split() == [
        "django.db.backends.postgresql",
        "db.internal",
        "django_redis.cache.RedisCache",
        "redis://cache.internal:6379/2",
        "None",
        "dutch",
        "json",
    ]
    assert ast.literal_eval(mailers) == {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": "smtp.internal",
                "port": 587,
                "username": "mailer",
                "password": "geheim",
                "use_tls": True,
                "timeout": 10,
            },
        }
    }


def test_production_without_an_email_url_sends_through_smtp_not_to_the_console():
    env = _production_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS="example.org"
    )

    result = _run(
        [
            "shell",
            "--verbosity",
            "0",
            "-c",
            "from django.conf import settings; print(settings.MAILERS)",
        ],
        env,
    )

    assert result.returncode == 0, result.stderr
    assert ast.literal_eval(result.stdout.strip()) == {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "localhost", "port": 25, "timeout": 10},
        }
    }


def test_a_console_email_url_prints_mail_in_the_production_rehearsal():
    env = _production_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="example.org",
        EMAIL_URL="consolemail://",
    )
    script = (
        "from django.core import mail;"
        "mail.EmailMessage('Onderwerp', 'Tekst', None, ['buur@example.org']).send()"
    )

    result = _run(["shell", "--verbosity", "0", "-c", script], env)

    assert result.returncode == 0, result.stderr
    assert "Subject: Onderwerp" in result.stdout
    assert "To: buur@example.org" in result.stdout


def test_a_load_balancer_probing_over_plain_http_is_not_redirected_to_https():
    env = _production_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS="example.org"
    )
    script = (
        "from django.test import Client; c = Client(HTTP_HOST='example.org');"
        "print(c.get('/gezondheid/').status_code, c.get('/zoeken/').status_code)"
    )

    result = _run(["shell", "--verbosity", "0", "-c", script], env)

    health, search = result.stdout.split()[-2:]
    assert health != "301"
    assert search == "301"


def test_production_chooses_its_geocoder_and_receipt_folder_from_the_environment():
    env = _production_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="example.org",
        DJANGO_GEOCODER="pdok",
        DJANGO_GEOCODER_USER_AGENT="liefleed-amstelveen (ict@example.org)",
        DJANGO_GEOCODER_MIN_DELAY_SECONDS="2.5",
        DJANGO_POT_RECEIPT_ROOT="/srv/liefleed/bonnen",
        DJANGO_SURVEY_ANSWER_RETENTION_DAYS="60",
    )
    script = (
        "from django.conf import settings as s; g = s.GEOCODER;"
        "print(g['backend'], g['min_delay_seconds'], g['domain'], s.POT_RECEIPT_ROOT,"
        " s.SURVEY_ANSWER_RETENTION_DAYS, s.POT_RECEIPT_MAX_BYTES, sep='|');"
        "print(g['user_agent'])"
    )

    result = _run(["shell", "--verbosity", "0", "-c", script], env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "pdok|2.5|None|/srv/liefleed/bonnen|60|5242880",
        "liefleed-amstelveen (ict@example.org)",
    ]


def test_production_refuses_to_start_with_a_geocoder_it_does_not_know():
    env = _production_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="example.org",
        DJANGO_GEOCODER="google",
    )

    result = _run(["check"], env)

    assert result.returncode != 0
    assert "matching.E001" in result.stderr


def test_production_sends_the_language_cookie_only_over_https_and_never_to_scripts():
    env = _production_env(
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50), DJANGO_ALLOWED_HOSTS="example.org"
    )
    script = (
        "from django.conf import settings as s;"
        "print(s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_HTTPONLY, s.LANGUAGE_COOKIE_SAMESITE)"
    )

    result = _run(["shell", "--verbosity", "0", "-c", script], env)

    assert result.stdout.split()[-3:] == ["True", "True", "Lax"], result.stderr
