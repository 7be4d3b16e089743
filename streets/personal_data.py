"""The streets' part of a person's data rights: memberships (with house number and message to
the gangmakers), roles, event sign-ups; and, as a section of its own, spare keys and emergency
contacts (streets/safety/), which appear in no other export. Registered with accounts.privacy
in StreetsConfig.ready().
"""

from .models import (
    CoordinatorAssignment,
    EventAttendance,
    StreetMembership,
    WelzijnAssignment,
)
from .safety import services as safety_services


def export(user) -> dict:
    return {
        "lidmaatschappen": list(
            StreetMembership.objects.filter(user=user).values(
                "street__title",
                "role",
                "status",
                "house_number",
                "joined_via",
                "message",
                "created_at",
                "decided_at",
            )
        ),
        "aanmeldingen_activiteiten": list(
            EventAttendance.objects.filter(user=user).values(
                "event__title", "occurrence_date", "created_at"
            )
        ),
        "welzijn_in_wijken": list(
            WelzijnAssignment.objects.filter(user=user).values_list(
                "neighbourhood__title", flat=True
            )
        ),
        "coordinator_van": list(
            CoordinatorAssignment.objects.filter(user=user).values_list(
                "municipality__title", flat=True
            )
        ),
    }


def safety_export(user) -> dict:
    """Spare keys and emergency contacts: only ever exported here, in the person's own download."""
    return safety_services.export_person(user)


def safety_erase(user, identity) -> None:
    safety_services.erase_person(user)


def erase(user, identity) -> None:
    """Gone: every membership, role and sign-up. Decisions this person took as a gangmaker
    stay with the other neighbour's membership, pointing to the anonymised account."""
    StreetMembership.objects.filter(user=user).delete()
    EventAttendance.objects.filter(user=user).delete()
    WelzijnAssignment.objects.filter(user=user).delete()
    CoordinatorAssignment.objects.filter(user=user).delete()
