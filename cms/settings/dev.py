"""Local development: debug on, a fixed dummy key, mail to the console."""

from .base import *  # noqa: F403

# The demo app (`manage.py seed_demo`, make run): dev and test only, it uses the test factories.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

DEBUG = True
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="dev-only-not-secret-lief-en-leed")  # noqa: F405, S105
# ".localhost": the demo's other sites, amstelveen.localhost and landelijk.localhost (browsers
# resolve every *.localhost name to 127.0.0.1).
ALLOWED_HOSTS = ["127.0.0.1", "localhost", ".localhost", "[::1]", "testserver"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
