"""Welcoming new neighbours: the to-do, and turning it into a card, an attention or an expense.

Every write runs in one transaction that locks the welcome first, so two gangmakers clicking
at once (or one clicking twice) give one welcome and one attention.
"""

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from pot.choices import ExpenseStatus, Gift, Occasion
from pot.models import Expense, Pot
from pot.services import PotError, record_attention, record_expense
from streets.models import StreetMembership, StreetPage
from surveys.models import SurveyResponse

from .choices import WelcomeOutcome, WelcomeSource
from .homes import home_key, normalise
from .models import StreetHomes, Welcome


class WelcomeError(Exception):
    """A change the rules do not allow; the message is Dutch and meant for the user."""


@transaction.atomic
def welcome_for_membership(membership: StreetMembership) -> Welcome:
    """The welcome to-do for an approved member: made once, or joined to the home's open one."""
    existing = Welcome.objects.filter(membership=membership).first()
    if existing is not None:
        return existing
    house_number = normalise(membership.house_number)
    welcome = (
        Welcome.objects.select_for_update()
        .filter(street_id=membership.street_id, house_number=house_number, done_at__isnull=True)
        .first()
    )
    if welcome is not None:
        if welcome.membership_id is None:
            welcome.membership = membership
            welcome.save(update_fields=["membership"])
        return welcome
    return _create_once(
        street_id=membership.street_id,
        house_number=house_number,
        source=WelcomeSource.MEMBER_APPROVED,
        membership=membership,
        created_by=membership.decided_by,
    )[0]


def _create_once(**fields) -> tuple[Welcome, bool]:
    """Create a welcome; if another request just made the home's open one, return that.

    No row exists yet to lock, so on PostgreSQL two requests can both get this far: the
    database's unique constraint decides, and the loser takes the winner's row.
    """
    try:
        with transaction.atomic():
            return Welcome.objects.create(**fields), True
    except IntegrityError:
        return (
            Welcome.objects.get(
                street_id=fields["street_id"],
                house_number=fields["house_number"],
                done_at__isnull=True,
            ),
            False,
        )


@transaction.atomic
def note_new_residents(street: StreetPage, by, house_number: str) -> tuple[Welcome, bool]:
    """A gangmaker notes "nieuwe bewoners op nr. 14": one open welcome per home."""
    house_number = normalise(house_number)
    welcome = (
        Welcome.objects.select_for_update()
        .filter(street=street, house_number=house_number, done_at__isnull=True)
        .first()
    )
    if welcome is not None:
        return welcome, False
    return _create_once(
        street_id=street.pk, house_number=house_number, source=WelcomeSource.NOTED, created_by=by
    )


@transaction.atomic
def complete_welcome(
    welcome: Welcome,
    by,
    *,
    outcome: str,
    spent_on: datetime.date,
    for_whom: str,
    gift: str = Gift.KAART,
    amount: Decimal | None = None,
) -> Expense:
    """Give the welcome in one step: a card or attention (no money) or a pot expense.

    The attention is recorded in the pot with the home's number and "nieuwe bewoner", so it
    counts in the year report and shows on the household list.
    """
    welcome = Welcome.objects.select_for_update().get(pk=welcome.pk)
    if not welcome.is_open:
        raise WelcomeError(_("Deze nieuwe buren zijn al verwelkomd."))
    common = {
        "spent_on": spent_on,
        "occasion": Occasion.NIEUWE_BEWONER,
        "for_whom": for_whom,
        "house_number": welcome.house_number,
    }
    if outcome == WelcomeOutcome.EXPENSE:
        pot = Pot.objects.filter(street=welcome.street, year=spent_on.year).first()
        if pot is None:
            raise PotError(_("Er is nog geen potje voor %(year)s.") % {"year": spent_on.year})
        expense = record_expense(pot, by, gift=gift, amount=amount, **common)
    else:
        gift = Gift.KAART if outcome == WelcomeOutcome.CARD else gift
        expense = record_attention(welcome.street, by, gift=gift, **common)
    welcome.done_at = timezone.now()
    welcome.done_by = by
    welcome.outcome = outcome
    welcome.expense = expense
    welcome.save(update_fields=["done_at", "done_by", "outcome", "expense"])
    return expense


@transaction.atomic
def save_homes(street: StreetPage, by, ranges: str) -> StreetHomes:
    """Keep the street's house numbers (the form checked the ranges)."""
    homes, _created = StreetHomes.objects.update_or_create(
        street=street,
        defaults={"ranges": ranges, "updated_by": by, "updated_at": timezone.now()},
    )
    return homes


@dataclass
class HomeRow:
    """One home on the household list: what it received in the year."""

    number: str
    welcome: bool = False
    survey: bool = False
    card: bool = False
    folder: bool = False
    other: int = 0


def household_rows(street: StreetPage, year: int) -> list[HomeRow]:
    """Every home of the street (its ranges, plus homes with something recorded), in walking
    order, with what it received in `year`. Four queries, whatever the street's size."""
    homes = StreetHomes.objects.filter(street=street).first()
    rows = {number: HomeRow(number) for number in (homes.numbers() if homes else [])}

    def row(number: str) -> HomeRow:
        key = normalise(number)
        return rows.setdefault(key, HomeRow(key))

    attentions = (
        Expense.objects.filter(
            pot__street=street,
            spent_on__year=year,
            status__in=[ExpenseStatus.BOOKED, ExpenseStatus.PENDING_APPROVAL],
        )
        .exclude(house_number="")
        .values_list("house_number", "gift", "occasion")
    )
    for number, gift, occasion in attentions:
        home = row(number)
        if occasion == Occasion.NIEUWE_BEWONER:
            home.welcome = True
        if gift == Gift.KAART:
            home.card = True
        elif gift == Gift.FOLDER:
            home.folder = True
        elif occasion != Occasion.NIEUWE_BEWONER:
            home.other += 1
    for number in Welcome.objects.filter(street=street, done_at__year=year).values_list(
        "house_number", flat=True
    ):
        row(number).welcome = True
    for number in (
        SurveyResponse.objects.filter(survey__street=street, created_at__year=year)
        .exclude(house_number="")
        .values_list("house_number", flat=True)
    ):
        row(number).survey = True
    return sorted(rows.values(), key=lambda home: home_key(home.number))
