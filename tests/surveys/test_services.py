"""The survey's rules: drafts follow consent, confirmation posts on the board, figures, privacy."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from insights.suppression import suppress
from matching.models import HelpOffer, HelpPost, HelpRequest, PostStatus
from streets.models import StreetMembership
from surveys.choices import AnswerChannel, DraftStatus
from surveys.models import DraftPost, SurveyResponse
from surveys.services import (
    SurveyError,
    confirm_drafts,
    export_response,
    remove_expired_answers,
    save_response,
    start_survey,
    suppress_small,
    sync_drafts,
)
from tests.accounts.factories import OfflineUserFactory
from tests.streets.factories import MembershipFactory

from .factories import SurveyResponseFactory, answers_for, template_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(world):
    return template_survey(world.street_a, world.gangmaker_a)


def online_answer(survey, person, consent=True, **by_kind):
    return save_response(
        survey, AnswerChannel.ONLINE, answers_for(survey, **by_kind), consent=consent, person=person
    )


def test_without_consent_an_answer_makes_no_drafts(survey, world):
    answer = online_answer(survey, world.bewoner_a, consent=False, kan_helpen=["tuin"])
    assert not answer.drafts.exists()


def test_drafts_follow_a_changed_answer_but_posted_ones_stay(survey, world):
    answer = online_answer(survey, world.bewoner_a, kan_helpen=["tuin", "klusje"])
    confirm_drafts(answer, answer.drafts.filter(category="tuin"), world.bewoner_a)

    answer = save_response(
        survey,
        AnswerChannel.ONLINE,
        answers_for(survey, kan_helpen=["boodschappen"]),
        consent=True,
        person=world.bewoner_a,
        instance=answer,
    )

    drafts = {d.category: d.status for d in answer.drafts.all()}
    assert drafts == {"tuin": DraftStatus.POSTED, "boodschappen": DraftStatus.PENDING}


def test_the_spare_key_answer_becomes_a_key_offer_and_a_key_request(survey, world):
    answer = online_answer(survey, world.bewoner_a, sleutel="allebei")
    assert {(d.kind, d.category) for d in answer.drafts.all()} == {
        ("offer", "sleutel"),
        ("request", "sleutel"),
    }


def test_nothing_is_on_the_board_before_confirmation(survey, world):
    online_answer(survey, world.bewoner_a, kan_helpen=["tuin"], wil_hulp=["vervoer"])
    assert not HelpPost.objects.exists()


def test_confirmation_posts_one_offer_with_the_categories_and_a_request_each(survey, world):
    answer = online_answer(
        survey,
        world.bewoner_a,
        kan_helpen=["tuin", "boodschappen"],
        wil_hulp=["vervoer", "computer"],
        beschikbaar=["3:middag", "1:ochtend"],
        talen="Nederlands, Turks",
    )

    made = confirm_drafts(answer, answer.drafts.all(), world.bewoner_a)

    assert made == 3
    offer = HelpOffer.objects.get()
    assert sorted(offer.categories) == ["boodschappen", "tuin"]
    assert offer.availability == ["1:ochtend", "3:middag"]
    assert (offer.author, offer.street, offer.status) == (
        world.bewoner_a,
        world.street_a,
        PostStatus.OPEN,
    )
    assert "Turks" in offer.description
    assert sorted(HelpRequest.objects.values_list("category", flat=True)) == ["computer", "vervoer"]
    assert set(answer.drafts.values_list("status", flat=True)) == {DraftStatus.POSTED}
    assert all(d.post_id for d in answer.drafts.all())


def test_a_post_from_the_survey_says_where_it_came_from_in_its_authors_language(survey, world):
    """The board shows a description as written, marked with its author's language: a Turkish
    neighbour's post reads in Turkish whatever language the gangmaker confirming it uses."""
    world.bewoner_a.language = "tr"
    world.bewoner_a.save(update_fields=["language"])
    answer = online_answer(survey, world.bewoner_a, kan_helpen=["tuin"])
    with translation.override("nl"):
        confirm_drafts(answer, answer.drafts.all(), world.gangmaker_a)
    assert HelpOffer.objects.get().description.startswith("Komşu yardımı anketinden.")


