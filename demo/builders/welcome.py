"""Demo data for welcoming: Zwaanshals' house numbers, new residents noted at nr. 23 (from the
tip in the pot's demo) and a welcome card given to nr. 9 earlier this year.

Idempotent: the house numbers by street, welcomes by (street, house number).
"""

from accounts.models import User
from streets.models import StreetPage
from tests.pot.factories import this_year_date
from welcome.choices import WelcomeOutcome
from welcome.models import StreetHomes, Welcome
from welcome.services import complete_welcome, note_new_residents, save_homes

RANGES = "1-45 oneven, 2-46 even"


def build(home, stdout):
    street = StreetPage.objects.descendant_of(home).filter(slug="zwaanshals").first()
    gangmaker = User.objects.filter(email="gangmaker@example.org").first()
    if street is None or gangmaker is None or not street.pots.exists():
        return
    if not StreetHomes.objects.filter(street=street).exists():
        save_homes(street, gangmaker, RANGES)
    note_new_residents(street, gangmaker, "23")
    if not Welcome.objects.filter(street=street, house_number="9").exists():
        welcome, _created = note_new_residents(street, gangmaker, "9")
        complete_welcome(
            welcome,
            gangmaker,
            outcome=WelcomeOutcome.CARD,
            spent_on=this_year_date(15),
            for_whom="de nieuwe buren op nr. 9",
        )
    stdout.write(
        f"  welkom: {street.title} {len(StreetHomes.objects.get(street=street).numbers())} huizen, "
        f"{Welcome.objects.filter(street=street, done_at__isnull=True).count()} te verwelkomen"
    )
