"""The programme's demo: streets that want to join at different steps, and startpakketten."""

import io

from demo.builders import programme as programme_demo
from demo.builders import streets as streets_demo
from programme.choices import ApplicationState
from programme.models import StarterPack, StreetApplication


def test_the_demo_builds_applications_and_packs_and_can_run_twice(home):
    streets_demo.build(home, io.StringIO())

    programme_demo.build(home, io.StringIO())
    programme_demo.build(home, io.StringIO())

    states = dict(StreetApplication.objects.values_list("street_name", "state"))
    assert states == {
        "Bloemkweekstraat": ApplicationState.APPLIED,
        "Vlietlaan": ApplicationState.INTRODUCTION,
        "Korte Hoogstraat": ApplicationState.WAITLIST,
    }
    bloemkweek = StreetApplication.objects.get(street_name="Bloemkweekstraat")
    assert bloemkweek.applicants.count() == 2
    assert bloemkweek.candidates.count() == 2
    assert StarterPack.objects.count() == 12
    assert StarterPack.objects.filter(sent_on__isnull=True).get().street.slug == "zwaanshals"
