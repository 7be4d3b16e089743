"""A survey's closed state, the paper channel and the drafts' kinds and states were stored in
Dutch ("gesloten", "papier", "aanbod", "wacht"); they are now English."""

import pytest

from surveys.choices import AnswerChannel, DraftKind
from surveys.models import DraftPost, Survey, SurveyResponse
from surveys.services import close_survey, confirm_drafts, discard_drafts, save_response
from tests.migrations import migrated_back_to
from tests.surveys.factories import answers_for, template_survey

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def stored():
    return {
        "survey": Survey.objects.values_list("status", flat=True).get(),
        "channel": SurveyResponse.objects.values_list("channel", flat=True).get(),
        "drafts": set(DraftPost.objects.values_list("kind", "status")),
    }


def test_survey_states_and_drafts_go_back_to_dutch_and_forward_to_english(world):
    survey = template_survey(world.street_a, world.gangmaker_a)
    response = save_response(
        survey,
        AnswerChannel.PAPER,
        answers_for(survey, kan_helpen=["boodschappen"], wil_hulp=["vervoer"]),
        consent=True,
        entered_by=world.gangmaker_a,
        name="Mevrouw Jansen",
        house_number="7",
    )
    drafts = response.drafts.all()
    confirm_drafts(
        response, drafts.filter(kind=DraftKind.OFFER), world.gangmaker_a, person=world.bewoner_a
    )
    discard_drafts(response, drafts.filter(kind=DraftKind.REQUEST), world.gangmaker_a)
    close_survey(survey)

    with migrated_back_to("surveys", "0003_retention_schedule"):
        assert stored() == {
            "survey": "gesloten",
            "channel": "papier",
            "drafts": {("aanbod", "geplaatst"), ("vraag", "vervallen")},
        }

    assert stored() == {
        "survey": "closed",
        "channel": "paper",
        "drafts": {("offer", "posted"), ("request", "discarded")},
    }
