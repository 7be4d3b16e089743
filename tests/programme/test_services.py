"""The programme's rules: one application per street, the intake's log, starting a street."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from pot.models import Pot
from programme.choices import ApplicationState
from programme.models import StarterPack, StateChange, StreetApplication
from programme.services import (
    ApplicationError,
    change_state,
    start_street,
    submit_application,
)
from streets.choices import MemberRole, MembershipStatus
from streets.models import NeighbourhoodPage, StreetMembership, StreetPage
from tests.programme.factories import GangmakerCandidateFactory, application_with_people

pytestmark = pytest.mark.django_db
User = get_user_model()


def _apply(home, street="Bloemkweekstraat", **applicant):
    person = {"name": "Ria Bos", "email": "ria@example.org", "phone": "", "house_number": "5"}
    person.update(applicant)
    return submit_application(
        home,
        street_name=street,
        postcodes="3035 AA",
        applicant=person,
        candidates=[
            {"name": person["name"], "email": person["email"], "phone": "", "house_number": "5"}
        ],
    )


def test_a_second_neighbour_joins_the_first_application_however_they_spell_the_street(
    world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first, joined_first = _apply(world.home)
        second, joined_second = _apply(
            world.home, "bloemkweekstr.", name="Jan Kok", email="jan@example.org", house_number="8"
        )

    assert (joined_first, joined_second) == (False, True)
    assert first.pk == second.pk
    assert StreetApplication.objects.count() == 1
    assert sorted(first.applicants.values_list("name", flat=True)) == ["Jan Kok", "Ria Bos"]
    # Each applicant gets a Dutch confirmation; the coordinator is told of both.
    to = [m.to for m in mail.outbox]
    assert ["ria@example.org"] in to and ["jan@example.org"] in to
    assert to.count([world.coordinator.email]) == 2
    jan = next(m for m in mail.outbox if m.to == ["jan@example.org"])
    assert "al aangemeld" in jan.body


def test_the_same_neighbour_applying_twice_is_one_applicant(world):
    _apply(world.home)
    application, _joined = _apply(world.home, "Bloemkweekstraat")
    assert application.applicants.count() == 1
    assert application.candidates.count() == 1


def test_the_same_street_in_another_municipality_is_another_application(world, other_municipality):
    _apply(world.home)
    _apply(other_municipality.home)
    assert StreetApplication.objects.count() == 2


def test_each_step_is_logged_with_who_and_when_and_waiting_needs_a_reason(world):
    application, _ = _apply(world.home)
    change_state(application, ApplicationState.INTRODUCTION, world.coordinator)
    with pytest.raises(ApplicationError, match="reden"):
        change_state(application, ApplicationState.WAITLIST, world.coordinator)
    change_state(application, ApplicationState.WAITLIST, world.coordinator, "Eerst na de zomer")

    application.refresh_from_db()
    assert application.state == ApplicationState.WAITLIST
    assert application.state_reason == "Eerst na de zomer"
    assert application.handled_by == world.coordinator
    steps = list(application.changes.values_list("to_state", "by"))
    assert steps == [
        (ApplicationState.APPLIED, None),
        (ApplicationState.INTRODUCTION, world.coordinator.pk),
        (ApplicationState.WAITLIST, world.coordinator.pk),
    ]


def test_started_cannot_be_chosen_by_hand(world):
    application, _ = _apply(world.home)
    with pytest.raises(ApplicationError):
        change_state(application, ApplicationState.STARTED, world.coordinator)


def test_starting_makes_the_street_with_gangmakers_pot_pack_and_tells_everyone(
    world, client, django_capture_on_commit_callbacks
):
    application = application_with_people(world.home)

    with django_capture_on_commit_callbacks(execute=True):
        street, created = start_street(application, world.coordinator, wijk=world.wijk)

    assert created
    assert street.live and street.get_parent().pk == world.wijk.pk
    assert street.join_code
    gangmakers = StreetMembership.objects.filter(
        street=street, role=MemberRole.GANGMAKER, status=MembershipStatus.APPROVED
    ).select_related("user")
    assert sorted(m.user.first_name for m in gangmakers) == ["Henk", "Ria"]
    henk = next(m.user for m in gangmakers if m.user.first_name == "Henk")
    assert henk.is_offline and henk.email is None
    assert Pot.objects.filter(street=street).count() == 1
    assert StarterPack.objects.filter(street=street, sent_on__isnull=True).count() == 1
    application.refresh_from_db()
    assert application.state == ApplicationState.STARTED and application.street == street
    assert application.changes.last().by == world.coordinator

    # Ria had no account: she is invited to choose a password, and told as applicant.
    ria_mails = [m for m in mail.outbox if m.to == ["ria@example.org"]]
    assert {m.subject for m in ria_mails} == {
        "De Bloemkweekstraat is een Lief & Leedstraat!",
        "U bent gangmaker van de Bloemkweekstraat",
    }
    invitation = next(m for m in ria_mails if "gangmaker" in m.subject)
    link = re.search(r"https?://[^/\s]+(/account/\S+)", invitation.body).group(1)
    response = client.get(link, follow=True)
    assert response.status_code == 200
    form_url = response.redirect_chain[-1][0] if response.redirect_chain else link
    response = client.post(
        form_url, {"new_password1": "zonnige dinsdag 42", "new_password2": "zonnige dinsdag 42"}
    )
    assert response.status_code == 302
    ria = User.objects.get(email="ria@example.org")
    assert ria.check_password("zonnige dinsdag 42")


def test_starting_twice_makes_one_street(world, django_capture_on_commit_callbacks):
    application = application_with_people(world.home)
    with django_capture_on_commit_callbacks(execute=True):
        first, created_first = start_street(application, world.coordinator, wijk=world.wijk)
    sent = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        second, created_second = start_street(
            StreetApplication.objects.get(pk=application.pk), world.coordinator, wijk=world.wijk
        )

    assert (created_first, created_second) == (True, False)
    assert first.pk == second.pk
    assert StreetPage.objects.filter(title="Bloemkweekstraat").count() == 1
    assert StreetMembership.objects.filter(street=first).count() == 2
    assert len(mail.outbox) == sent
    assert StateChange.objects.filter(to_state=ApplicationState.STARTED).count() == 1


def test_starting_in_a_new_wijk_makes_the_wijk(world):
    application = application_with_people(world.home)
    street, _ = start_street(application, world.coordinator, new_wijk_name="Oost")
    wijk = NeighbourhoodPage.objects.get(title="Oost")
    assert wijk.get_parent().pk == world.home.pk
    assert street.get_parent().pk == wijk.pk


def test_a_wijk_of_another_municipality_is_refused(world, other_municipality):
    application = application_with_people(world.home)
    with pytest.raises(ApplicationError):
        start_street(application, world.coordinator, wijk=other_municipality.wijk)
    assert not StreetPage.objects.filter(title="Bloemkweekstraat").exists()


def test_an_existing_account_becomes_gangmaker_without_an_invitation(
    world, django_capture_on_commit_callbacks
):
    application = application_with_people(world.home)
    application.candidates.filter(name="Ria Bos").update(email=world.bewoner_a.email)
    with django_capture_on_commit_callbacks(execute=True):
        street, _ = start_street(application, world.coordinator, wijk=world.wijk)
    membership = StreetMembership.objects.get(user=world.bewoner_a, street=street)
    assert membership.role == MemberRole.GANGMAKER
    mails = [m for m in mail.outbox if m.to == [world.bewoner_a.email]]
    assert len(mails) == 1 and "wachtwoord" not in mails[0].body


def test_an_offline_candidate_put_forward_first_still_becomes_gangmaker_next_to_one_online(
    world,
):
    """The streets app's rule: a gangmaker without e-mail only next to one who logs in; the
    start appoints the candidates with e-mail first, whatever their order on the form."""
    application = application_with_people(world.home)
    henk = application.candidates.get(name="Henk Smit")
    ria = application.candidates.get(name="Ria Bos")
    # Henk (no e-mail) now comes first.
    application.candidates.filter(pk=ria.pk).delete()
    GangmakerCandidateFactory(application=application, name="Ria Bos", email="ria@example.org")
    assert application.candidates.first().pk == henk.pk

    street, created = start_street(application, world.coordinator, wijk=world.wijk)

    assert created
    gangmakers = StreetMembership.objects.filter(
        street=street, role=MemberRole.GANGMAKER, status=MembershipStatus.APPROVED
    )
    assert {(m.user.first_name, m.user.is_offline) for m in gangmakers} == {
        ("Ria", False),
        ("Henk", True),
    }


def test_only_candidates_without_email_start_nothing_and_say_what_to_do(world):
    application = application_with_people(world.home)
    application.candidates.filter(name="Ria Bos").delete()

    with pytest.raises(ApplicationError, match="minstens één gangmaker met een e-mailadres"):
        start_street(application, world.coordinator, wijk=world.wijk)

    assert not StreetPage.objects.filter(title="Bloemkweekstraat").exists()
    assert not User.objects.filter(first_name="Henk").exists()
    application.refresh_from_db()
    assert application.state == ApplicationState.APPLIED and application.street is None
