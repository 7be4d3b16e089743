"""Benchmark-only settings: the dev settings without DEBUG, plus a bare view (bench/scale/urls.py)."""

from cms.settings.dev import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.scale.urls"
LOGGING = {"version": 1, "disable_existing_loggers": False}

# As in production (cms/settings/production.py): connections kept between requests. Without
# this every logged-in request opened a new connection (and ran SQLite's PRAGMAs), which
# production does not, and the member pages measured that instead of the page.
DATABASES["default"]["CONN_MAX_AGE"] = 60  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
