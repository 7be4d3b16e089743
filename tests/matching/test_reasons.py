"""Why a helper was proposed, in the reader's language: the engine's reason codes rendered
(matching/reasons.py), on the match page and the rota, whoever wrote them."""

import datetime
import importlib

import pytest
from django.urls import reverse
from django.utils import translation

from matching import engine
from matching.models import RotaMoment
from matching.reasons import render_reason, render_reasons
from matching.services.lifecycle import make_match
from matching.services.matching import propose_for_request
from matching.services.rota import fill_by_hand
from streets.vocabulary import Weekday
from tests.streets.factories import MembershipFactory

from .factories import HelpOfferFactory, HelpRequestFactory, evening_rota

migration = importlib.import_module("matching.migrations.0007_structured_reasons")

# Each shape the engine writes, with the Dutch sentence it used to write (and still reads as).
DUTCH = [
    ({"code": "same_building"}, "woont in hetzelfde gebouw"),
    ({"code": "nearby"}, "woont vlakbij"),
    ({"code": "metres", "metres": 120}, "woont op ongeveer 120 meter"),
    ({"code": "km", "metres": 1200}, "woont op 1,2 km"),
    ({"code": "km", "metres": 12300}, "woont op 12,3 km"),
    ({"code": "next_door"}, "woont hiernaast"),
    ({"code": "doors_along", "doors": 3}, "woont 3 deuren verder"),
    ({"code": "opposite"}, "woont recht tegenover"),
    ({"code": "diagonally_opposite"}, "woont schuin tegenover"),
    ({"code": "across_doors", "doors": 3}, "woont aan de overkant, 3 deuren verder"),
    ({"code": "time_by_arrangement"}, "tijd in overleg"),
    ({"code": "flexible"}, "is flexibel met tijden"),
    (
        {"code": "can_on_date", "weekday": 1, "dagdeel": "ochtend", "day": 3, "month": 12},
        "kan op dinsdagochtend 3 december",
    ),
    ({"code": "can_on", "slots": [[1, "ochtend"]]}, "kan op dinsdagochtend"),
    (
        {"code": "can_on", "slots": [[1, "ochtend"], [3, "middag"]]},
        "kan op dinsdagochtend en donderdagmiddag",
    ),
    (
        {"code": "can_on_and_more", "slots": [[0, "avond"], [1, "ochtend"]]},
        "kan op maandagavond, dinsdagochtend en vaker",
    ),
    ({"code": "likes", "category": "boodschappen"}, "helpt graag met boodschappen"),
    ({"code": "likes", "category": "anders"}, "biedt ook andere hulp aan"),
    (
        {
            "code": "takes",
            "items": [
                {"weekday": 1, "dagdeel": "", "every": True},
                {"weekday": 3, "dagdeel": "", "every": True},
            ],
            "every": True,
        },
        "neemt elke dinsdag en donderdag",
    ),
    (
        {
            "code": "takes",
            "items": [
                {"weekday": 1, "dagdeel": "", "every": True},
                {"weekday": 3, "dagdeel": "", "day": 26, "month": 11},
            ],
            "every": False,
        },
        "neemt elke dinsdag en donderdag 26 november",
    ),
    (
        {
            "code": "takes",
            "items": [
                {"weekday": 1, "dagdeel": "middag", "every": False},
                {"weekday": 1, "dagdeel": "avond", "every": False},
                {"weekday": 2, "dagdeel": "avond", "day": 25, "month": 11},
            ],
            "every": False,
        },
        "neemt dinsdagmiddag, dinsdagavond en woensdagavond 25 november",
    ),
    ({"code": "matched_by_gangmaker"}, "gekoppeld door de gangmaker"),
    ({"code": "filled_by_gangmaker"}, "ingevuld door de gangmaker"),
]


@pytest.mark.parametrize(("data", "dutch"), DUTCH, ids=[dutch for _data, dutch in DUTCH])
def test_a_dutch_reader_reads_each_reason_as_before(data, dutch):
    with translation.override("nl"):
        assert render_reason(data) == dutch


