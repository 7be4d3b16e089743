"""The programme's demo: streets that want to join at different steps, and startpakketten."""

import io

from demo.builders import programme as programme_demo
from demo.builders import streets as streets_demo
from programme.choices import ApplicationState
from programme.models import StarterPack, StreetApplication
from programme.services.quiet import quiet_streets


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
    assert StarterPack.objects.count() == 13  # the twelve streets and the quiet one
    assert StarterPack.objects.filter(sent_on__isnull=True).get().street.slug == "zwaanshals"


def test_the_demo_has_one_quiet_street_with_a_call_in_its_follow_up_log(home):
    streets_demo.build(home, io.StringIO())
    programme_demo.build(home, io.StringIO())
    programme_demo.build(home, io.StringIO())

    quiet = quiet_streets(home)
    assert [row.street.title for row in quiet] == ["Bentincklaan"]
    assert quiet[0].gangmakers == ["Henk Bosman"]
    assert [f.contact_name for f in quiet[0].follow_ups] == ["Henk Bosman"]
