"""The demo street Zwaanshals has a running survey with an online, a paper and a link answer."""

import pytest

from demo.builders import surveys as surveys_demo
from streets.models import StreetPage
from surveys.models import SurveyResponse
from tests.accounts.factories import OfflineUserFactory
from tests.streets.factories import MembershipFactory

pytestmark = pytest.mark.django_db


class Quiet:
    def write(self, text):
        pass


def test_the_demo_survey_has_answers_of_each_kind_and_building_twice_adds_nothing(world):
    street = StreetPage.objects.get(slug="zwaanshals")
    MembershipFactory(street=street, user=OfflineUserFactory(), house_number="5")

    surveys_demo.build(world.home, Quiet())
    first = list(SurveyResponse.objects.values_list("pk", flat=True))
    surveys_demo.build(world.home, Quiet())

    assert list(SurveyResponse.objects.values_list("pk", flat=True)) == first
    assert sorted(SurveyResponse.objects.values_list("channel", flat=True)) == [
        "link",
        "online",
        "paper",
    ]
    assert all(r.drafts.exists() for r in SurveyResponse.objects.all())
