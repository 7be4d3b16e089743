"""The page tree and what each visitor sees on a street page."""

import pytest
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase

from home.models import ArticleIndexPage, FormPage, HomePage
from network.newsletters.models import NewsletterIndexPage
from streets.models import EventPage, NeighbourhoodPage, StreetPage
from tests.home.factories import HomePageFactory

from .factories import (
    EventPageFactory,
    GangmakerMembershipFactory,
    NeighbourhoodPageFactory,
    StreetPageFactory,
)


class TestPageTree(WagtailPageTestCase):
    def test_every_page_type_sits_where_the_design_puts_it(self):
        self.assertAllowedSubpageTypes(
            HomePage, {NeighbourhoodPage, ArticleIndexPage, FormPage, NewsletterIndexPage}
        )
        self.assertAllowedSubpageTypes(NeighbourhoodPage, {StreetPage})
        self.assertAllowedSubpageTypes(StreetPage, {EventPage})
        self.assertAllowedSubpageTypes(EventPage, set())
        self.assertAllowedParentPageTypes(StreetPage, {NeighbourhoodPage})
        self.assertAllowedParentPageTypes(EventPage, {StreetPage})

    def test_a_street_cannot_be_made_directly_under_the_municipality(self):
        self.assertCanNotCreateAt(HomePage, StreetPage)
        self.assertCanCreateAt(NeighbourhoodPage, StreetPage)

    def test_the_pages_render(self):
        home = HomePageFactory()
        Site.objects.filter(is_default_site=True).update(root_page=home)
        street = StreetPageFactory(parent=NeighbourhoodPageFactory(parent=home))
        event = EventPageFactory(parent=street)
        for page in (home, street.get_parent(), street, event):
            self.assertPageIsRenderable(page)


pytestmark = pytest.mark.django_db


def test_the_public_street_page_shows_gangmakers_first_names_and_how_to_join(client, world):
    GangmakerMembershipFactory(
        street=world.street_a, user__first_name="Henk", user__last_name="Zwart"
    )
    body = client.get(world.street_a.url).content.decode()

    assert "Gerda" in body and "Henk" in body
    assert "Zwart" not in body  # first names only in public
    assert "Aanmelden voor deze straat" in body
    assert "Voor de buren" not in body


def test_a_member_sees_the_members_area_and_no_join_button(login, world):
    body = login(world.bewoner_a).get(world.street_a.url).content.decode()
    assert "Voor de buren" in body
    assert "Aanmelden voor deze straat" not in body


def test_a_member_of_another_street_does_not_see_the_members_area(login, world):
    body = login(world.bewoner_b).get(world.street_a.url).content.decode()
    assert "Voor de buren" not in body


def test_a_logged_in_street_page_is_never_kept_in_a_shared_cache(login, world):
    response = login(world.bewoner_a).get(world.street_a.url)
    assert "no-store" in response["Cache-Control"]


def test_upcoming_events_are_listed_in_date_order_and_past_ones_drop_off(client, world):
    import datetime

    from django.utils import timezone

    now = timezone.now()
    EventPageFactory(
        parent=world.street_a, title="Later", slug="later", start=now + datetime.timedelta(days=9)
    )
    EventPageFactory(
        parent=world.street_a, title="Eerder", slug="eerder", start=now + datetime.timedelta(days=2)
    )
    EventPageFactory(
        parent=world.street_a,
        title="Voorbij",
        slug="voorbij",
        start=now - datetime.timedelta(days=3),
        end=now - datetime.timedelta(days=3, hours=-2),
    )
    body = client.get(world.street_a.url).content.decode()
    assert body.index("Eerder") < body.index("Later")
    assert "Voorbij" not in body
    # The wijk and the municipality list them too.
    assert "Eerder" in client.get(world.wijk.url).content.decode()
    assert "Eerder" in client.get(world.home.url).content.decode()


def test_postcodes_are_stored_normalised_and_shown_as_written(world):
    street = StreetPageFactory(parent=world.wijk, slug="x", postcodes="3035ks;3035 kt")
    assert street.postcodes == "3035KS, 3035KT"
    assert street.postcode_list == ["3035 KS", "3035 KT"]


def test_a_bad_postcode_is_refused_in_the_editor(world):
    from django.core.exceptions import ValidationError

    street = world.street_a
    street.postcodes = "3035 KS, Zwaanshals"
    with pytest.raises(ValidationError) as error:
        street.full_clean()
    assert "Zwaanshals" in str(error.value)
