"""Production: everything from the environment; refuses to start without a secret key.

`manage.py check --deploy --fail-level WARNING` passes with only DJANGO_SECRET_KEY and
DJANGO_ALLOWED_HOSTS set (tests/ops/test_settings.py keeps it that way).
"""

from .base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise RuntimeError("DJANGO_SECRET_KEY must be set in production")

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# nginx (deploy/nginx/liefleed.conf) terminates TLS and says so in X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)  # noqa: F405
# Load balancers probe over plain HTTP; a redirect would read as "down".
SECURE_REDIRECT_EXEMPT = [r"^gezondheid/$"]
# nginx appends the client's address to X-Forwarded-For (login throttling, rate limits).
TRUSTED_PROXY_COUNT = env.int("DJANGO_TRUSTED_PROXY_COUNT", default=1)  # noqa: F405
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# Persistent database connections, checked before reuse so a restarted PostgreSQL costs one
# failed check instead of one failed request per worker.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405

# Mail goes out over SMTP: EMAIL_URL (smtp+tls://user:password@host:587) in base.py, or the
# local mail relay on localhost:25. Never the console backend, which would drop mail silently.
if not EMAIL_URL:  # noqa: F405
    MAILERS = {
        "default": {
            "BACKEND": SMTP_MAIL_BACKEND,  # noqa: F405
            "OPTIONS": {"host": "localhost", "port": 25},
        }
    }
if MAILERS["default"]["BACKEND"] == SMTP_MAIL_BACKEND:  # noqa: F405
    # A hanging mail server must not hold a worker for longer than the task timeout.
    MAILERS["default"]["OPTIONS"].setdefault("timeout", 10)

LOGGING["handlers"]["console"]["formatter"] = env.str(  # noqa: F405
    "DJANGO_LOG_FORMAT", default="json"
)
