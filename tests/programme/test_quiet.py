"""Quiet streets in the growth view and the coordinator's follow-up log."""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from pot.services import record_attention
from programme.choices import FollowUpOutcome
from programme.models import StreetFollowUp
from programme.services import QUIET_WEEKS, log_follow_up, quiet_streets
from streets.models import StreetMembership, StreetPage
from tests.matching.factories import HelpRequestFactory
from tests.pot.factories import funded_pot
from tests.streets.factories import EventPageFactory, MembershipFactory, StreetPageFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
LONG_AGO = timezone.now() - datetime.timedelta(weeks=QUIET_WEEKS + 10)


def _quiet(*streets):
    """Everything of these streets happened long ago: started, joined, logged in."""
    for street in streets:
        StreetPage.objects.filter(pk=street.pk).update(first_published_at=LONG_AGO)
        StreetMembership.objects.filter(street=street).update(decided_at=LONG_AGO)
        User.objects.filter(memberships__street=street).update(last_login=LONG_AGO)


def _names(home):
    return [row.street.title for row in quiet_streets(home)]


def test_a_street_without_activity_for_weeks_is_quiet_and_a_new_street_is_not(world):
    _quiet(world.street_a, world.street_c)

    rows = quiet_streets(world.home)

    assert [(row.wijk, row.street.title) for row in rows] == [
        ("Noord", "Zwaanshals"),
        ("Zuid", "Putselaan"),
    ]
    zwaanshals = rows[0]
    assert zwaanshals.gangmakers == [world.gangmaker_a.get_full_name()]
    assert zwaanshals.last_activity == timezone.localtime(LONG_AGO).date()
    # Bergweg started this week: not quiet yet.
    assert "Bergweg" not in _names(world.home)


def _post(world):
    HelpRequestFactory(street=world.street_a, author=world.bewoner_a)


def _attention(world):
    funded_pot(world.street_a)
    record_attention(
        world.street_a,
        world.bewoner_a,
        spent_on=timezone.localdate(),
        occasion="ill",
        gift="visit",
        for_whom="nr. 3",
    )


def _event(world):
    EventPageFactory(parent=world.street_a)


def _new_member(world):
    MembershipFactory(street=world.street_a, decided_at=timezone.now())


def _gangmaker_login(world):
    User.objects.filter(pk=world.gangmaker_a.pk).update(last_login=timezone.now())


@pytest.mark.parametrize(
    "activity", [_post, _attention, _event, _new_member, _gangmaker_login], ids=lambda f: f.__name__
)
def test_any_activity_takes_the_street_off_the_list(world, activity):
    _quiet(world.street_a)
    assert _names(world.home) == ["Zwaanshals"]

    activity(world)

    assert _names(world.home) == []


def test_activity_long_ago_keeps_the_street_quiet_and_is_its_last_activity(world):
    HelpRequestFactory(street=world.street_a, author=world.bewoner_a)
    _quiet(world.street_a)
    from matching.models import HelpPost

    months_ago = timezone.now() - datetime.timedelta(weeks=QUIET_WEEKS + 2)
    HelpPost.objects.filter(street=world.street_a).update(created_at=months_ago)

    (row,) = quiet_streets(world.home)
    assert row.last_activity == timezone.localtime(months_ago).date()


def test_a_recent_ok_call_takes_the_street_off_and_other_outcomes_keep_it(world):
    _quiet(world.street_a)
    today = timezone.localdate()
    log_follow_up(
        world.street_a,
        world.coordinator,
        called_on=today,
        outcome=FollowUpOutcome.NO_ANSWER,
        gangmaker=world.gangmaker_a,
    )
    (row,) = quiet_streets(world.home)
    assert row.last_follow_up.outcome == FollowUpOutcome.NO_ANSWER
    assert row.last_follow_up.contact_name == world.gangmaker_a.get_full_name()

    log_follow_up(
        world.street_a,
        world.coordinator,
        called_on=today - datetime.timedelta(weeks=QUIET_WEEKS + 1),
        outcome=FollowUpOutcome.OK,
        contact_name="Buurvrouw Els",
    )
    assert _names(world.home) == ["Zwaanshals"], "an ok from long ago does not count"

    log_follow_up(world.street_a, world.coordinator, called_on=today, outcome=FollowUpOutcome.OK)
    assert _names(world.home) == []