def test_confirming_twice_posts_nothing_twice(survey, world):
    answer = online_answer(survey, world.bewoner_a, kan_helpen=["tuin"])
    drafts = list(answer.drafts.all())
    confirm_drafts(answer, drafts, world.bewoner_a)
    with pytest.raises(SurveyError):
        confirm_drafts(answer, drafts, world.bewoner_a)
    assert HelpPost.objects.count() == 1


def test_a_gangmaker_confirms_a_link_answer_for_the_member_it_belongs_to(survey, world):
    offline = MembershipFactory(
        street=world.street_a, user=OfflineUserFactory(first_name="Truus"), house_number="7"
    )
    answer = SurveyResponseFactory(
        survey=survey,
        name="Truus",
        house_number="7",
        answers=answers_for(survey, wil_hulp=["maaltijd"]),
    )
    sync_drafts(answer)

    with pytest.raises(SurveyError):
        confirm_drafts(answer, answer.drafts.all(), world.gangmaker_a)
    confirm_drafts(answer, answer.drafts.all(), world.gangmaker_a, person=offline.user)

    request = HelpRequest.objects.get()
    assert (request.author, request.posted_by) == (offline.user, world.gangmaker_a)
    answer.refresh_from_db()
    assert answer.person == offline.user


def test_the_board_refuses_a_gangmaker_of_another_street_and_nothing_changes(survey, world):
    answer = SurveyResponseFactory(
        survey=survey, person=world.bewoner_a, answers=answers_for(survey, kan_helpen=["tuin"])
    )
    sync_drafts(answer)
    with pytest.raises(SurveyError):
        confirm_drafts(answer, answer.drafts.all(), world.gangmaker_b)
    assert not HelpPost.objects.exists()
    assert answer.drafts.get().status == DraftStatus.PENDING


def test_confirming_through_the_page_puts_the_answer_on_the_board(login, survey, world):
    answer = online_answer(survey, world.bewoner_a, kan_helpen=["gezelschap"])
    client = login(world.bewoner_a)
    address = reverse("surveys:mine", args=[world.street_a.pk, survey.pk])

    client.post(address, {"drafts": [d.pk for d in answer.drafts.all()], "action": "post"})

    assert HelpOffer.objects.get().categories == ["gezelschap"]


def test_a_gangmaker_confirms_a_paper_answer_on_its_page_choosing_the_neighbour(
    login, survey, world
):
    offline = MembershipFactory(
        street=world.street_a, user=OfflineUserFactory(first_name="Truus"), house_number="7"
    )
    answer = save_response(
        survey,
        AnswerChannel.PAPER,
        answers_for(survey, wil_hulp=["boodschappen"]),
        consent=True,
        name="Truus",
        house_number="7",
        entered_by=world.gangmaker_a,
    )
    client = login(world.gangmaker_a)
    address = reverse("surveys:response", args=[world.street_a.pk, survey.pk, answer.pk])
    drafts = [d.pk for d in answer.drafts.all()]

    missing = client.post(address, {"drafts": drafts, "action": "post"})
    assert "Kies de buur voor wie dit is." in missing.content.decode()
    assert not HelpPost.objects.exists()

    client.post(address, {"drafts": drafts, "action": "post", "person": offline.pk})
    assert HelpRequest.objects.get().author == offline.user


def test_a_gangmaker_may_not_confirm_for_a_member_who_answered_online(login, survey, world):
    answer = online_answer(survey, world.bewoner_a, kan_helpen=["tuin"])
    address = reverse("surveys:response", args=[world.street_a.pk, survey.pk, answer.pk])
    response = login(world.gangmaker_a).post(
        address, {"drafts": [d.pk for d in answer.drafts.all()], "action": "post"}
    )
    assert response.status_code == 403
    assert not HelpPost.objects.exists()


