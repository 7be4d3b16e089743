"""Benchmark-only settings: the dev settings without DEBUG, plus a bare view (bench/scale/urls.py)."""

from cms.settings.dev import *  # noqa: F403

DEBUG = False
ROOT_URLCONF = "bench.scale.urls"
LOGGING = {"version": 1, "disable_existing_loggers": False}
