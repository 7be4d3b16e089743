"""The coordinator's "Programma" in the Wagtail admin: members and gangmakers of their own
municipality's streets, and the appointing of gangmakers. Who else is refused, route by route,
is in tests/security/test_admin_programme.py."""

import html
from urllib.parse import quote

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from streets.choices import MemberRole, MembershipStatus
from streets.models import StreetMembership
from tests.accounts.factories import OfflineUserFactory, UserFactory

from .factories import MembershipFactory

pytestmark = pytest.mark.django_db

AMSTELVEEN_WORDS = ("Wilhelmina", "Amstelrade", "Kees", "Poelwijk", "Dorpsstraat", "Bovenkerk")


def membership(user, street):
    return StreetMembership.objects.get(user=user, street=street)


def left_gangmaker(world):
    """A gangmaker who left the street: no longer among the gangmakers."""
    return MembershipFactory(
        street=world.street_a,
        role=MemberRole.GANGMAKER,
        status=MembershipStatus.LEFT,
        user__first_name="Gijs",
        user__last_name="Vertrokken",
    ).user


def body_of(response) -> str:
    """The page as a reader sees it: names like "van 't Riet" arrive HTML-escaped."""
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_a_coordinator_sees_the_members_of_every_street_of_their_municipality(
    login, world, other_municipality
):
    body = body_of(login(world.coordinator).get(reverse("memberships:index")))

    for person in (world.bewoner_a, world.bewoner_b, world.gangmaker_a, world.gangmaker_b):
        assert person.get_full_name() in body
    assert "Zwaanshals" in body and "Bergweg" in body
    # Nothing of Amstelveen: not its people, streets or wijk, not even in the filters.
    for word in AMSTELVEEN_WORDS:
        assert word not in body


def test_the_gangmakers_list_holds_the_current_gangmakers_with_their_street_and_wijk(
    login, world, other_municipality
):
    relieved = left_gangmaker(world)
    body = body_of(login(world.coordinator).get(reverse("gangmakers:index")))

    assert world.gangmaker_a.get_full_name() in body
    assert world.gangmaker_b.get_full_name() in body
    assert "Noord" in body
    assert world.bewoner_a.get_full_name() not in body
    assert relieved.get_full_name() not in body
    for word in AMSTELVEEN_WORDS:
        assert word not in body


def test_the_other_municipalitys_coordinator_sees_only_their_own_streets(
    login, world, other_municipality
):
    body = body_of(login(other_municipality.coordinator).get(reverse("memberships:index")))

    assert "Kees Poelwijk" in body and "Wilhelmina Amstelrade" in body
    for person in (world.bewoner_a, world.gangmaker_a, world.gangmaker_b):
        assert person.get_full_name() not in body
    assert "Zwaanshals" not in body


def test_the_list_filters_by_wijk_role_and_status(login, world):
    putselaan = MembershipFactory(
        street=world.street_c, user__first_name="Petra", user__last_name="Zuidkant"
    ).user
    pending = MembershipFactory(
        street=world.street_a,
        status=MembershipStatus.PENDING,
        user__first_name="Paul",
        user__last_name="Wachter",
    ).user
    client = login(world.coordinator)
    url = reverse("memberships:index")

    zuid = body_of(client.get(url, {"wijk": world.other_wijk.pk}))
    assert putselaan.get_full_name() in zuid
    assert world.bewoner_a.get_full_name() not in zuid

    gangmakers = body_of(client.get(url, {"role": MemberRole.GANGMAKER}))
    assert world.gangmaker_a.get_full_name() in gangmakers
    assert world.bewoner_a.get_full_name() not in gangmakers

    waiting = body_of(client.get(url, {"status": MembershipStatus.PENDING}))
    assert pending.get_full_name() in waiting
    assert world.bewoner_a.get_full_name() not in waiting


def test_a_wijk_or_street_of_another_municipality_in_the_filter_shows_nothing_of_it(
    login, world, other_municipality
):
    client = login(world.coordinator)
    for params in ({"wijk": other_municipality.wijk.pk}, {"street": other_municipality.street.pk}):
        body = body_of(client.get(reverse("memberships:index"), params))
        for word in AMSTELVEEN_WORDS:
            assert word not in body


def test_searching_finds_a_neighbour_by_name_and_street_together(login, world):
    client = login(world.coordinator)
    first_name = world.bewoner_a.first_name
    body = body_of(client.get(reverse("memberships:index"), {"q": f"{first_name} zwaanshals"}))

    assert world.bewoner_a.get_full_name() in body
    assert world.bewoner_b.get_full_name() not in body
    assert world.gangmaker_a.get_full_name() not in body


@pytest.mark.parametrize("query", ["\x00", '"', "a" * 10_000, "\ud800", "' OR 1=1 --"])
def test_odd_search_input_is_answered_without_an_error(login, world, query):
    # Encoded by hand, so a lone surrogate arrives as the invalid bytes a browser would send.
    encoded = quote(query, safe="", errors="surrogatepass")
    response = login(world.coordinator).get(f"{reverse('memberships:index')}?q={encoded}")
    assert response.status_code == 200


def test_the_list_takes_as_many_queries_for_thirty_members_as_for_three(login, world):
    client = login(world.coordinator)
    url = reverse("memberships:index")
    client.get(url)  # session and caches warm
    with CaptureQueriesContext(connection) as few:
        body_of(client.get(url))
    for number in range(30):
        MembershipFactory(street=world.street_b, house_number=str(number + 20))
    with CaptureQueriesContext(connection) as many:
        body = body_of(client.get(url))
    assert body.count("<tr") > 30
    assert len(many.captured_queries) == len(few.captured_queries)


