"""Settings for bench/load_posters.py: the dev settings without DEBUG and without the board's limit.

The load test wants 32 neighbours writing for the whole run. With the product's limit (10 posts
a person an hour, counted per process without Redis) most of a minute would be 429 answers that
write nothing, and the database would not be under write load at all.
"""

from cms.settings.dev import *  # noqa: F403

DEBUG = False
RATE_LIMITS = {**RATE_LIMITS, "board_post": (1_000_000, 3600)}  # noqa: F405
# Warnings and errors only (Python's last-resort handler): no INFO line for every login.
LOGGING = {"version": 1, "disable_existing_loggers": False}