@pytest.mark.parametrize(("data", "dutch"), DUTCH, ids=[dutch for _data, dutch in DUTCH])
def test_the_data_migration_reads_each_old_dutch_sentence_back_into_its_code(data, dutch):
    assert migration.reasons_from_text(dutch) == [data]


def test_the_data_migration_splits_a_rota_moments_joined_reasons_and_keeps_the_unknown():
    joined = (
        "neemt elke dinsdag, woont aan de overkant, 3 deuren verder, kookt graag een maaltijd mee"
    )
    assert migration.reasons_from_text(joined) == [
        {
            "code": "takes",
            "items": [{"weekday": 1, "dagdeel": "", "every": True}],
            "every": True,
        },
        {"code": "across_doors", "doors": 3},
        {"code": "likes", "category": "maaltijd"},
    ]
    # Cut off at 300 characters, or written by a person: kept whole, shown as it was.
    assert migration.reasons_from_text("woont hiernaast, kookt graag een maal") == [
        {"text": "woont hiernaast, kookt graag een maal"}
    ]
    assert migration.reasons_from_text("") == []
    assert migration.convert_reasons(["woont hiernaast", "iets anders", {"code": "nearby"}]) == [
        {"code": "next_door"},
        {"text": "iets anders"},
        {"code": "nearby"},
    ]
    assert migration.convert_reasons(None) == []


def test_an_engine_proposal_reads_in_dutch_as_the_engine_used_to_write_it():
    request = engine.Request(
        id=1, street_id=1, requester_id=1, category="boodschappen",
        created_on=datetime.date(2026, 11, 20), slots={(1, "ochtend")}, house_number="12",
    )  # fmt: skip
    offer = engine.Offer(
        id=1, street_id=1, helper_id=2, categories={"boodschappen"},
        slots={(1, "ochtend")}, house_number="18",
    )  # fmt: skip
    [proposal] = engine.rank_offers(request, [offer], today=datetime.date(2026, 11, 20))
    with translation.override("nl"):
        assert render_reasons(proposal.reasons) == [
            "woont 3 deuren verder",
            "kan op dinsdagochtend",
            "helpt graag met boodschappen",
        ]


def test_old_sentences_are_shown_as_they_are_and_what_cannot_be_said_is_left_out():
    stored = [
        "woont 3 deuren verder",  # from before reasons were data
        {"text": "door de buurvrouw aangeraden"},
        {"code": "teleports"},
        {"code": "doors_along"},
        {"code": "doors_along", "doors": "many"},
        {"code": "likes", "category": "skydiving"},
        {"code": "can_on", "slots": [[9, "nacht"]]},
        {"code": "takes", "items": []},
        ["not", "a", "reason"],
        None,
    ]
    with translation.override("tr"):
        assert render_reasons(stored) == ["woont 3 deuren verder", "door de buurvrouw aangeraden"]
    assert render_reasons("not a list") == []
    assert render_reasons(None) == []


@pytest.mark.parametrize(
    ("language", "tuesday", "morning", "december"),
    [("tr", "salı", "sabah", "Aralık"), ("en", "Tuesday", "morning", "December")],
)
def test_weekdays_dagdelen_and_months_inside_a_reason_are_in_the_readers_language(
    language, tuesday, morning, december
):
    data = {"code": "can_on_date", "weekday": 1, "dagdeel": "ochtend", "day": 3, "month": 12}
    with translation.override(language):
        text = render_reason(data)
        # The site's own labels, translated already.
        assert str(Weekday.TUESDAY.label) == tuesday
    assert tuesday in text and morning in text and december in text
    assert "dinsdag" not in text and "december" not in text


# Through the pages, for readers in other languages


@pytest.fixture
def henk_helps(world):
    """Henk (14) offers boodschappen on Tuesday mornings; Anna (12) asks for them."""
    henk = MembershipFactory(street=world.street_a, user__first_name="Henk", house_number="14").user
    offer = HelpOfferFactory(street=world.street_a, author=henk, availability=["1:ochtend"])
    request = HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, when_slots=["1:ochtend"]
    )
    return henk, request, offer


