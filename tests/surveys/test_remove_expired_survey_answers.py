"""The nightly retention job: a management command that a django-q2 Schedule calls."""

import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_q.models import Schedule

from surveys.models import Survey, SurveyResponse

from .factories import SurveyResponseFactory, answers_for, template_survey

pytestmark = pytest.mark.django_db


def test_the_command_removes_answers_after_the_retention_period_only(world):
    survey = template_survey(world.street_a, world.gangmaker_a)
    SurveyResponseFactory(survey=survey, answers=answers_for(survey, talen="Fries"))
    Survey.objects.filter(pk=survey.pk).update(
        status="closed", closed_at=timezone.now() - datetime.timedelta(days=10)
    )

    call_command("remove_expired_survey_answers", "--days", "30", stdout=io.StringIO())
    assert SurveyResponse.objects.exists()

    out = io.StringIO()
    call_command("remove_expired_survey_answers", "--days", "7", stdout=out)
    assert not SurveyResponse.objects.exists()
    assert "1 enquêteantwoorden verwijderd" in out.getvalue()


def test_a_negative_period_is_refused():
    with pytest.raises(CommandError):
        call_command("remove_expired_survey_answers", "--days", "-1")


def test_a_nightly_schedule_calls_the_command(db):
    schedule = Schedule.objects.get(name="enquêtes: verlopen antwoorden verwijderen")
    assert schedule.func == "django.core.management.call_command"
    assert schedule.args == "'remove_expired_survey_answers'"
    assert schedule.schedule_type == Schedule.DAILY
