"""The role of a member who is not a gangmaker was stored as "bewoner"; it is now "resident"."""

import pytest

from streets.models import StreetMembership
from tests.migrations import migrated_back_to

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def roles():
    return set(StreetMembership.objects.values_list("role", flat=True))


def test_member_roles_go_back_to_dutch_and_forward_to_english_with_every_membership_kept(world):
    count = StreetMembership.objects.count()

    with migrated_back_to("streets", "0002_events_recurrence_attendance"):
        assert roles() == {"bewoner", "gangmaker"}

    assert roles() == {"resident", "gangmaker"}
    assert StreetMembership.objects.count() == count
    assert world.street_a.gangmaker_memberships().get().user == world.gangmaker_a