def test_turned_down_drafts_are_never_posted(login, survey, world):
    answer = online_answer(survey, world.bewoner_a, kan_helpen=["tuin"])
    address = reverse("surveys:mine", args=[world.street_a.pk, survey.pk])
    login(world.bewoner_a).post(
        address, {"drafts": [d.pk for d in answer.drafts.all()], "action": "discard"}
    )
    assert answer.drafts.get().status == DraftStatus.DISCARDED
    assert not HelpPost.objects.exists()


def test_a_twin_start_request_makes_no_second_open_survey(survey, world):
    with pytest.raises(SurveyError):
        start_survey(world.street_a, world.gangmaker_a)


@pytest.mark.parametrize(("count", "shown"), [(0, "< 5"), (1, "< 5"), (4, "< 5"), (5, "5")])
def test_counts_below_five_are_suppressed(count, shown):
    assert suppress_small(count) == shown


def test_survey_figures_hide_small_counts_exactly_as_the_welzijn_dashboard_does():
    assert [suppress_small(n) for n in range(8)] == [str(suppress(n, n)) for n in range(8)]


def test_the_export_holds_the_persons_answer_and_nobody_elses(survey, world):
    answer = online_answer(survey, world.bewoner_a, talen="Fries", kan_helpen=["tuin"])
    SurveyResponseFactory(
        survey=survey, name="Zebedeus Quarles", answers=answers_for(survey, talen="Duits")
    )
    data = export_response(answer)
    assert {"vraag": "Welke talen spreekt u?", "antwoord": "Fries"} in data["antwoorden"]
    assert "Duits" not in str(data) and "Zebedeus" not in str(data)
    assert data["concepten_prikbord"][0]["categorie"] == "tuin"


def test_erasing_a_person_erases_their_answers(survey, world):
    online_answer(survey, world.bewoner_a, talen="Fries", kan_helpen=["tuin"])
    world.bewoner_a.delete()
    assert not SurveyResponse.objects.exists()
    assert not DraftPost.objects.exists()


def test_answers_of_surveys_closed_long_enough_ago_are_removed(survey, world):
    online_answer(survey, world.bewoner_a, talen="Fries")
    recent = template_survey(world.street_b, world.gangmaker_b)
    SurveyResponseFactory(survey=recent, answers=answers_for(recent, talen="Duits"))
    now = timezone.now()
    type(survey).objects.filter(pk=survey.pk).update(
        status="closed", closed_at=now - datetime.timedelta(days=100)
    )

    assert remove_expired_answers(days=90, now=now) == 1

    assert list(SurveyResponse.objects.values_list("survey", flat=True)) == [recent.pk]
    survey.refresh_from_db()
    assert survey.answers_removed_at == now


def test_a_neighbour_who_left_the_street_is_not_posted_for(survey, world):
    answer = online_answer(survey, world.bewoner_a, kan_helpen=["tuin"])
    StreetMembership.objects.filter(user=world.bewoner_a).update(status="left")
    with pytest.raises(SurveyError):
        confirm_drafts(answer, answer.drafts.all(), world.bewoner_a)
    assert not HelpPost.objects.exists()


def test_after_confirmation_the_matching_proposes_the_neighbours_to_each_other(
    survey, world, django_capture_on_commit_callbacks
):
    from matching.models import Match

    offline = MembershipFactory(
        street=world.street_a, user=OfflineUserFactory(first_name="Truus"), house_number="14"
    )
    paper = save_response(
        survey,
        AnswerChannel.PAPER,
        answers_for(survey, wil_hulp=["boodschappen"], beschikbaar=["1:ochtend"]),
        consent=True,
        person=offline.user,
        entered_by=world.gangmaker_a,
    )
    online = online_answer(
        survey, world.bewoner_a, kan_helpen=["boodschappen"], beschikbaar=["1:ochtend"]
    )
    assert not Match.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        confirm_drafts(online, online.drafts.all(), world.bewoner_a)
    with django_capture_on_commit_callbacks(execute=True):
        confirm_drafts(paper, paper.drafts.all(), world.gangmaker_a)

    match = Match.objects.get()
    assert (match.request.author, match.offer.author) == (offline.user, world.bewoner_a)
