"""Wijken, streets and their events (Wagtail pages), and who belongs to which street.

A package by subject; everything is importable from `streets.models` as before.
"""

from .events import EventAttendance, EventException, EventPage
from .pages import NeighbourhoodPage, StreetPage, new_join_code
from .roles import CoordinatorAssignment, StreetMembership, WelzijnAssignment

__all__ = [
    "CoordinatorAssignment",
    "EventAttendance",
    "EventException",
    "EventPage",
    "NeighbourhoodPage",
    "StreetMembership",
    "StreetPage",
    "WelzijnAssignment",
    "new_join_code",
]
