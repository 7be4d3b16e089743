"""Wijken, streets and their events (Wagtail pages), and who belongs to which street.

A package by subject. The event models live in the events feature package
(streets/events/models.py) and are imported here, which is how Django finds them; every
model is importable from `streets.models` for other apps, tests and migrations.

Modules inside streets import from the defining modules instead (`.models.pages`,
`.models.roles`, `streets.events.models`): the events package builds on the street's pages,
memberships and permissions, and this package imports the events, so a module the events use
that went through this package would close an import circle.
"""

from streets.events.models import EventAttendance, EventException, EventPage
from streets.safety.models import EmergencyContact, SafetyNet, SafetyNetRead, SpareKey

from .pages import NeighbourhoodPage, StreetPage, new_join_code
from .roles import (
    CoordinatorAssignment,
    NationalCoordinatorAssignment,
    StreetMembership,
    WelzijnAssignment,
)

__all__ = [
    "CoordinatorAssignment",
    "EmergencyContact",
    "EventAttendance",
    "EventException",
    "EventPage",
    "NationalCoordinatorAssignment",
    "NeighbourhoodPage",
    "SafetyNet",
    "SafetyNetRead",
    "SpareKey",
    "StreetMembership",
    "StreetPage",
    "WelzijnAssignment",
    "new_join_code",
]
