"""Care signals: a gangmaker raises one with consent, the wijk's welzijn staff handle it."""

import datetime

import pytest
from django.core import mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from insights.choices import SignalStatus
from insights.models import CareSignal, CareSignalNote

from .factories import CareSignalFactory

pytestmark = pytest.mark.django_db


def raise_url(street):
    return reverse("insights:raise_signal", args=[street.pk])


def member_of(street, user):
    return street.memberships.get(user=user)


def consent_post(world, **overrides):
    return {
        "member": member_of(world.street_a, world.bewoner_a).pk,
        "concern": "Anna doet al drie dagen niet open en de post stapelt zich op.",
        "urgency": "snel",
        "basis": "consent",
        "consent_given_by": "Anna zelf",
        "consent_at": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        "consent_method": "phone",
        "emergency_reason": "",
        **overrides,
    }


@pytest.fixture
def signal_a(world):
    return CareSignalFactory(
        street=world.street_a, neighbour=world.bewoner_a, raised_by=world.gangmaker_a
    )


def test_a_gangmaker_raises_a_signal_with_consent_and_the_wijk_staff_are_emailed(
    world, login, django_capture_on_commit_callbacks
):
    client = login(world.gangmaker_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(raise_url(world.street_a), consent_post(world))

    signal = CareSignal.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("insights:my_signal", args=[world.street_a.pk, signal.pk])
    assert signal.neighbour == world.bewoner_a
    assert signal.raised_by == world.gangmaker_a
    assert signal.consent_given_by == "Anna zelf"
    assert signal.consent_method == "phone"
    # Only the welzijn staff of wijk Noord hear of it, and the e-mail holds no concern or name.
    assert [m.to for m in mail.outbox] == [[world.welzijn_a.email]]
    assert "Zwaanshals" in mail.outbox[0].subject
    assert "post stapelt" not in mail.outbox[0].body
    assert "Anna" not in mail.outbox[0].body


def test_a_signal_without_consent_or_emergency_reason_is_refused_and_keeps_what_was_typed(
    world, login
):
    client = login(world.gangmaker_a)
    response = client.post(
        raise_url(world.street_a),
        consent_post(world, consent_given_by="", consent_at="", consent_method=""),
    )

    assert response.status_code == 200
    body = response.content.decode()
    assert "Vul in wie toestemming gaf." in body
    assert "Kies persoonlijk of telefonisch." in body
    assert "post stapelt zich op" in body
    assert not CareSignal.objects.exists()


def test_an_emergency_without_a_reason_is_refused(world, login):
    client = login(world.gangmaker_a)
    response = client.post(
        raise_url(world.street_a), consent_post(world, basis="emergency", emergency_reason="  ")
    )

    assert response.status_code == 200
    assert "Leg uit waarom u geen toestemming kon vragen" in response.content.decode()
    assert not CareSignal.objects.exists()


def test_an_emergency_with_a_reason_is_accepted_without_consent(world, login):
    client = login(world.gangmaker_a)
    response = client.post(
        raise_url(world.street_a),
        consent_post(world, basis="emergency", emergency_reason="Ze doet niet meer open."),
    )

    assert response.status_code == 302
    signal = CareSignal.objects.get()
    assert signal.is_emergency
    # Consent fields typed before switching to "emergency" are not stored as if given.
    assert signal.consent_given_by == "" and signal.consent_at is None


def test_the_database_refuses_a_signal_with_neither_consent_nor_emergency_reason(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        CareSignal.objects.create(
            street=world.street_a,
            neighbour=world.bewoner_a,
            raised_by=world.gangmaker_a,
            concern="Zorgen",
        )
    assert not CareSignal.objects.exists()


def test_a_gangmaker_can_only_choose_approved_neighbours_of_their_own_street(world, login):
    client = login(world.gangmaker_a)
    other_street_member = member_of(world.street_b, world.bewoner_b)
    response = client.post(
        raise_url(world.street_a), consent_post(world, member=other_street_member.pk)
    )

    assert response.status_code == 200
    assert "Bram" not in response.content.decode()
    assert not CareSignal.objects.exists()


@pytest.mark.parametrize(
    ("who", "street", "status"),
    [
        ("gangmaker_a", "street_a", 200),
        ("gangmaker_b", "street_a", 403),
        ("bewoner_a", "street_a", 403),
        ("welzijn_a", "street_a", 403),
        ("coordinator", "street_a", 403),
        ("outsider", "street_a", 403),
        ("gangmaker_b", "street_b", 200),
    ],
)
def test_only_a_gangmaker_of_the_street_may_raise_a_signal_there(world, login, who, street, status):
    client = login(getattr(world, who))
    assert client.get(raise_url(getattr(world, street))).status_code == status
    response = client.post(raise_url(getattr(world, street)), consent_post(world))
    if status == 403:
        assert response.status_code == 403
        assert not CareSignal.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, world):
    response = client.get(raise_url(world.street_a))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_the_gangmaker_sees_the_status_of_their_own_signal_and_nobody_else_does(
    world, login, signal_a
):
    url = reverse("insights:my_signal", args=[world.street_a.pk, signal_a.pk])
    response = login(world.gangmaker_a).get(url)
    assert response.status_code == 200
    assert "nieuw, nog niet gezien" in response.content.decode()
    assert "no-store" in response["Cache-Control"]

    assert login(world.gangmaker_b).get(url).status_code == 403
    other = reverse("insights:my_signal", args=[world.street_b.pk, signal_a.pk])
    assert login(world.gangmaker_b).get(other).status_code == 404
    list_b = login(world.gangmaker_b).get(reverse("insights:my_signals", args=[world.street_b.pk]))
    assert "Anna" not in list_b.content.decode()


def test_welzijn_staff_see_the_signals_of_their_wijk_only(world, login, signal_a):
    detail = reverse("insights:staff_signal", args=[signal_a.pk])

    response = login(world.welzijn_a).get(detail)
    assert response.status_code == 200
    assert "in de war" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    listing = login(world.welzijn_a).get(reverse("insights:staff_signals")).content.decode()
    assert "Zwaanshals" in listing

    for who in ("welzijn_other", "coordinator", "gangmaker_b", "bewoner_a", "outsider"):
        client = login(getattr(world, who))
        assert client.get(detail).status_code == 404, who
        listing = client.get(reverse("insights:staff_signals")).content.decode()
        assert str(world.street_a.title) not in listing, who


def test_acknowledging_and_closing_tell_the_gangmaker(
    world, login, signal_a, django_capture_on_commit_callbacks
):
    client = login(world.welzijn_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("insights:acknowledge", args=[signal_a.pk]))
    signal_a.refresh_from_db()
    assert signal_a.status == SignalStatus.ACKNOWLEDGED
    assert signal_a.acknowledged_by == world.welzijn_a
    assert [m.to for m in mail.outbox] == [[world.gangmaker_a.email]]
    assert "in behandeling" in mail.outbox[0].subject

    # Closing asks for confirmation first and changes nothing on GET.
    confirm = client.get(reverse("insights:close", args=[signal_a.pk]))
    assert "Zorgsignaal afsluiten?" in confirm.content.decode()
    signal_a.refresh_from_db()
    assert signal_a.status == SignalStatus.ACKNOWLEDGED

    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("insights:close", args=[signal_a.pk]),
            {"closing_message": "De wijkverpleegkundige gaat langs."},
        )
    signal_a.refresh_from_db()
    assert signal_a.status == SignalStatus.CLOSED
    assert len(mail.outbox) == 2
    assert "afgesloten" in mail.outbox[1].subject
    page = login(world.gangmaker_a).get(
        reverse("insights:my_signal", args=[world.street_a.pk, signal_a.pk])
    )
    assert "De wijkverpleegkundige gaat langs." in page.content.decode()


