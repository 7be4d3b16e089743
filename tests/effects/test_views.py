"""The effect questionnaire's pages: starting rounds, answering three ways, the fixed scale."""

import time

import pytest
from django.urls import reverse

from effects.choices import RoundKind, RoundStatus
from effects.models import EffectResponse, EffectRound, SeedItem
from effects.scale import ITEMS
from effects.services import EffectError, start_round
from home.forms import TIMESTAMP_FIELD, start_token
from tests.effects.factories import PATTERNS, effect_round

pytestmark = pytest.mark.django_db


def answers(total=3, seed="yes", labels=("a", "b", "c")):
    data = {f"item_{n}": value for n, value in PATTERNS[total].items()}
    data.update({f"seed_{i}": seed for i in range(len(labels))})
    return data


def test_a_gangmaker_starts_the_baseline_and_then_only_one_round_a_year(world, login):
    client = login(world.gangmaker_a)
    page = client.get(reverse("effects:start", args=[world.street_a.pk]))
    assert "nulmeting" in page.content.decode()
    assert not EffectRound.objects.exists()  # a GET changes nothing
    client.post(reverse("effects:start", args=[world.street_a.pk]))
    first = EffectRound.objects.get()
    assert (first.kind, first.status) == (RoundKind.BASELINE, RoundStatus.OPEN)
    assert first.seed_items == [
        "Ik vraag makkelijker om hulp aan buren",
        "Ik ken mijn buren beter dan een jaar geleden",
        "In onze straat let men op elkaar",
    ]
    client.post(reverse("effects:close", args=[world.street_a.pk, first.pk]))
    with pytest.raises(EffectError, match="al een effectmeting"):
        start_round(world.street_a, world.gangmaker_a)


def test_a_member_answers_online_and_a_second_answer_replaces_the_first(world, login):
    rnd = effect_round(world.street_a, 2026)
    client = login(world.bewoner_a)
    url = reverse("effects:answer", args=[world.street_a.pk, rnd.pk])
    page = client.get(url).content.decode()
    for item in ITEMS:
        assert item.text in page
    client.post(url, answers(total=6))
    client.post(url, answers(total=0))
    response = EffectResponse.objects.get()
    assert (response.person, response.channel, response.score) == (world.bewoner_a, "online", 0)
    assert response.seed_answers["In onze straat let men op elkaar"] == "yes"


