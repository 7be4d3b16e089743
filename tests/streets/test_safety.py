"""Spare keys and emergency contacts: only the person, the street's gangmakers and the key
holder see them; every read by someone else is logged and shown to the person; withdrawing
consent or leaving the street removes everything."""

import json
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from accounts.privacy import export_personal_data
from streets.choices import MembershipStatus
from streets.models import EmergencyContact, SafetyNet, SafetyNetRead, SpareKey
from streets.safety.choices import ContactKind, ReadPurpose, SafetyConsentMethod
from streets.safety.services import (
    SafetyNetError,
    add_emergency_contact,
    add_spare_key,
    give_consent,
)
from streets.services import leave_street
from tests.accounts.factories import UserFactory
from tests.security.conftest import db_snapshot
from tests.streets.factories import MembershipFactory

pytestmark = pytest.mark.django_db

CONTACT_NAME, CONTACT_PHONE = "Dochter Ximena Vleerkamp", "06 98765432"


@pytest.fixture
def bea(world):
    """Anna (bewoner A) gave consent; Henk keeps her key, her daughter is the contact."""
    holder = MembershipFactory(
        street=world.street_a, user__first_name="Henk", user__last_name="Sleutel"
    ).user
    neighbour = MembershipFactory(street=world.street_a, user__first_name="Nel").user
    net = give_consent(world.bewoner_a, world.street_a)
    key = add_spare_key(net, holder=holder)
    contact = add_emergency_contact(net, ContactKind.FAMILY, CONTACT_NAME, CONTACT_PHONE)
    return SimpleNamespace(net=net, holder=holder, neighbour=neighbour, key=key, contact=contact)


def detail_url(world, net):
    return reverse("streets:safety_detail", args=[world.street_a.pk, net.pk])


def test_the_person_the_gangmaker_and_the_key_holder_see_the_phone_number(world, login, bea):
    for user in (world.bewoner_a, world.gangmaker_a, bea.holder):
        response = login(user).get(detail_url(world, bea.net))
        assert response.status_code == 200, user
        assert CONTACT_PHONE in response.text
        assert "Henk Sleutel" in response.text


@pytest.mark.parametrize(
    "who", ["neighbour", "bewoner_b", "gangmaker_b", "welzijn_a", "coordinator", "outsider"]
)
def test_nobody_else_sees_them_and_the_refusal_changes_nothing(world, login, bea, who):
    user = bea.neighbour if who == "neighbour" else getattr(world, who)
    client = login(user)
    before = db_snapshot()
    urls = [
        detail_url(world, bea.net),
        reverse("streets:safety_card", args=[world.street_a.pk, bea.net.pk]),
        reverse("streets:safety_withdraw", args=[world.street_a.pk, bea.net.pk]),
        reverse("streets:safety_contact_add", args=[world.street_a.pk, bea.net.pk]),
        reverse(
            "streets:safety_contact_remove",
            args=[world.street_a.pk, bea.net.pk, bea.contact.pk],
        ),
    ]
    for url in urls:
        for method in ("get", "post"):
            response = getattr(client, method)(url)
            assert response.status_code in (403, 404), (url, method, response.status_code)
            assert CONTACT_PHONE not in response.text
    assert db_snapshot() == before
    assert not SafetyNetRead.objects.exists()


def test_an_anonymous_visitor_is_sent_to_the_login_page(world, client, bea):
    response = client.get(detail_url(world, bea.net))
    assert response.status_code == 302
    assert "/account/inloggen/" in response["Location"]


def test_every_read_by_someone_else_is_in_the_persons_access_log(world, login, bea):
    login(world.gangmaker_a).get(detail_url(world, bea.net))
    login(bea.holder).get(detail_url(world, bea.net))
    login(world.gangmaker_a).get(
        reverse("streets:safety_card", args=[world.street_a.pk, bea.net.pk])
    )
    login(world.bewoner_a).get(detail_url(world, bea.net))

    reads = list(SafetyNetRead.objects.order_by("read_at", "pk"))
    assert [(r.reader, r.purpose) for r in reads] == [
        (world.gangmaker_a, ReadPurpose.VIEW),
        (bea.holder, ReadPurpose.VIEW),
        (world.gangmaker_a, ReadPurpose.PRINT),
    ]
    page = login(world.bewoner_a).get(detail_url(world, bea.net)).text
    assert "Wie keek er naar uw gegevens?" in page
    assert page.count(world.gangmaker_a.get_full_name()) == 2
    assert "noodkaart afgedrukt" in page


def test_the_key_holder_reads_but_does_not_see_the_log_or_change_anything(world, login, bea):
    login(world.gangmaker_a).get(detail_url(world, bea.net))
    client = login(bea.holder)
    page = client.get(detail_url(world, bea.net)).text
    assert "Wie keek er naar uw gegevens?" not in page
    assert "verwijderen" not in page
    response = client.post(
        reverse("streets:safety_contact_add", args=[world.street_a.pk, bea.net.pk]),
        {"kind": "gp", "name": "Huisarts", "phone": "010 1234567"},
    )
    assert response.status_code == 404
    assert EmergencyContact.objects.count() == 1


