"""The dashboards' scheduled job (ops/schedules.py): their figures kept warm."""

from ops.schedules import hourly

SCHEDULES = [
    # Only reads and fills the cache: safe to run twice or to miss.
    hourly("signalen: dashboards vooruit berekenen", "warm_dashboards", minute=7),
]
