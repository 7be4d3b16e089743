"""Survey answers are part of "download my data" and "delete my account"."""

import pytest

from accounts.privacy import erase_user, export_personal_data
from surveys.choices import AnswerChannel
from surveys.models import DraftPost, SurveyResponse
from surveys.services import save_response

from .factories import SurveyResponseFactory, answers_for, template_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(world):
    return template_survey(world.street_a, world.gangmaker_a)


def test_the_data_download_holds_the_persons_survey_answers_only(survey, world):
    save_response(
        survey,
        AnswerChannel.ONLINE,
        answers_for(survey, talen="Fries"),
        consent=False,
        person=world.bewoner_a,
    )
    SurveyResponseFactory(survey=survey, name="Piet", answers=answers_for(survey, talen="Duits"))

    data = export_personal_data(world.bewoner_a)["enquetes"]

    assert len(data) == 1
    assert {"vraag": "Welke talen spreekt u?", "antwoord": "Fries"} in data[0]["antwoorden"]
    assert "Duits" not in str(data)


def test_deleting_an_account_removes_their_answers_and_their_name_from_link_answers(survey, world):
    user = world.bewoner_a
    save_response(
        survey,
        AnswerChannel.ONLINE,
        answers_for(survey, kan_helpen=["tuin"]),
        consent=True,
        person=user,
    )
    other = template_survey(world.street_b, world.gangmaker_b)
    named = SurveyResponseFactory(
        survey=other,
        name=user.get_full_name(),
        contact_detail=user.email,
        answers=answers_for(other, wil_hulp=["tuin"]),
    )
    from surveys.services import sync_drafts

    sync_drafts(named)
    full_name = user.get_full_name()

    erase_user(user)

    assert not SurveyResponse.objects.filter(person=user).exists()
    named.refresh_from_db()
    assert (named.name, named.contact_detail, named.consent) == ("", "", False)
    assert not DraftPost.objects.filter(response=named).exists()
    assert not SurveyResponse.objects.filter(name=full_name).exists()
