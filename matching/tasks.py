"""Thin django-q2 tasks: ids in, a service call, nothing else."""

from .services import locations, matching, notifications


def match_new_post(post_id: int, kind: str, street_id: int) -> int:
    """A post came onto the board: propose a new request, or re-match the street for a new offer."""
    if kind == "request":
        return len(matching.propose_for_request(post_id))
    return len(matching.rematch_street(street_id))


def send_notification(notification_id: int) -> bool:
    return notifications.send_notification(notification_id)


def geocode_membership(membership_id: int) -> None:
    locations.geocode_membership(membership_id)
