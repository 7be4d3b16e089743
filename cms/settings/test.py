"""Settings for the test suite: fast hashers, local memory cache, tasks run inline."""

from .base import *  # noqa: F403

# The demo app: its command and builders are tested too (tests/demo/).
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

DEBUG = False
SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# Must be set here: pytest's settings fixture cannot switch django-q2 to sync mode later.
Q_CLUSTER = {**Q_CLUSTER, "sync": True}  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = BASE_DIR / "var" / "test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
# No address leaves the machine, whatever the environment says; tests fake the service.
GEOCODER = {**GEOCODER, "backend": "none", "domain": None}  # noqa: F405
# Other apps' tests log staff in with force_login; tests/accounts and tests/security switch
# two-factor enforcement back on where they test it.
TWO_FACTOR_ENFORCED = False