def test_an_incomplete_answer_is_refused_and_keeps_what_was_ticked(world, login):
    rnd = effect_round(world.street_a, 2026)
    data = answers(total=3)
    del data["item_4"]
    response = login(world.bewoner_a).post(
        reverse("effects:answer", args=[world.street_a.pk, rnd.pk]), data
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies ja, min of meer of nee." in html
    assert 'name="item_1" value="yes"' in html and "checked" in html
    assert not EffectResponse.objects.exists()


def test_anyone_with_the_link_answers_anonymously(client, world):
    rnd = effect_round(world.street_a, 2026)
    url = reverse("effects:public_answer", args=[rnd.token])
    data = answers(total=4) | {TIMESTAMP_FIELD: start_token(time.time() - 60)}
    response = client.post(url, data)
    assert "Bedankt voor uw antwoord!" in response.content.decode()
    answer = EffectResponse.objects.get()
    assert (answer.person, answer.channel, answer.score) == (None, "link", 4)


def test_a_gangmaker_types_in_a_paper_answer_anonymously_or_for_a_member(world, login):
    rnd = effect_round(world.street_a, 2026)
    client = login(world.gangmaker_a)
    url = reverse("effects:paper", args=[world.street_a.pk, rnd.pk])
    client.post(url, answers(total=1))
    membership = world.bewoner_a.memberships.get()
    client.post(url, answers(total=3) | {"person": membership.pk})
    anonymous, named = EffectResponse.objects.order_by("pk")
    assert (anonymous.person, anonymous.channel, anonymous.entered_by) == (
        None,
        "paper",
        world.gangmaker_a,
    )
    assert named.person == world.bewoner_a


def test_a_closed_round_takes_no_more_answers(client, world):
    rnd = effect_round(world.street_a, 2026)
    EffectRound.objects.filter(pk=rnd.pk).update(status="closed", closed_at="2026-06-01T12:00Z")
    response = client.get(reverse("effects:public_answer", args=[rnd.token]))
    assert response.status_code == 410


def test_the_paper_version_has_the_six_items_the_statements_and_a_qr_code(world, login):
    rnd = effect_round(world.street_a, 2026)
    html = (
        login(world.gangmaker_a)
        .get(reverse("effects:print", args=[world.street_a.pk, rnd.pk]))
        .content.decode()
    )
    for item in ITEMS:
        assert item.text in html
    assert "In onze straat let men op elkaar" in html
    assert "<svg" in html and rnd.token in html


def test_the_coordinator_words_the_statements_but_not_the_scale(world, login):
    client = login(world.coordinator)
    url = reverse("effects:seed_items", args=[world.home.pk])
    client.post(url, {"seed_0": "Ik groet meer buren", "seed_1": ""})
    assert list(SeedItem.objects.values_list("label", flat=True)) == ["Ik groet meer buren"]
    # A scale item cannot come in through the back door as an editable statement.
    response = client.post(url, {"seed_0": "Ik mis mensen om me heen"})
    assert "Een uitspraak van de eenzaamheidsschaal" in response.content.decode()
    assert list(SeedItem.objects.values_list("label", flat=True)) == ["Ik groet meer buren"]
    # Gangmakers cannot edit any wording at all.
    assert login(world.gangmaker_a).post(url, {"seed_0": "x"}).status_code == 403


def test_posting_other_wording_for_a_scale_item_changes_nothing(world, login):
    rnd = effect_round(world.street_a, 2026)
    login(world.gangmaker_a).post(
        reverse("effects:paper", args=[world.street_a.pk, rnd.pk]),
        answers(total=0) | {"label_1": "Ik voel me prima", "item_1_text": "Ik voel me prima"},
    )
    assert [item.text for item in ITEMS][0] == "Ik ervaar een leegte om me heen"
    assert EffectResponse.objects.get().score == 0


def test_a_street_with_fewer_than_five_answers_shows_less_than_five_to_its_gangmaker(world, login):
    rnd = effect_round(world.street_a, 2026)
    from tests.effects.factories import answer

    for _ in range(3):
        answer(rnd, 3)
    html = login(world.gangmaker_a).get(reverse("effects:index", args=[world.street_a.pk]))
    assert "&lt; 5" in html.content.decode()


def test_the_gangmakers_todo_list_asks_for_the_baseline_then_for_this_years_round(world):
    from accounts.todos import todos_for

    def due():
        return [str(t.label) for t in todos_for(world.gangmaker_a) if t.kind == "effect_round"]

    assert due() == ["Start de nulmeting van de effectmeting"]
    effect_round(world.street_a, 2000)
    assert due() == []  # a round is running
    EffectRound.objects.filter(street=world.street_a).update(
        status="closed", closed_at="2000-06-01T12:00Z"
    )
    assert due() == ["Tijd voor de jaarlijkse effectmeting"]
    start_round(world.street_a, world.gangmaker_a)
    assert due() == []
    assert not [t for t in todos_for(world.bewoner_a) if t.kind == "effect_round"]


def test_a_members_answers_are_in_their_data_and_go_with_their_account(world):
    from accounts.privacy import export_personal_data
    from tests.effects.factories import answer

    rnd = effect_round(world.street_a, 2026)
    answer(rnd, 3, channel="online", person=world.bewoner_a)
    data = export_personal_data(world.bewoner_a)["effectmeting"]
    assert data[0]["score"] == 3
    world.bewoner_a.delete()
    assert not EffectResponse.objects.exists()