def test_a_key_holder_who_left_the_street_no_longer_sees_the_contacts(world, login, bea):
    leave_street(bea.holder.memberships.get(street=world.street_a))
    response = login(bea.holder).get(detail_url(world, bea.net))
    assert response.status_code == 403


def test_the_printed_emergency_card_shows_keys_and_contacts(world, login, bea):
    response = login(world.gangmaker_a).get(
        reverse("streets:safety_card", args=[world.street_a.pk, bea.net.pk])
    )
    assert response.status_code == 200
    assert "Noodkaart" in response.text
    assert CONTACT_NAME in response.text and CONTACT_PHONE in response.text
    assert "Henk Sleutel" in response.text


def test_a_member_gives_consent_online_and_without_the_tick_nothing_is_kept(world, login):
    client = login(world.bewoner_a)
    url = reverse("streets:safety_consent", args=[world.street_a.pk])
    refused = client.post(url, {})
    assert "Zet een vinkje als u toestemming geeft." in refused.text
    assert not SafetyNet.objects.exists()

    response = client.post(url, {"consent": "on"})

    net = SafetyNet.objects.get()
    assert response.status_code == 302
    assert net.person == world.bewoner_a
    assert net.consent_method == SafetyConsentMethod.ONLINE


def test_a_gangmaker_registers_an_offline_neighbour_with_consent_given_in_person(world, login):
    offline = MembershipFactory(
        street=world.street_a, user__email=None, user__is_offline=True, house_number="7"
    )
    client = login(world.gangmaker_a)
    url = reverse("streets:safety_register", args=[world.street_a.pk])
    refused = client.post(url, {"member": offline.pk})
    assert "Zonder toestemming van de buur zelf" in refused.text
    assert not SafetyNet.objects.exists()

    client.post(url, {"member": offline.pk, "consent_in_person": "on"})

    net = SafetyNet.objects.get()
    assert net.person == offline.user
    assert net.consent_method == SafetyConsentMethod.IN_PERSON
    assert net.consent_recorded_by == world.gangmaker_a


def test_a_named_holder_like_the_beheercommissie_can_keep_the_key(world, login, bea):
    client = login(world.bewoner_a)
    url = reverse("streets:safety_key_add", args=[world.street_a.pk, bea.net.pk])
    both = client.post(
        url, {"holder": bea.neighbour.memberships.get().pk, "holder_name": "Beheercommissie"}
    )
    assert "niet allebei" in both.text
    assert 'value="Beheercommissie"' in both.text

    client.post(url, {"holder_name": "Beheercommissie"})

    assert list(bea.net.spare_keys.values_list("holder_name", flat=True)) == [
        "",
        "Beheercommissie",
    ]


def test_a_wrong_phone_number_is_refused_and_the_form_keeps_what_was_typed(world, login, bea):
    response = login(world.bewoner_a).post(
        reverse("streets:safety_contact_add", args=[world.street_a.pk, bea.net.pk]),
        {"kind": "gp", "name": "Dokter Brink", "phone": "bel maar"},
    )
    assert response.status_code == 200
    assert "Vul een telefoonnummer in" in response.text
    assert 'value="Dokter Brink"' in response.text
    assert EmergencyContact.objects.count() == 1


def test_removing_a_contact_asks_first(world, login, bea):
    client = login(world.bewoner_a)
    url = reverse(
        "streets:safety_contact_remove", args=[world.street_a.pk, bea.net.pk, bea.contact.pk]
    )
    assert "Verwijderen?" in client.get(url).text
    assert EmergencyContact.objects.exists()
    client.post(url)
    assert not EmergencyContact.objects.exists()


def _hits(*needles) -> list[str]:
    """Every text column of every table (revisions, log entries, the search index, task rows
    included) that still holds one of the needles."""
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            for column in connection.introspection.get_table_description(cursor, table):
                for needle in needles:
                    cursor.execute(
                        f'SELECT COUNT(*) FROM "{table}" WHERE LOWER(CAST("{column.name}" AS TEXT)) LIKE %s',  # noqa: S608
                        [f"%{needle.lower()}%"],
                    )
                    if cursor.fetchone()[0]:
                        found.append(f"{table}.{column.name}: {needle}")
    return found


def test_withdrawing_consent_removes_keys_contacts_and_log_everywhere(world, login, bea, caplog):
    caplog.set_level("DEBUG")
    login(world.gangmaker_a).get(detail_url(world, bea.net))
    assert _hits(CONTACT_NAME, CONTACT_PHONE)
    client = login(world.bewoner_a)
    url = reverse("streets:safety_withdraw", args=[world.street_a.pk, bea.net.pk])
    assert "Toestemming intrekken?" in client.get(url).text
    assert SafetyNet.objects.exists()

    client.post(url)

    assert not SafetyNet.objects.exists()
    assert not SpareKey.objects.exists()
    assert not SafetyNetRead.objects.exists()
    assert _hits(CONTACT_NAME, CONTACT_PHONE) == []
    # Nor did the application's log ever quote them.
    assert not [r for r in caplog.records if CONTACT_PHONE in r.getMessage()]
    assert not [r for r in caplog.records if CONTACT_NAME in r.getMessage()]


