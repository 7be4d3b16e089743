"""In the Wagtail admin a gangmaker edits their own street only; a coordinator their municipality."""

import pytest
from django.urls import reverse

from streets.choices import MembershipStatus
from streets.models import StreetMembership
from streets.services import decide_membership, leave_street

from .factories import EventPageFactory, MembershipFactory

pytestmark = pytest.mark.django_db


def can_edit(user, page):
    return page.permissions_for_user(user).can_edit()


def test_a_gangmaker_edits_their_own_street_and_its_events_but_no_other_page(world):
    event = EventPageFactory(parent=world.street_a)
    gangmaker = world.gangmaker_a

    assert can_edit(gangmaker, world.street_a)
    assert can_edit(gangmaker, event)
    assert world.street_a.permissions_for_user(gangmaker).can_add_subpage()
    assert not can_edit(gangmaker, world.street_b)
    assert not can_edit(gangmaker, world.wijk)
    assert not can_edit(gangmaker, world.home)


def test_the_admin_edit_screen_refuses_another_street(login, world):
    client = login(world.gangmaker_a)
    own = client.get(reverse("wagtailadmin_pages:edit", args=[world.street_a.pk]))
    other = client.get(reverse("wagtailadmin_pages:edit", args=[world.street_b.pk]))
    assert own.status_code == 200
    assert other.status_code in (302, 403)


def test_a_coordinator_edits_the_whole_municipality(world):
    assert can_edit(world.coordinator, world.home)
    assert can_edit(world.coordinator, world.street_a)
    assert can_edit(world.coordinator, world.street_c)


@pytest.mark.parametrize("who", ["bewoner_a", "welzijn_a", "outsider"])
def test_neighbours_and_welzijn_staff_cannot_edit_pages(world, who):
    user = getattr(world, who)
    assert not can_edit(user, world.street_a)
    assert not user.has_perm("wagtailadmin.access_admin")


def test_leaving_the_street_takes_the_admin_rights_away(world):
    membership = StreetMembership.objects.get(user=world.gangmaker_a, street=world.street_a)
    leave_street(membership)
    assert not can_edit(world.gangmaker_a, world.street_a)


def test_approving_a_bewoner_gives_no_admin_rights(world):
    membership = MembershipFactory(street=world.street_a, status=MembershipStatus.PENDING)
    decide_membership(membership, world.gangmaker_a, approve=True)
    assert not can_edit(membership.user, world.street_a)


def image_permissions():
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    return policy_registry.get_by_type(get_image_model())


def test_a_gangmaker_uploads_photos_into_their_own_streets_collection_only(login, world):
    from streets.services import street_collection

    permission_policy = image_permissions()

    own, other = street_collection(world.street_a), street_collection(world.street_b)
    gangmaker = world.gangmaker_a

    assert list(permission_policy.collections_user_has_permission_for(gangmaker, "add")) == [own]
    assert list(permission_policy.collections_user_has_permission_for(gangmaker, "choose")) == [own]
    # The admin's upload page opens for them, with their street's collection to upload into.
    page = login(gangmaker).get(reverse("wagtailimages:add"))
    assert page.status_code == 200
    assert other.name not in page.content.decode()
    # Neighbours get no upload at all.
    assert not permission_policy.user_has_permission(world.bewoner_a, "add")


def test_the_event_form_tells_the_gangmaker_where_to_add_a_photo(login, world):
    page = (
        login(world.gangmaker_a)
        .get(reverse("streets:event_new", args=[world.street_a.pk]))
        .content.decode()
    )
    assert "Een foto voegt u toe in het beheer" in page


def test_after_an_upgrade_one_command_gives_existing_gangmakers_their_collection(world):
    from django.core.management import call_command
    from wagtail.models import GroupCollectionPermission

    permission_policy = image_permissions()

    GroupCollectionPermission.objects.all().delete()  # as before the street collections
    assert not permission_policy.user_has_permission(world.gangmaker_a, "add")

    call_command("sync_admin_access", stdout=None)

    fresh = type(world.gangmaker_a).objects.get(pk=world.gangmaker_a.pk)  # no cached rights
    assert permission_policy.user_has_permission(fresh, "add")