def test_names_are_escaped_in_the_list(login, world):
    MembershipFactory(
        street=world.street_a, user__first_name="<script>alert(1)</script>", user__last_name="X"
    )
    response = login(world.coordinator).get(reverse("memberships:index"))
    assert response.status_code == 200
    body = response.content.decode()  # the markup itself, not as a reader sees it
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


def test_the_inspect_page_leaves_out_what_the_applicant_wrote_to_the_gangmakers(login, world):
    applicant = MembershipFactory(
        street=world.street_a,
        status=MembershipStatus.PENDING,
        message="Mijn moeder is net geopereerd.",
        house_number="31",
    )
    response = login(world.coordinator).get(reverse("memberships:inspect", args=[applicant.pk]))

    body = body_of(response)
    assert applicant.user.get_full_name() in body
    assert "31" in body
    assert "geopereerd" not in body


def test_the_list_is_never_a_download(login, world):
    response = login(world.coordinator).get(reverse("memberships:index"), {"export": "csv"})
    assert response["Content-Type"].startswith("text/html")
    assert "attachment" not in response.get("Content-Disposition", "")


def test_a_coordinator_appoints_a_member_gangmaker_and_the_admin_rights_follow(login, world):
    anna = membership(world.bewoner_a, world.street_a)
    client = login(world.coordinator)

    response = client.post(
        reverse("memberships:edit", args=[anna.pk]), {"role": MemberRole.GANGMAKER}
    )

    assert response.status_code == 302
    anna.refresh_from_db()
    assert anna.role == MemberRole.GANGMAKER
    assert world.street_a.permissions_for_user(world.bewoner_a).can_edit()
    assert world.bewoner_a.get_full_name() in body_of(client.get(reverse("gangmakers:index")))


def test_a_coordinator_relieves_a_gangmaker_from_the_gangmakers_list(login, world):
    gerda = membership(world.gangmaker_a, world.street_a)
    client = login(world.coordinator)

    client.post(reverse("gangmakers:edit", args=[gerda.pk]), {"role": MemberRole.BEWONER})

    gerda.refresh_from_db()
    assert gerda.role == MemberRole.BEWONER
    assert not world.street_a.permissions_for_user(world.gangmaker_a).can_edit()


def test_a_neighbour_without_email_cannot_be_the_only_gangmaker_and_the_form_says_why(login, world):
    # The street's gangmaker who logs in steps back: nobody online would be left.
    StreetMembership.objects.filter(street=world.street_a, role=MemberRole.GANGMAKER).update(
        role=MemberRole.BEWONER
    )
    offline = MembershipFactory(street=world.street_a, user=OfflineUserFactory(first_name="Truus"))
    response = login(world.coordinator).post(
        reverse("memberships:edit", args=[offline.pk]), {"role": MemberRole.GANGMAKER}
    )

    body = body_of(response)
    assert "Een gangmaker heeft een e-mailadres nodig om in te loggen." in body
    offline.refresh_from_db()
    assert offline.role == MemberRole.BEWONER


def test_a_neighbour_without_email_becomes_gangmaker_next_to_one_who_logs_in(login, world):
    offline = MembershipFactory(street=world.street_a, user=OfflineUserFactory(first_name="Truus"))
    login(world.coordinator).post(
        reverse("memberships:edit", args=[offline.pk]), {"role": MemberRole.GANGMAKER}
    )

    offline.refresh_from_db()
    assert offline.role == MemberRole.GANGMAKER


def test_an_application_cannot_be_made_gangmaker_and_the_list_offers_no_edit_for_it(login, world):
    pending = MembershipFactory(street=world.street_a, status=MembershipStatus.PENDING)
    client = login(world.coordinator)

    edit_url = reverse("memberships:edit", args=[pending.pk])
    assert edit_url not in body_of(client.get(reverse("memberships:index")))
    body = body_of(client.post(edit_url, {"role": MemberRole.GANGMAKER}))
    assert "Alleen leden van de straat kunnen gangmaker worden." in body
    pending.refresh_from_db()
    assert pending.role == MemberRole.BEWONER


def test_a_role_that_does_not_exist_is_refused_by_the_form(login, world):
    anna = membership(world.bewoner_a, world.street_a)
    response = login(world.coordinator).post(
        reverse("memberships:edit", args=[anna.pk]), {"role": "superuser"}
    )
    assert response.status_code == 200
    anna.refresh_from_db()
    assert anna.role == MemberRole.BEWONER


def test_the_programme_menu_is_there_for_the_coordinator_and_not_for_a_gangmaker(login, world):
    coordinator_home = body_of(login(world.coordinator).get(reverse("wagtailadmin_home")))
    gangmaker_home = body_of(login(world.gangmaker_a).get(reverse("wagtailadmin_home")))

    for label in ("Programma", "Lidmaatschappen", "Gangmakers", "Instellingen potjes"):
        assert label in coordinator_home
        assert label not in gangmaker_home


def test_a_superuser_sees_every_municipality(login, world, other_municipality):
    admin = UserFactory(is_superuser=True, is_staff=True)
    body = body_of(login(admin).get(reverse("memberships:index")))
    assert "Kees Poelwijk" in body
    assert world.bewoner_a.get_full_name() in body