def test_leaving_the_street_removes_them_everywhere(world, login, bea):
    login(world.gangmaker_a).get(detail_url(world, bea.net))
    login(world.bewoner_a).post(reverse("streets:leave", args=[world.street_a.pk]))
    assert not SafetyNet.objects.exists()
    assert not EmergencyContact.objects.exists()
    assert not SafetyNetRead.objects.exists()
    assert _hits(CONTACT_NAME, CONTACT_PHONE) == []


def test_the_persons_download_holds_them_and_the_holders_only_a_count(world, bea):
    own = export_personal_data(world.bewoner_a)["sleutels_en_noodcontacten"]
    [net] = own["vangnetten"]
    assert net["reservesleutels"] == ["Henk Sleutel"]
    assert net["noodcontacten"][0]["telefoonnummer"] == CONTACT_PHONE

    held = export_personal_data(bea.holder)
    assert held["sleutels_en_noodcontacten"] == {
        "vangnetten": [],
        "aantal_sleutels_die_u_bewaart": 1,
    }
    assert CONTACT_PHONE not in json.dumps(held, default=str)


def test_they_are_in_no_other_export_or_print_and_not_in_search(world, login, bea):
    gangmaker = login(world.gangmaker_a)
    pages = [
        gangmaker.get(reverse("streets:street_card", args=[world.street_a.pk])),
        gangmaker.get(reverse("matching:door_list", args=[world.street_a.pk])),
        gangmaker.get(reverse("streets:members", args=[world.street_a.pk])),
        gangmaker.get(reverse("search"), {"q": "Ximena"}),
    ]
    coordinator = login(world.coordinator)
    pages.append(
        coordinator.get(reverse("insights:export", args=["straat", world.street_a.pk, "csv"]))
    )
    for response in pages:
        assert response.status_code == 200
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert CONTACT_PHONE.encode() not in body
        assert CONTACT_NAME.encode() not in body


def test_consent_is_only_for_a_member_of_the_street(world):
    with pytest.raises(SafetyNetError):
        give_consent(UserFactory(), world.street_a)
    pending = MembershipFactory(street=world.street_a, status=MembershipStatus.PENDING).user
    with pytest.raises(SafetyNetError):
        give_consent(pending, world.street_a)


def _nets(world, count):
    for _ in range(count):
        person = MembershipFactory(street=world.street_a).user
        net = give_consent(person, world.street_a)
        add_spare_key(net, holder_name="Beheercommissie")
        add_emergency_contact(net, ContactKind.GP, "Huisarts Brink", "010 1234567")


def test_the_gangmakers_overview_takes_the_same_queries_for_one_or_six_neighbours(world, login):
    client = login(world.gangmaker_a)
    url = reverse("streets:safety_overview", args=[world.street_a.pk])
    counts = []
    for added in (1, 5):
        _nets(world, added)
        client.get(url)  # warm the session and the site lookup
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        counts.append(len(captured))
        # Names and house numbers only: no contact is shown in the overview.
        assert "Huisarts" not in response.text
    assert response.text.count("Noodkaart") >= 6
    assert counts[0] == counts[1]


def _card(client, world, bea, query=""):
    url = reverse("streets:safety_card", args=[world.street_a.pk, bea.net.pk])
    return client.get(url + query)


def _in(language, msgid):
    with translation.override(language):
        return translation.gettext(msgid)


def test_the_emergency_card_is_printed_in_the_language_of_the_neighbour_it_is_for(
    world, login, bea
):
    world.gangmaker_a.language = "nl"
    world.gangmaker_a.save(update_fields=["language"])
    world.bewoner_a.language = "ar"  # Anna, whose card it is
    world.bewoner_a.save(update_fields=["language"])
    client = login(world.gangmaker_a)

    card = _card(client, world, bea).text
    assert '<html lang="ar" dir="rtl"' in card
    assert _in("ar", "Noodkaart – vertrouwelijk") in card
    assert "Noodkaart – vertrouwelijk" not in card
    assert CONTACT_NAME in card and CONTACT_PHONE in card  # as written
    # How to print, and the choice of language, in the gangmaker's Dutch.
    assert "Bewaar hem veilig" in card
    assert "Afdrukken in" in card and "?taal=tr" in card and "Nederlands" in card

    english = _card(client, world, bea, "?taal=en").text
    assert '<html lang="en" dir="ltr"' in english
    assert _in("en", "Bij direct gevaar: bel 112.") in english

    unknown = _card(client, world, bea, "?taal=xx")
    assert unknown.status_code == 200
    assert '<html lang="ar" dir="rtl"' in unknown.text
    # Every print is in the neighbour's access log, whichever its language.
    assert SafetyNetRead.objects.filter(purpose=ReadPurpose.PRINT).count() == 3


def test_a_print_language_opens_no_emergency_card_to_anyone_else(world, login, bea):
    for user in (bea.neighbour, world.gangmaker_b):
        response = _card(login(user), world, bea, "?taal=en")
        assert response.status_code in (403, 404)
        assert CONTACT_PHONE not in response.text
    assert not SafetyNetRead.objects.exists()
