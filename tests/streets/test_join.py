"""A visitor finds a street, applies to join, and a gangmaker of that street (and no other) decides."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from streets.choices import JoinedVia, MemberRole, MembershipStatus
from streets.models import StreetMembership

from .factories import MembershipFactory

pytestmark = pytest.mark.django_db

VISITOR = {
    "first_name": "Fatima",
    "last_name": "El Amrani",
    "email": "fatima@example.org",
    "password": "zonnige dinsdag 42",
    "house_number": "14b",
    "message": "Ik woon hier sinds mei.",
    "privacy": "on",
}


def join_url(street):
    return reverse("streets:join", args=[street.pk])


def test_a_visitor_applies_with_a_new_account_and_the_gangmakers_are_told(
    client, world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(join_url(world.street_a), VISITOR)

    assert response.status_code == 302
    user = User.objects.get(email="fatima@example.org")
    membership = StreetMembership.objects.get(user=user, street=world.street_a)
    assert membership.status == MembershipStatus.PENDING
    assert membership.house_number == "14b"
    assert membership.joined_via == JoinedVia.WEBSITE
    assert user.check_password("zonnige dinsdag 42")
    # Logged in right away, and told what happens next.
    assert client.get(reverse("streets:my_streets")).status_code == 200
    gangmaker_a = world.gangmaker_a.email
    assert [m.to for m in mail.outbox] == [[gangmaker_a]]
    assert "Fatima" in mail.outbox[0].body


def test_a_rejected_application_keeps_what_was_typed_and_says_what_is_wrong(client, world):
    response = client.post(join_url(world.street_a), {**VISITOR, "house_number": "twaalf"})

    assert response.status_code == 200
    body = response.content.decode()
    assert "Vul een huisnummer in, zoals 12, 12a of 40-2." in body
    assert 'value="Fatima"' in body
    assert 'value="fatima@example.org"' in body
    assert not User.objects.filter(email="fatima@example.org").exists()


def test_an_existing_email_address_is_asked_to_log_in_first(client, world):
    response = client.post(
        join_url(world.street_a), {**VISITOR, "email": world.bewoner_b.email.upper()}
    )

    assert response.status_code == 200
    assert "Er is al een account met dit e-mailadres" in response.content.decode()
    assert not StreetMembership.objects.filter(user=world.bewoner_b, street=world.street_a).exists()


def test_a_logged_in_neighbour_only_gives_a_house_number(login, world):
    client = login(world.outsider)
    response = client.post(join_url(world.street_a), {"house_number": "7", "message": ""})

    assert response.status_code == 302
    membership = StreetMembership.objects.get(user=world.outsider, street=world.street_a)
    assert membership.status == MembershipStatus.PENDING


def test_applying_twice_makes_one_application(login, world):
    client = login(world.outsider)
    client.post(join_url(world.street_a), {"house_number": "7"})
    response = client.get(join_url(world.street_a))

    assert "wacht" in response.content.decode() or "binnenkort" in response.content.decode()
    client.post(join_url(world.street_a), {"house_number": "9"})
    assert StreetMembership.objects.filter(user=world.outsider, street=world.street_a).count() == 1


def test_the_street_card_code_marks_the_application_as_coming_from_the_card(login, world):
    client = login(world.outsider)
    response = client.get(reverse("streets:join_by_code", args=[world.street_a.join_code]))
    assert response.status_code == 302
    assert response.url.endswith("?via=card")

    client.post(response.url, {"house_number": "7", "via": "card"})
    membership = StreetMembership.objects.get(user=world.outsider, street=world.street_a)
    assert membership.joined_via == JoinedVia.CARD


def test_an_unknown_join_code_is_not_found(client, world):
    assert client.get(reverse("streets:join_by_code", args=["bestaat-niet"])).status_code == 404


@pytest.fixture
def application(world):
    return MembershipFactory(
        street=world.street_a, status=MembershipStatus.PENDING, user__first_name="Fatima"
    )


def test_the_gangmaker_of_the_street_approves_and_the_applicant_is_told(
    login, world, application, django_capture_on_commit_callbacks
):
    client = login(world.gangmaker_a)
    page = client.get(reverse("streets:members", args=[world.street_a.pk]))
    assert "Fatima" in page.content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("streets:approve", args=[world.street_a.pk, application.pk]))

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == MembershipStatus.APPROVED
    assert application.decided_by == world.gangmaker_a
    assert mail.outbox[-1].to == [application.user.email]
    assert "Welkom" in mail.outbox[-1].subject


@pytest.mark.parametrize("who", ["gangmaker_b", "bewoner_a", "welzijn_a", "outsider"])
def test_nobody_else_can_see_or_decide_on_an_application(login, world, application, who):
    client = login(getattr(world, who))

    assert client.get(reverse("streets:members", args=[world.street_a.pk])).status_code == 403
    response = client.post(reverse("streets:approve", args=[world.street_a.pk, application.pk]))
    assert response.status_code == 403
    response = client.post(reverse("streets:decline", args=[world.street_a.pk, application.pk]))
    assert response.status_code == 403
    application.refresh_from_db()
    assert application.status == MembershipStatus.PENDING
    assert mail.outbox == []


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, world, application):
    response = client.post(reverse("streets:approve", args=[world.street_a.pk, application.pk]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url
    application.refresh_from_db()
    assert application.status == MembershipStatus.PENDING


def test_a_gangmaker_cannot_decide_on_another_street_through_their_own_street_url(login, world):
    other = MembershipFactory(street=world.street_b, status=MembershipStatus.PENDING)
    client = login(world.gangmaker_a)

    response = client.post(reverse("streets:approve", args=[world.street_a.pk, other.pk]))

    assert response.status_code == 404
    other.refresh_from_db()
    assert other.status == MembershipStatus.PENDING


def test_the_coordinator_can_approve_for_a_handover(login, world, application):
    client = login(world.coordinator)
    client.post(reverse("streets:approve", args=[world.street_a.pk, application.pk]))
    application.refresh_from_db()
    assert application.status == MembershipStatus.APPROVED


def test_declining_asks_for_confirmation_and_passes_the_reason_on(
    login, world, application, django_capture_on_commit_callbacks
):
    client = login(world.gangmaker_a)
    url = reverse("streets:decline", args=[world.street_a.pk, application.pk])

    confirmation = client.get(url)
    assert confirmation.status_code == 200
    application.refresh_from_db()
    assert application.status == MembershipStatus.PENDING

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"note": "Wij kennen dit huisnummer niet."})
    application.refresh_from_db()
    assert application.status == MembershipStatus.DECLINED
    assert "Wij kennen dit huisnummer niet." in mail.outbox[-1].body


def test_deciding_twice_is_refused_with_a_message(login, world, application):
    client = login(world.gangmaker_a)
    url = reverse("streets:approve", args=[world.street_a.pk, application.pk])
    client.post(url)
    response = client.post(url, follow=True)
    assert "Over deze aanmelding is al besloten." in response.content.decode()


def test_a_declined_neighbour_may_apply_again(login, world, application):
    application.status = MembershipStatus.DECLINED
    application.save()
    client = login(application.user)
    client.post(join_url(world.street_a), {"house_number": "8"})
    application.refresh_from_db()
    assert application.status == MembershipStatus.PENDING
    assert application.house_number == "8"


def test_a_gangmaker_registers_a_neighbour_without_email(login, world):
    client = login(world.gangmaker_a)
    response = client.post(
        reverse("streets:register_offline", args=[world.street_a.pk]),
        {"first_name": "Truus", "last_name": "", "house_number": "3", "phone": ""},
    )

    assert response.status_code == 302
    membership = StreetMembership.objects.get(street=world.street_a, user__first_name="Truus")
    assert membership.status == MembershipStatus.APPROVED
    assert membership.joined_via == JoinedVia.GANGMAKER
    assert membership.user.email is None
    assert membership.user.is_offline
    assert not membership.user.has_usable_password()


def test_a_bewoner_cannot_register_neighbours(login, world):
    client = login(world.bewoner_a)
    response = client.post(
        reverse("streets:register_offline", args=[world.street_a.pk]),
        {"first_name": "Truus", "house_number": "3"},
    )
    assert response.status_code == 403
    assert not User.objects.filter(first_name="Truus").exists()


def test_a_member_leaves_after_confirming(login, world):
    client = login(world.bewoner_a)
    url = reverse("streets:leave", args=[world.street_a.pk])
    assert client.get(url).status_code == 200
    client.post(url)
    membership = StreetMembership.objects.get(user=world.bewoner_a, street=world.street_a)
    assert membership.status == MembershipStatus.LEFT


def test_only_the_coordinator_appoints_gangmakers(login, world):
    membership = StreetMembership.objects.get(user=world.bewoner_a, street=world.street_a)
    url = reverse("streets:change_role", args=[world.street_a.pk, membership.pk])

    login(world.gangmaker_a).post(url, {"role": "gangmaker"})
    membership.refresh_from_db()
    assert membership.role == "resident"

    login(world.coordinator).post(url, {"role": "gangmaker"})
    membership.refresh_from_db()
    assert membership.role == "gangmaker"


def test_the_coordinator_relieves_a_gangmaker_with_the_button_on_the_members_page(login, world):
    membership = StreetMembership.objects.get(user=world.gangmaker_a, street=world.street_a)
    client = login(world.coordinator)
    page = client.get(reverse("streets:members", args=[world.street_a.pk])).content.decode()
    action = reverse("streets:change_role", args=[world.street_a.pk, membership.pk])
    form = re.search(rf'action="{re.escape(action)}".*?</form>', page, re.DOTALL)[0]
    role = re.search(r'name="role" value="([a-z_]+)"', form)[1]

    client.post(action, {"role": role})

    membership.refresh_from_db()
    assert membership.role == MemberRole.BEWONER
    assert membership.get_role_display() == "bewoner"


@pytest.mark.parametrize("status", [MembershipStatus.APPROVED, MembershipStatus.DECLINED])
def test_the_decline_confirmation_opens_only_for_an_application_that_waits(
    login, world, application, status
):
    application.status = status
    application.save()
    client = login(world.gangmaker_a)
    url = reverse("streets:decline", args=[world.street_a.pk, application.pk])

    response = client.get(url, follow=True)

    assert response.redirect_chain[0][0] == reverse("streets:members", args=[world.street_a.pk])
    assert "Over deze aanmelding is al besloten." in response.content.decode()
    assert "afwijzen" not in response.redirect_chain[0][0]
    application.refresh_from_db()
    assert application.status == status
