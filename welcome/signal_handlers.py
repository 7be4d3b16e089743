"""Reactions to the street's membership (connected in WelcomeConfig.ready())."""

from .services import welcome_for_membership


def welcome_approved_member(sender, membership, **kwargs):
    """An approved member gets one welcome to-do, inside the approving transaction."""
    welcome_for_membership(membership)
