"""Thin django-q2 tasks of the ops app."""

from ops import health


def record_heartbeat(token: str) -> None:
    """Run by a worker: note that the queue delivered the probe `token`."""
    health.record_heartbeat(token)
