"""Wagtail's user bar: only where the person can edit the page being viewed, never on a
printed sheet, and on a phone in the flow rather than over the content."""

from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import GroupPagePermission

from tests.accounts.factories import UserFactory
from tests.streets.factories import EventPageFactory

USERBAR = "<wagtail-userbar"


def test_an_editor_sees_the_user_bar_on_a_page_they_can_edit(login, world):
    editor = UserFactory(is_superuser=True)
    page = login(editor).get(world.street_a.url)
    assert page.status_code == 200
    assert USERBAR in page.text


def test_a_neighbour_gets_no_user_bar_on_their_street_page(login, world):
    page = login(world.bewoner_a).get(world.street_a.url)
    assert page.status_code == 200
    assert "Zwaanshals" in page.text
    assert USERBAR not in page.text


def test_an_editor_gets_no_user_bar_on_pages_that_are_not_wagtail_pages(login, world):
    # A gangmaker who is also an admin: before, the bar came on the board and "Mijn straten".
    world.gangmaker_a.is_superuser = True
    world.gangmaker_a.save()
    client = login(world.gangmaker_a)
    for url in (
        reverse("matching:board", args=[world.street_a.pk]),
        reverse("streets:my_streets"),
    ):
        page = client.get(url)
        assert page.status_code == 200, url
        assert USERBAR not in page.text, url


def test_the_printed_street_card_and_flyer_carry_no_user_bar(login, world):
    event = EventPageFactory(parent=world.street_a)
    world.gangmaker_a.is_superuser = True
    world.gangmaker_a.save()
    client = login(world.gangmaker_a)
    card = client.get(reverse("streets:street_card", args=[world.street_a.pk]))
    flyer = client.get(reverse("streets:event_flyer", args=[world.street_a.pk, event.pk]))
    assert card.status_code == flyer.status_code == 200
    assert USERBAR not in card.text
    assert USERBAR not in flyer.text


def test_an_admin_user_sees_it_only_below_the_pages_their_group_may_edit(login, world):
    group = Group.objects.create(name="Redactie Zwaanshals")
    group.permissions.add(*_admin_access())
    editor = UserFactory()
    editor.groups.add(group)
    client = login(editor)
    assert USERBAR not in client.get(world.street_a.url).text

    # Given the right to edit street A: seen at once on A (no stale cached answer), not on B.
    GroupPagePermission.objects.create(group=group, page=world.street_a, permission_type="change")
    assert USERBAR in client.get(world.street_a.url).text
    assert USERBAR not in client.get(world.street_b.url).text

    # And gone at once when the group loses it.
    GroupPagePermission.objects.filter(group=group).delete()
    assert USERBAR not in client.get(world.street_a.url).text


def test_print_styles_hide_it_and_phone_styles_take_it_out_of_the_corner():
    static = Path(settings.BASE_DIR) / "static" / "css"
    assert "wagtail-userbar" in (static / "print.css").read_text()
    site = (static / "site.css").read_text()
    assert "wagtail-userbar::part(userbar) { position: relative;" in site


def _admin_access():
    from django.contrib.auth.models import Permission

    return Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
