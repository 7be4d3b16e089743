"""Thin django-q2 tasks: ids in, a service call, nothing else."""

from .newsletters import sending


def send_newsletter_batch(dispatch_id: int) -> int:
    return sending.send_batch(dispatch_id)
