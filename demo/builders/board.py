"""Demo data for the help board: offers and requests in a few demo streets.

Idempotent: posts are found again by street, author and text; the report by post and reporter.
Zwaanshals has pre-moderation on, one post waiting for a gangmaker, one reported post and one
request the gangmaker placed for a neighbour who is not online.
"""

import datetime

from django.utils import timezone

from matching.models import BoardSettings, PostStatus
from streets.choices import MembershipStatus
from streets.models import StreetMembership, StreetPage
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory, PostReportFactory

# (street slug, author e-mail, kind, fields). Authors are demo logins or demo neighbours.
POSTS = [
    (
        "zwaanshals",
        "bewoner@example.org",
        "request",
        {
            "category": "boodschappen",
            "description": "Mijn knie is geopereerd. Wie neemt op dinsdag boodschappen mee van de Dirk?",
            "when_slots": ["1:ochtend", "1:middag"],
        },
    ),
    (
        "zwaanshals",
        "bewoner@example.org",
        "offer",
        {
            "categories": ["computer", "administratie"],
            "description": "Ik help graag met de telefoon, DigiD of een lastige brief.",
            "availability": ["2:avond", "5:ochtend"],
            "capacity": 2,
        },
    ),
    (
        "zwaanshals",
        "buur4.zwaanshals@example.org",
        "offer",
        {
            "categories": ["hondje_uitlaten", "gezelschap"],
            "description": "Ik loop elke ochtend toch een rondje.",
            "availability": ["0:ochtend", "1:ochtend", "2:ochtend", "3:ochtend", "4:ochtend"],
            "capacity": 2,
        },
    ),
    (
        "zwaanshals",
        "buur5.zwaanshals@example.org",
        "offer",
        {
            "categories": ["vervoer"],
            "description": "Ik heb een auto en breng u naar het ziekenhuis of de huisarts.",
            "availability": ["0:middag", "3:middag"],
        },
    ),
    (
        "zwaanshals",
        "gangmaker2@example.org",
        "offer",
        {
            "categories": ["klusje", "tuin"],
            "description": "Lampje vervangen, heg knippen: vraag maar.",
            "availability": ["5:ochtend", "5:middag"],
            "capacity": 3,
        },
    ),
    (
        "zwaanshals",
        "buur6.zwaanshals@example.org",
        "request",
        {
            "category": "maaltijd",
            "description": "Wie kookt er een keer voor twee? Ik betaal de boodschappen.",
            "when_slots": ["4:avond"],
            "urgency": "snel",
        },
    ),
    (
        "bergweg",
        "bewoner.bergweg@example.org",
        "request",
        {
            "category": "sleutel",
            "description": "Wie wil een reservesleutel van mijn huis bewaren?",
            "when_slots": ["0:avond", "1:avond", "2:avond", "3:avond", "4:avond"],
        },
    ),
    (
        "bergweg",
        "buur4.bergweg@example.org",
        "offer",
        {
            "categories": ["sleutel", "boodschappen"],
            "description": "Ik werk thuis en ben er bijna altijd.",
            "availability": ["0:middag", "1:middag", "2:middag", "3:middag", "4:middag"],
            "capacity": 3,
        },
    ),
    (
        "bergweg",
        "buur5.bergweg@example.org",
        "request",
        {
            "category": "tuin",
            "description": "Mijn tuintje is een oerwoud geworden. Wie helpt een zaterdag mee?",
            "when_slots": ["5:ochtend"],
        },
    ),
    (
        "zaagmolenkade",
        "buur4.zaagmolenkade@example.org",
        "offer",
        {
            "categories": ["gezelschap"],
            "description": "Zin in een kop koffie en een praatje? Ik kom graag langs.",
            "availability": ["2:middag", "6:middag"],
        },
    ),
    (
        "putselaan",
        "buur4.putselaan@example.org",
        "request",
        {
            "category": "computer",
            "description": "Mijn nieuwe telefoon doet raar. Wie kijkt even mee?",
            "when_slots": ["3:avond"],
        },
    ),
    (
        "putselaan",
        "buur5.putselaan@example.org",
        "offer",
        {
            "categories": ["computer", "boodschappen"],
            "description": "Student, handig met telefoons en laptops.",
            "availability": ["1:avond", "3:avond"],
            "capacity": 2,
        },
    ),
]


def _member(street: StreetPage, email: str):
    membership = (
        StreetMembership.objects.filter(
            street=street, user__email=email, status=MembershipStatus.APPROVED
        )
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


def _post(street, author, kind, fields, **extra):
    factory = HelpRequestFactory if kind == "request" else HelpOfferFactory
    return factory(street=street, author=author, **fields, **extra)


def build(home, stdout):
    """A dozen offers and requests across the demo streets, moderation examples in Zwaanshals."""
    streets = {s.slug: s for s in StreetPage.objects.descendant_of(home)}
    if "zwaanshals" not in streets:
        return
    made = 0
    for slug, email, kind, fields in POSTS:
        street = streets.get(slug)
        author = _member(street, email) if street else None
        if author:
            _post(street, author, kind, fields)
            made += 1

    zwaanshals = streets["zwaanshals"]
    BoardSettings.objects.update_or_create(
        street=zwaanshals, defaults={"premoderate_new_members": True}
    )
    gangmaker = _member(zwaanshals, "gangmaker@example.org")
    offline = (
        StreetMembership.objects.filter(
            street=zwaanshals, user__is_offline=True, status=MembershipStatus.APPROVED
        )
        .select_related("user")
        .order_by("house_number")
        .first()
    )
    if gangmaker and offline:
        _post(
            zwaanshals,
            offline.user,
            "request",
            {
                "category": "vervoer",
                "description": "Heeft iemand donderdag tijd om mij naar de fysiotherapeut te brengen?",
                "needed_on": timezone.localdate() + datetime.timedelta(days=3),
                "when_slots": [
                    f"{(timezone.localdate() + datetime.timedelta(days=3)).weekday()}:middag"
                ],
            },
            posted_by=gangmaker,
        )
    newcomer = _member(zwaanshals, "buur7.zwaanshals@example.org")
    if newcomer:
        # A new neighbour's first post, waiting for a gangmaker (pre-moderation is on).
        _post(
            zwaanshals,
            newcomer,
            "offer",
            {
                "categories": ["maaltijd"],
                "description": "Ik kook elke zondag te veel. Wie eet er mee?",
                "availability": ["6:avond"],
            },
            status=PostStatus.PENDING,
        )
    reporter = _member(zwaanshals, "buur8.zwaanshals@example.org")
    reported_author = _member(zwaanshals, "buur6.zwaanshals@example.org")
    if reporter and reported_author:
        reported = _post(zwaanshals, reported_author, "request", POSTS[5][3])
        PostReportFactory(
            post=reported.helppost_ptr,
            reporter=reporter,
            reason="Volgens mij vraagt dit om geld, dat hoort hier niet.",
        )
    stdout.write(f"  prikbord: {made + 2} berichten, een melding, voormoderatie in Zwaanshals")
