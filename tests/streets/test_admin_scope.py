"""The permission policy behind the programme admin, as Wagtail's other parts ask it
(choosers, reports, notifications): per instance, and who may act on an instance."""

import pytest

from streets.admin_scope import MunicipalityPermissionPolicy
from streets.models import StreetMembership
from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def policy():
    return MunicipalityPermissionPolicy(StreetMembership, "street__path", {"view", "change"})


def test_a_coordinator_may_act_on_their_own_municipalitys_rows_only(
    policy, world, other_municipality
):
    own = StreetMembership.objects.get(user=world.bewoner_a)
    theirs = StreetMembership.objects.get(user=other_municipality.bewoner)

    assert policy.user_has_permission_for_instance(world.coordinator, "change", own)
    assert not policy.user_has_permission_for_instance(world.coordinator, "change", theirs)
    assert not policy.user_has_permission_for_instance(world.coordinator, "delete", own)
    rows = policy.instances_user_has_any_permission_for(world.coordinator, ["view"])
    assert own in rows and theirs not in rows


def test_gangmakers_and_welzijn_staff_may_do_nothing_here(policy, world):
    own = StreetMembership.objects.get(user=world.bewoner_a)
    for user in (world.gangmaker_a, world.welzijn_a, world.bewoner_a, world.outsider):
        assert not policy.user_has_permission(user, "view")
        assert not policy.user_has_permission_for_instance(user, "view", own)
        assert not policy.instances_user_has_any_permission_for(user, ["view"]).exists()


def test_who_may_act_on_a_row_is_its_municipalitys_coordinator_and_the_superusers(
    policy, world, other_municipality
):
    admin = UserFactory(is_superuser=True)
    own = StreetMembership.objects.get(user=world.bewoner_a)

    users = set(policy.users_with_any_permission_for_instance(["change"], own))

    assert users == {world.coordinator, admin}
    assert not policy.users_with_any_permission_for_instance(["delete"], own).exists()
    assert other_municipality.coordinator in set(policy.users_with_any_permission(["view"]))
