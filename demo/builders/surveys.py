"""Demo data: in Zwaanshals the template survey is running, with a few answers of each kind.

Idempotent: the street's open survey is reused, answers are found by person (members) or by
name (link answers) before they are made. Drafts are left waiting, so the demo walk-through
("confirm, then see it on the board and matched") can be done by hand.
"""

from streets.choices import MembershipStatus
from streets.models import StreetMembership, StreetPage
from surveys.choices import AnswerChannel
from surveys.models import Survey, SurveyResponse
from surveys.services import save_response, start_survey
from tests.surveys.factories import answers_for

# (house number of a member, or None for a link answer; channel; name; answers by kind)
ANSWERS = [
    (
        "12",
        AnswerChannel.ONLINE,
        "",
        {
            "kan_helpen": ["boodschappen", "gezelschap"],
            "beschikbaar": ["1:ochtend", "3:middag"],
            "talen": "Nederlands, Engels",
        },
    ),
    (
        "offline",
        AnswerChannel.PAPER,
        "",
        {
            "wil_hulp": ["boodschappen", "vervoer"],
            "sleutel": "afgeven",
            "bereikbaar": ["aanbellen", "gangmaker"],
            "open": "Ik kom niet meer zo makkelijk de trap af.",
        },
    ),
    (
        None,
        AnswerChannel.LINK,
        "Meneer Özdemir",
        {
            "kan_helpen": ["klusje", "computer"],
            "beschikbaar": ["5:ochtend", "5:middag"],
            "talen": "Turks, Nederlands",
        },
    ),
]


def build(home, stdout):
    street = StreetPage.objects.descendant_of(home).filter(slug="zwaanshals").first()
    if street is None:
        return
    gangmaker = street.gangmaker_memberships().order_by("house_number").first().user
    survey = Survey.objects.filter(street=street, status="open").first() or start_survey(
        street, gangmaker
    )
    members = StreetMembership.objects.filter(street=street, status=MembershipStatus.APPROVED)
    for who, channel, name, by_kind in ANSWERS:
        person = None
        if who == "offline":
            person = members.filter(user__is_offline=True).order_by("house_number").first().user
        elif who:
            person = members.get(house_number=who).user
        existing = SurveyResponse.objects.filter(survey=survey)
        if (
            existing.filter(person=person).exists()
            if person
            else existing.filter(name=name).exists()
        ):
            continue
        house_number = members.get(user=person).house_number if person else "31"
        save_response(
            survey,
            channel,
            answers_for(survey, **by_kind),
            consent=True,
            person=person,
            entered_by=gangmaker if channel == AnswerChannel.PAPER else None,
            name=name,
            house_number=house_number,
        )
    stdout.write("  enquête burenhulp in Zwaanshals met een paar antwoorden")
