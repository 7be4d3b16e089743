"""Demo data for the pot: this year's pots for every demo street, and in Zwaanshals a few tips,
expenses (one from a tip), one reminder and attentions without money (a home-made meal for the
ill neighbour at nr. 5, next to € 7,50 of flowers), so the gangmaker's page shows something real.

Idempotent: pots by (street, year), tips by (street, occasion, about), expenses by
(pot, for whom, date); money goes through the services so the ledger stays consistent.
"""

from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from pot.choices import Gift, Occasion, TipStatus
from pot.models import Expense, Reminder
from pot.services import open_pots, record_attention, record_expense
from streets.models import StreetPage
from tests.pot.factories import TipFactory, this_year_date

TIPS = [
    (Occasion.ZIEK, "nr. 5", "Meneer van nr. 5 is geopereerd en zit een paar weken thuis."),
    (Occasion.NIEUWE_BEWONER, "nr. 23", "Er wonen sinds kort nieuwe buren op 23, een jong gezin."),
    (Occasion.HUWELIJKSJUBILEUM, "nr. 40", "Volgende week 50 jaar getrouwd!"),
]
# occasion, gift, amount, for whom, days ago
EXPENSES = [
    (Occasion.ROUW, Gift.BLOEMEN, "24.95", "nr. 31", 40),
    (Occasion.GEBOORTE, Gift.KAART, "4.50", "nr. 9", 20),
    (Occasion.ZIEK, Gift.BLOEMEN, "7.50", "nr. 5", 2),
]
# Presence: occasion, gift, for whom, house number, days ago. Five, so the welzijn figures
# show the count (fewer are suppressed).
ATTENTIONS = [
    (Occasion.ZIEK, Gift.MAALTIJD, "nr. 5", "5", 1),
    (Occasion.ZIEK, Gift.BEZOEK, "nr. 5", "5", 6),
    (Occasion.EENZAAM, Gift.TELEFOONTJE, "mevrouw op 17", "17", 8),
    (Occasion.EENZAAM, Gift.ZELFGEMAAKT, "nr. 17 (kerststuk)", "17", 10),
    (Occasion.ROUW, Gift.BEZOEK, "nr. 31", "31", 35),
]


def build(home, stdout):
    year = timezone.localdate().year
    opened = open_pots(year, municipality=home)
    street = StreetPage.objects.descendant_of(home).filter(slug="zwaanshals").first()
    gangmaker = User.objects.filter(email="gangmaker@example.org").first()
    bewoner = User.objects.filter(email="bewoner@example.org").first()
    if street is None or gangmaker is None:
        stdout.write(f"  potjes: {len(opened)} geopend")
        return
    pot = street.pots.get(year=year)
    tips = {
        occasion: TipFactory(
            street=street, occasion=occasion, about=about, note=note, created_by=bewoner
        )
        for occasion, about, note in TIPS
    }
    for occasion, gift, amount, for_whom, days_ago in EXPENSES:
        spent_on = this_year_date(days_ago)
        if not Expense.objects.filter(pot=pot, for_whom=for_whom, spent_on=spent_on).exists():
            record_expense(
                pot,
                gangmaker,
                spent_on=spent_on,
                occasion=occasion,
                gift=gift,
                amount=Decimal(amount),
                for_whom=for_whom,
            )
    for occasion, gift, for_whom, number, days_ago in ATTENTIONS:
        spent_on = this_year_date(days_ago)
        if not Expense.objects.filter(pot=pot, for_whom=for_whom, spent_on=spent_on).exists():
            record_attention(
                street,
                gangmaker,
                spent_on=spent_on,
                occasion=occasion,
                gift=gift,
                for_whom=for_whom,
                house_number=number,
            )
    # The illness tip became a fruit basket, with a reminder to drop by.
    sick = tips[Occasion.ZIEK]
    if sick.status == TipStatus.OPEN:
        record_expense(
            pot,
            gangmaker,
            spent_on=this_year_date(3),
            occasion=Occasion.ZIEK,
            gift=Gift.FRUITMAND,
            amount=Decimal("17.50"),
            for_whom="nr. 5",
            tip=sick,
            remind_on=timezone.localdate(),
            reminder_text="Nr. 5 is weer een week thuis: even langs?",
        )
    stdout.write(
        f"  potjes: {len(opened)} geopend; {street.title}: {len(TIPS)} tips, "
        f"{Expense.objects.filter(pot=pot, amount__gt=0).count()} uitgaven, "
        f"{Expense.objects.filter(pot=pot, amount=0).count()} attenties zonder geld, "
        f"{Reminder.objects.filter(pot=pot).count()} herinnering"
    )