def test_staff_notes_are_kept_and_not_shown_to_the_gangmaker(world, login, signal_a):
    client = login(world.welzijn_a)
    response = client.post(
        reverse("insights:note", args=[signal_a.pk]), {"text": "Dochter gebeld, komt morgen."}
    )
    assert response.status_code == 302
    assert CareSignalNote.objects.get().author == world.welzijn_a
    staff_page = client.get(reverse("insights:staff_signal", args=[signal_a.pk]))
    assert "Dochter gebeld" in staff_page.content.decode()
    gangmaker_page = login(world.gangmaker_a).get(
        reverse("insights:my_signal", args=[world.street_a.pk, signal_a.pk])
    )
    assert "Dochter gebeld" not in gangmaker_page.content.decode()


def test_an_empty_note_is_refused_with_a_message_next_to_the_field(world, login, signal_a):
    response = login(world.welzijn_a).post(
        reverse("insights:note", args=[signal_a.pk]), {"text": ""}
    )
    assert response.status_code == 200
    assert "Schrijf eerst iets in de notitie." in response.content.decode()
    assert not CareSignalNote.objects.exists()


def test_staff_of_another_wijk_cannot_acknowledge_note_or_close(world, login, signal_a):
    client = login(world.welzijn_other)
    assert client.post(reverse("insights:acknowledge", args=[signal_a.pk])).status_code == 404
    assert (
        client.post(reverse("insights:note", args=[signal_a.pk]), {"text": "x"}).status_code == 404
    )
    assert client.post(reverse("insights:close", args=[signal_a.pk]), {}).status_code == 404
    signal_a.refresh_from_db()
    assert signal_a.status == SignalStatus.OPEN
    assert not CareSignalNote.objects.exists()


def test_a_wijk_without_welzijn_staff_refuses_the_signal_with_an_explanation(world, login):
    world.welzijn_a.welzijn_assignments.all().delete()
    response = login(world.gangmaker_a).post(raise_url(world.street_a), consent_post(world))
    assert response.status_code == 200
    assert "nog geen welzijnsmedewerker" in response.content.decode()
    assert not CareSignal.objects.exists()


