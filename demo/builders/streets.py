"""Demo data, part 2: wijken, streets, their gangmakers and neighbours, staff and events.

Idempotent: everything is found by a natural key (slug, e-mail, user and street) before it
is made. Names come from a Faker seeded per street, so a rebuild gives the same people.
"""

import datetime
import zlib
from dataclasses import dataclass

from django.utils import timezone
from faker import Faker

from streets.choices import JoinedVia, MemberRole, MembershipStatus
from streets.events.choices import Repeat
from streets.models import StreetMembership, StreetPage
from tests.accounts.factories import OfflineUserFactory, UserFactory, default_password_hash
from tests.streets.factories import (
    CoordinatorAssignmentFactory,
    EventPageFactory,
    GangmakerMembershipFactory,
    MembershipFactory,
    NeighbourhoodPageFactory,
    StreetPageFactory,
    WelzijnAssignmentFactory,
)

WIJKEN = {
    "Noord": [
        ("Zwaanshals", "3035 KS, 3035 KT"),
        ("Bergweg", "3036 BC, 3036 BD"),
        ("Zaagmolenkade", "3035 KA"),
        ("Gordelweg", "3039 GA"),
    ],
    "Delfshaven": [
        ("Willem Buytewechstraat", "3024 BM, 3024 BN"),
        ("Schiedamseweg", "3025 AA"),
        ("Mathenesserweg", "3026 HA"),
        ("Rösener Manzstraat", "3026 TA"),
    ],
    "Feijenoord": [
        ("Oranjeboomstraat", "3071 SG, 3071 SH"),
        ("Putselaan", "3072 AB, 3072 AC"),
        ("Hillevliet", "3074 KA"),
        ("Groene Hilledijk", "3075 EA"),
    ],
}
NEIGHBOURS_PER_STREET = 25
OFFLINE_PER_STREET = 3
EVENTS = [
    ("Liftkoffie", "In de hal bij de lift", 3, 10),
    ("Samen eten", "Bij nr. 14, in de tuin als het mooi weer is", 10, 18),
]


@dataclass
class DemoLogin:
    email: str
    first_name: str
    last_name: str
    role: str


# The logins the README lists. The first street of Noord is "street A" of the demo.
LOGINS = {
    "coordinator": DemoLogin("coordinator@example.org", "Carla", "de Coördinator", "coördinator"),
    "welzijn": DemoLogin("welzijn@example.org", "Wim", "Welzijn", "welzijn Noord"),
    "gangmaker": DemoLogin("gangmaker@example.org", "Gerda", "Gangmaker", "gangmaker Zwaanshals"),
    "gangmaker2": DemoLogin("gangmaker2@example.org", "Gijs", "van Gent", "gangmaker Zwaanshals"),
    "bewoner": DemoLogin("bewoner@example.org", "Bea", "Bewoner", "bewoner Zwaanshals"),
    "gangmaker_b": DemoLogin("gangmaker.bergweg@example.org", "Bart", "Berg", "gangmaker Bergweg"),
    "bewoner_b": DemoLogin("bewoner.bergweg@example.org", "Bram", "Buur", "bewoner Bergweg"),
}


def _login_user(key, password_hash):
    login = LOGINS[key]
    return UserFactory(
        email=login.email,
        first_name=login.first_name,
        last_name=login.last_name,
        password=password_hash,
    )


