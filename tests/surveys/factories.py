import factory

from surveys.choices import AnswerChannel
from surveys.models import SurveyResponse
from surveys.services import start_survey
from tests.accounts.factories import UNREMARKABLE_FIRST_NAMES
from tests.streets.factories import StreetPageFactory


def template_survey(street, by=None):
    """The template survey of `street`, started as a gangmaker would (the open one if any)."""
    return street.surveys.filter(status="open").first() or start_survey(street, by)


def question(survey, kind):
    return survey.questions.get(kind=kind)


class SurveyResponseFactory(factory.django.DjangoModelFactory):
    """An answer; pass `answers` keyed by question id (use `answers_for`)."""

    survey = factory.LazyAttribute(lambda o: template_survey(StreetPageFactory()))
    channel = AnswerChannel.LINK
    name = factory.Iterator(UNREMARKABLE_FIRST_NAMES)
    house_number = factory.Sequence(lambda n: str(n % 200 + 1))
    consent = True
    answers = factory.LazyFunction(dict)

    class Meta:
        model = SurveyResponse


def answers_for(survey, **by_kind) -> dict:
    """answers_for(survey, kan_helpen=["boodschappen"], beschikbaar=["1:ochtend"])."""
    return {str(question(survey, kind).pk): value for kind, value in by_kind.items()}