def _match_page(login, world, user, match):
    page = login(user).get(reverse("matching:match_detail", args=[world.street_a.pk, match.pk]))
    assert page.status_code == 200
    return page.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "tuesday"), [("tr", "salı"), ("en", "Tuesday")])
def test_a_helper_reads_why_they_were_proposed_in_their_own_language(
    login, world, henk_helps, language, tuesday
):
    henk, request, _offer = henk_helps
    [match] = propose_for_request(request.pk)
    henk.language = language
    henk.save()

    page = _match_page(login, world, henk, match)

    with translation.override(language):
        expected = match.reason_texts
    assert expected[1] in page  # "kan op …" with the weekday and dagdeel in their language
    assert tuesday in expected[1]
    assert "dinsdagochtend" not in page
    # Anna, who reads Dutch, reads the same reasons in Dutch.
    assert "kan op dinsdagochtend" in _match_page(login, world, world.bewoner_a, match)


@pytest.mark.django_db
def test_a_match_made_by_hand_says_so_whatever_language_the_gangmaker_speaks(world, henk_helps):
    world.gangmaker_a.language = "en"
    world.gangmaker_a.save()
    _henk, request, offer = henk_helps
    with translation.override("en"):
        match = make_match(request, offer, by=world.gangmaker_a)
    match.refresh_from_db()
    assert match.reasons == [{"code": "matched_by_gangmaker"}]
    with translation.override("nl"):
        assert match.reason_texts == ["gekoppeld door de gangmaker"]


@pytest.fixture
def meals_rota(world):
    """Two neighbours cook on any evening; Anna gets a week of evening meals."""
    every_evening = [f"{day}:avond" for day in range(7)]
    cooks = []
    for name, number in (("Henk", "14"), ("Ineke", "16")):
        user = MembershipFactory(
            street=world.street_a, user__first_name=name, house_number=number
        ).user
        HelpOfferFactory(
            street=world.street_a, author=user, categories=["maaltijd"], availability=every_evening
        )
        cooks.append(user)
    meals = HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, category="maaltijd", when_slots=every_evening
    )
    rota = evening_rota(meals, by=world.gangmaker_a)
    return rota, cooks


DUTCH_WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["tr", "en"])
def test_a_rota_helper_reads_why_they_were_asked_in_their_own_language(
    login, world, meals_rota, language
):
    rota, cooks = meals_rota
    henk = cooks[0]
    henk.language = language
    henk.save()
    moment = RotaMoment.objects.filter(rota=rota, helper=henk).first()
    assert moment.reasons[0]["code"] == "takes"

    page = login(henk).get(reverse("matching:rota", args=[world.street_a.pk, rota.pk]))
    body = page.content.decode()

    with translation.override(language):
        why = ", ".join(moment.reason_texts)
        weekdays = [str(day.label) for day in Weekday]
    assert why in body
    assert any(day in why for day in weekdays)
    assert not any(day in why for day in DUTCH_WEEKDAYS)


@pytest.mark.django_db
def test_a_moment_filled_by_hand_is_stored_as_a_code_not_in_the_gangmakers_language(
    login, world, meals_rota
):
    rota, cooks = meals_rota
    world.gangmaker_a.language = "tr"
    world.gangmaker_a.save()
    gap = rota.moments.order_by("day").first()
    RotaMoment.objects.filter(pk=gap.pk).update(helper=None, state="open", reasons=[])
    with translation.override("tr"):
        fill_by_hand(gap, cooks[1], by=world.gangmaker_a)
    gap.refresh_from_db()
    assert gap.reasons == [{"code": "filled_by_gangmaker"}]

    # The Dutch gangmaker of the street reads it in Dutch on the rota.
    world.gangmaker_a.language = "nl"
    world.gangmaker_a.save()
    page = login(world.gangmaker_a).get(reverse("matching:rota", args=[world.street_a.pk, rota.pk]))
    assert "ingevuld door de gangmaker" in page.content.decode()