def _street_people(street: StreetPage, password_hash: str, faker: Faker, login_keys: dict):
    """Two gangmakers, ~25 neighbours of whom a few are not online, two applications waiting."""
    numbers = iter(range(1, 200, 2))
    gangmakers = [login_keys.get("gangmaker"), login_keys.get("gangmaker2")]
    for index, key in enumerate(gangmakers):
        user = (
            _login_user(key, password_hash)
            if key
            else UserFactory(
                email=f"gangmaker{index + 1}.{street.slug}@example.org",
                first_name=faker.first_name(),
                last_name=faker.last_name(),
                password=password_hash,
            )
        )
        GangmakerMembershipFactory(user=user, street=street, house_number=str(next(numbers)))
    if login_keys.get("bewoner"):
        MembershipFactory(
            user=_login_user(login_keys["bewoner"], password_hash), street=street, house_number="12"
        )
    for n in range(NEIGHBOURS_PER_STREET - (1 if login_keys.get("bewoner") else 0)):
        number = str(next(numbers))
        if n < OFFLINE_PER_STREET:
            if StreetMembership.objects.filter(street=street, house_number=number).exists():
                continue
            user = OfflineUserFactory(first_name=faker.first_name(), last_name=faker.last_name())
            MembershipFactory(
                user=user, street=street, house_number=number, joined_via=JoinedVia.GANGMAKER
            )
            continue
        user = UserFactory(
            email=f"buur{n + 1}.{street.slug}@example.org",
            first_name=faker.first_name(),
            last_name=faker.last_name(),
            password=password_hash,
        )
        MembershipFactory(user=user, street=street, house_number=number)
    for n in range(2):
        user = UserFactory(
            email=f"nieuw{n + 1}.{street.slug}@example.org",
            first_name=faker.first_name(),
            last_name=faker.last_name(),
            password=password_hash,
        )
        MembershipFactory(
            user=user,
            street=street,
            house_number=str(next(numbers)),
            status=MembershipStatus.PENDING,
            role=MemberRole.BEWONER,
            message="Wij wonen hier sinds kort en doen graag mee!",
        )


def _events(street: StreetPage):
    # Dates relative to the day the demo is built, so there is always something upcoming.
    today = timezone.localdate()
    for title, location, days_ahead, hour in EVENTS:
        start = timezone.make_aware(
            datetime.datetime.combine(
                today + datetime.timedelta(days=days_ahead), datetime.time(hour)
            )
        )
        EventPageFactory(
            parent=street,
            slug=f"{title.lower().replace(' ', '-')}",
            title=title,
            start=start,
            end=start + datetime.timedelta(hours=2),
            location=location,
        )
    if street.slug == "zwaanshals":
        # A series: every Tuesday 10:00, from the coming Tuesday on (found by its slug).
        tuesday = today + datetime.timedelta(days=(1 - today.weekday()) % 7 or 7)
        start = timezone.make_aware(datetime.datetime.combine(tuesday, datetime.time(10)))
        EventPageFactory(
            parent=street,
            slug="liftkoffie-op-dinsdag",
            title="Liftkoffie op dinsdag",
            start=start,
            end=start + datetime.timedelta(hours=1, minutes=30),
            location="In de hal bij de lift",
            repeat=Repeat.WEEKLY,
            weekdays="1",
        )


def build(home, stdout):
    """Three wijken with four streets each, their people and events, and the staff logins."""
    password_hash = default_password_hash()
    for wijk_index, (wijk_name, streets) in enumerate(WIJKEN.items()):
        wijk = NeighbourhoodPageFactory(
            parent=home,
            slug=wijk_name.lower(),
            title=wijk_name,
            intro=f"<p>De Lief &amp; Leedstraten van {wijk_name}.</p>",
        )
        for street_index, (street_name, postcodes) in enumerate(streets):
            street = StreetPageFactory(
                parent=wijk,
                slug=street_name.lower().replace(" ", "-").replace("ö", "o"),
                title=street_name,
                postcodes=postcodes,
                intro=f"<p>In de {street_name} letten we op elkaar. Welkom!</p>",
            )
            logins = {}
            if wijk_index == 0 and street_index == 0:
                logins = {
                    "gangmaker": "gangmaker",
                    "gangmaker2": "gangmaker2",
                    "bewoner": "bewoner",
                }
            elif wijk_index == 0 and street_index == 1:
                logins = {"gangmaker": "gangmaker_b", "bewoner": "bewoner_b"}
            faker = Faker("nl_NL")
            faker.seed_instance(zlib.crc32(street.slug.encode()))
            _street_people(street, password_hash, faker, logins)
            _events(street)
        if wijk_index == 0:
            WelzijnAssignmentFactory(user=_login_user("welzijn", password_hash), neighbourhood=wijk)
    CoordinatorAssignmentFactory(user=_login_user("coordinator", password_hash), municipality=home)
    stdout.write("  wijken, straten, bewoners, gangmakers en activiteiten")