def test_a_signal_about_a_neighbour_who_is_not_a_member_names_them_and_their_house_number(
    world, login, django_capture_on_commit_callbacks
):
    client = login(world.gangmaker_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            raise_url(world.street_a),
            consent_post(
                world,
                member="",
                non_member_name="Meneer Karel Dorrepaal",
                non_member_house_number="31b",
                consent_given_by="Meneer zelf, aan de deur",
            ),
        )

    signal = CareSignal.objects.get()
    assert response.status_code == 302
    assert signal.neighbour is None
    assert (signal.non_member_name, signal.non_member_house_number) == (
        "Meneer Karel Dorrepaal",
        "31b",
    )
    assert signal.consent_given_by == "Meneer zelf, aan de deur"
    assert "Dorrepaal" not in mail.outbox[0].body
    staff_page = login(world.welzijn_a).get(reverse("insights:staff_signal", args=[signal.pk]))
    assert "Meneer Karel Dorrepaal" in staff_page.text
    assert "Zwaanshals 31b" in staff_page.text
    assert "geen lid van de straat" in staff_page.text
    mine = login(world.gangmaker_a).get(reverse("insights:my_signals", args=[world.street_a.pk]))
    assert "Meneer Karel Dorrepaal" in mine.text


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"member": ""}, "Kies een buur, of vul naam en huisnummer in"),
        ({"member": "", "non_member_name": "Karel"}, "Vul het huisnummer in."),
        ({"member": "", "non_member_house_number": "31"}, "Vul de naam van de buur in."),
        ({"non_member_name": "Karel", "non_member_house_number": "31"}, "niet allebei"),
        (
            {"member": "", "non_member_name": "Karel", "non_member_house_number": "dertig"},
            "huisnummer",
        ),
    ],
)
def test_a_signal_names_a_member_or_a_non_member_and_keeps_what_was_typed(
    world, login, overrides, message
):
    response = login(world.gangmaker_a).post(
        raise_url(world.street_a), consent_post(world, **overrides)
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert "post stapelt" in response.content.decode()
    assert not CareSignal.objects.exists()


def test_a_non_member_signal_still_needs_consent_or_an_emergency_reason(world, login):
    response = login(world.gangmaker_a).post(
        raise_url(world.street_a),
        consent_post(
            world,
            member="",
            non_member_name="Karel",
            non_member_house_number="31",
            consent_given_by="",
            consent_at="",
            consent_method="",
        ),
    )
    assert "Vul in wie toestemming gaf." in response.content.decode()
    assert not CareSignal.objects.exists()


def test_the_database_refuses_a_signal_about_nobody_or_about_two_people(world):
    with pytest.raises(IntegrityError), transaction.atomic():
        CareSignalFactory(street=world.street_a, neighbour=None, raised_by=world.gangmaker_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        CareSignalFactory(
            street=world.street_a,
            neighbour=world.bewoner_a,
            raised_by=world.gangmaker_a,
            non_member_name="Karel",
            non_member_house_number="31",
        )


@pytest.mark.parametrize("who", ["bewoner_a", "gangmaker_a", "coordinator", "outsider"])
def test_the_welzijn_signal_list_refuses_everyone_else_and_says_why(world, login, who):
    response = login(getattr(world, who)).get(reverse("insights:staff_signals"))

    assert response.status_code == 403
    assert "Deze lijst is voor welzijnsmedewerkers" in response.text
    assert "geen welzijnsmedewerker van een wijk" in response.text


def test_a_refused_gangmaker_is_pointed_to_the_signals_of_their_own_street(world, login):
    response = login(world.gangmaker_a).get(reverse("insights:staff_signals"))
    assert reverse("insights:my_signals", args=[world.street_a.pk]) in response.text
    assert "Zorgsignalen van Zwaanshals" in response.text


def test_welzijn_staff_of_a_wijk_without_signals_get_an_empty_list(world, login):
    response = login(world.welzijn_other).get(reverse("insights:staff_signals"))
    assert response.status_code == 200


def test_two_signals_of_one_street_are_told_apart_in_the_list_without_a_house_number(
    world, login, signal_a
):
    other = CareSignalFactory(
        street=world.street_a,
        neighbour=world.gangmaker_a,
        raised_by=world.gangmaker_a,
        concern="Meneer op nummer 14 valt vaak en durft niet meer naar buiten.",
        status=SignalStatus.ACKNOWLEDGED,
        acknowledged_at=timezone.now(),
    )
    listing = login(world.welzijn_a).get(reverse("insights:staff_signals")).text

    rows = [row for row in listing.split("<tr>") if "Zwaanshals" in row]
    assert len(rows) == 2
    assert (
        "Mevrouw lijkt de laatste weken in de war" in rows[0]
        and "nieuw, nog niet gezien" in rows[0]
    )
    assert "in behandeling" in rows[1]
    # The list leaves out a number from the concern (a house number); the signal's own page
    # has the full text.
    assert "Meneer op nummer valt vaak en durft niet" in rows[1]
    assert (
        "nummer 14"
        in login(world.welzijn_a).get(reverse("insights:staff_signal", args=[other.pk])).text
    )