def test_the_gangmaker_called_must_be_one_of_the_streets_gangmakers(world):
    with pytest.raises(ValueError):
        log_follow_up(
            world.street_a,
            world.coordinator,
            called_on=timezone.localdate(),
            outcome=FollowUpOutcome.OK,
            gangmaker=world.gangmaker_b,
        )
    assert not StreetFollowUp.objects.exists()


def test_the_quiet_list_takes_the_same_number_of_queries_for_more_streets(world):
    _quiet(world.street_a)
    log_follow_up(
        world.street_a, world.coordinator, called_on=timezone.localdate(), outcome="no_answer"
    )
    with CaptureQueriesContext(connection) as few:
        assert len(quiet_streets(world.home)) == 1
    more = [StreetPageFactory(parent=world.wijk, title=f"Stil {n}") for n in range(4)]
    for street in more:
        MembershipFactory(street=street, role="gangmaker")
        log_follow_up(
            street, world.coordinator, called_on=timezone.localdate(), outcome="no_answer"
        )
    _quiet(*more)
    with CaptureQueriesContext(connection) as many:
        assert len(quiet_streets(world.home)) == 5
    assert len(many) == len(few) <= 4


# --- The pages ------------------------------------------------------------------------


def _follow_up_url(world, street=None):
    return reverse("programme:quiet_street", args=[world.home.pk, (street or world.street_a).pk])


def test_the_growth_view_lists_quiet_streets_per_wijk_with_a_link_to_log_a_call(login, world):
    _quiet(world.street_a)
    html = login(world.coordinator).get(reverse("programme:growth", args=[world.home.pk])).text
    assert "Stille straten" in html
    assert "Zwaanshals" in html and "Noord" in html
    assert _follow_up_url(world) in html
    assert reverse("programme:growth_xlsx", args=[world.home.pk]) in html


def test_without_quiet_streets_the_view_says_so(login, world):
    html = login(world.coordinator).get(reverse("programme:growth", args=[world.home.pk])).text
    assert "Geen stille straten" in html


def test_the_coordinator_logs_a_call_to_a_gangmaker_and_sees_it_in_the_history(login, world):
    _quiet(world.street_a)
    client = login(world.coordinator)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    response = client.post(
        _follow_up_url(world),
        {
            "gangmaker": world.gangmaker_a.pk,
            "called_on": yesterday.isoformat(),
            "outcome": FollowUpOutcome.CALL_BACK,
            "note": "Gerda is op vakantie; na de zomer weer.",
        },
    )

    assert response.status_code == 302
    follow_up = StreetFollowUp.objects.get()
    assert (follow_up.street, follow_up.gangmaker, follow_up.called_by) == (
        world.street_a.specific,
        world.gangmaker_a,
        world.coordinator,
    )
    assert follow_up.called_on == yesterday
    html = client.get(_follow_up_url(world)).text
    assert "Gerda is op vakantie" in html and "later terugbellen" in html
    assert world.gangmaker_a.get_full_name() in html
    # Still quiet: only "loopt goed" takes it off.
    assert _names(world.home) == ["Zwaanshals"]


