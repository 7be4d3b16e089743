"""Production settings plus the demo app, for loading the demo in `make prod-local` only.

deploy/prod-local.sh runs `seed_demo` with these settings; the web process and the qcluster
of the rehearsal run with `cms.settings.production` itself, which never has the demo app.
"""

from .production import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