def test_an_ok_call_with_a_free_name_takes_the_street_off_the_list(login, world):
    _quiet(world.street_a)
    login(world.coordinator).post(
        _follow_up_url(world),
        {
            "gangmaker": "",
            "contact_name": "Buurvrouw Els",
            "called_on": timezone.localdate().isoformat(),
            "outcome": FollowUpOutcome.OK,
        },
    )
    assert StreetFollowUp.objects.get().contact_name == "Buurvrouw Els"
    assert _names(world.home) == []


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"gangmaker": "", "contact_name": ""}, "Kies een gangmaker, of vul in met wie u sprak."),
        ({"called_on": "2999-01-01"}, "Die datum ligt in de toekomst."),
        ({"called_on": "gisteren"}, "Voer een geldige datum in."),
        ({"outcome": "weg"}, "Selecteer een geldige keuze."),
        ({"outcome": ""}, "Dit is een verplicht veld."),
        ({"gangmaker": "abc"}, "Selecteer een geldige keuze."),
    ],
)
def test_bad_input_gets_a_dutch_error_and_keeps_the_input(login, world, data, error):
    post = {
        "gangmaker": world.gangmaker_a.pk,
        "contact_name": "",
        "called_on": timezone.localdate().isoformat(),
        "outcome": FollowUpOutcome.NEEDS_SUPPORT,
        "note": "Zoekt iemand voor de kas.",
        **data,
    }
    response = login(world.coordinator).post(_follow_up_url(world), post)

    assert response.status_code == 200
    html = response.text
    assert error in html
    assert "Zoekt iemand voor de kas." in html
    assert not StreetFollowUp.objects.exists()


def test_a_gangmaker_of_another_street_cannot_be_chosen(login, world):
    response = login(world.coordinator).post(
        _follow_up_url(world),
        {
            "gangmaker": world.gangmaker_b.pk,
            "called_on": timezone.localdate().isoformat(),
            "outcome": FollowUpOutcome.OK,
        },
    )
    assert "Selecteer een geldige keuze." in response.text
    assert not StreetFollowUp.objects.exists()


def test_a_street_of_another_municipality_is_not_found(login, world, other_municipality):
    url = _follow_up_url(world, other_municipality.street)
    assert login(world.coordinator).get(url).status_code == 404


@pytest.mark.parametrize("who", ["gangmaker_a", "gangmaker_b", "welzijn_a", "bewoner_a"])
def test_only_the_coordinator_sees_or_logs_follow_ups(login, world, who):
    client = login(getattr(world, who))
    assert client.get(_follow_up_url(world)).status_code == 403
    response = client.post(
        _follow_up_url(world),
        {"contact_name": "X", "called_on": timezone.localdate().isoformat(), "outcome": "ok"},
    )
    assert response.status_code == 403
    assert not StreetFollowUp.objects.exists()


def test_the_exports_have_the_quiet_streets_and_the_follow_ups(login, world):
    _quiet(world.street_a)
    log_follow_up(
        world.street_a,
        world.coordinator,
        called_on=timezone.localdate(),
        outcome=FollowUpOutcome.NO_ANSWER,
        contact_name="=HYPERLINK(1)",
        note="Voicemail ingesproken.",
    )
    client = login(world.coordinator)

    response = client.get(reverse("programme:growth_csv", args=[world.home.pk]))
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert "Stille straten" in text and "Noord;Zwaanshals;" in text
    assert "niet bereikt" in text and "Voicemail ingesproken." in text
    assert "'=HYPERLINK(1)" in text

    response = client.get(reverse("programme:growth_xlsx", args=[world.home.pk]))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Actieve straten per maand",
        "Dekking per wijk",
        "Aanmeldingen per stand",
        "Stille straten",
        "Opvolging",
    ]
    quiet = [[c.value for c in row] for row in book["Stille straten"].iter_rows(min_row=2)]
    assert quiet[0][:2] == ["Noord", "Zwaanshals"]
    log = [[c.value for c in row] for row in book["Opvolging"].iter_rows(min_row=2)]
    assert log[0][0] == "Zwaanshals" and log[0][3] == "'=HYPERLINK(1)"
    assert log[0][5] == "Voicemail ingesproken."


def test_the_date_fields_show_a_value_the_browsers_date_input_takes(login, world):
    """<input type="date"> shows nothing unless its value is ISO (2026-12-04), also in Dutch."""
    from programme.models import StarterPack

    client = login(world.coordinator)
    iso = f'type="date" name="called_on" value="{timezone.localdate().isoformat()}"'
    assert iso in client.get(_follow_up_url(world)).text
    pack = StarterPack.objects.create(street=world.street_a, year=timezone.localdate().year)
    html = client.get(reverse("programme:pack_sent", args=[pack.pk])).text
    assert f'type="date" name="sent_on" value="{timezone.localdate().isoformat()}"' in html
