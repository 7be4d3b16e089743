"""The scheduled jobs, run as the django-q2 Schedule runs them: call_command by name."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django_q.models import Schedule

from pot.choices import EntryKind, Occasion
from pot.models import LedgerEntry, Pot, PotSettings, Reminder, Tip
from pot.services import record_expense
from tests.pot.factories import TipFactory, funded_pot


def spend(pot, by, amount):
    return record_expense(
        pot,
        by,
        spent_on=datetime.date(pot.year, 6, 1),
        occasion=Occasion.GEBOORTE,
        gift="card",
        amount=Decimal(amount),
        for_whom="nr. 9",
    )


THIS_YEAR = timezone.localdate().year
LAST_YEAR = THIS_YEAR - 1


def balances(year):
    return {pot.street.title: pot.balance() for pot in Pot.objects.filter(year=year)}


def test_rolling_over_twice_without_carry_over_opens_each_pot_once_with_the_yearly_amount(world):
    last_year = funded_pot(world.street_a, year=LAST_YEAR)
    spend(last_year, world.gangmaker_a, "50.00")

    call_command("open_pots", year=THIS_YEAR)
    call_command("open_pots", year=THIS_YEAR)

    assert Pot.objects.filter(year=THIS_YEAR).count() == 3
    assert balances(THIS_YEAR) == {
        "Zwaanshals": Decimal("150.00"),
        "Bergweg": Decimal("150.00"),
        "Putselaan": Decimal("150.00"),
    }
    assert not LedgerEntry.objects.filter(kind=EntryKind.CARRY_OVER).exists()
    last_year.refresh_from_db()
    assert not last_year.is_closed


def test_rolling_over_twice_with_carry_over_moves_the_rest_once_and_closes_last_year(world):
    PotSettings.objects.create(
        municipality=world.home, yearly_amount=Decimal("100.00"), carry_over=True
    )
    last_year = funded_pot(world.street_a, year=LAST_YEAR)
    spend(last_year, world.gangmaker_a, "50.00")

    call_command("open_pots", year=THIS_YEAR)
    call_command("open_pots", year=THIS_YEAR)

    assert balances(THIS_YEAR)["Zwaanshals"] == Decimal("200.00")
    assert balances(THIS_YEAR)["Bergweg"] == Decimal("100.00")
    assert LedgerEntry.objects.filter(kind=EntryKind.CARRY_OVER).count() == 1
    last_year.refresh_from_db()
    assert last_year.is_closed
    # The old pot still shows what was left when it closed; nothing more can be booked on it.
    assert last_year.balance() == Decimal("100.00")


def test_the_command_opens_this_years_pots_without_a_year(world):
    call_command("open_pots")

    assert Pot.objects.filter(year=timezone.localdate().year).count() == 3


def test_the_pot_schedules_the_yearly_roll_over_and_the_daily_jobs(db):
    schedules = {s.args: s for s in Schedule.objects.filter(name__startswith="potjes:")}

    assert set(schedules) == {"'open_pots'", "'expire_pot_texts'", "'send_pot_reminders'"}
    roll_over = schedules["'open_pots'"]
    assert roll_over.func == "django.core.management.call_command"
    assert roll_over.schedule_type == Schedule.YEARLY
    local = timezone.localtime(roll_over.next_run)
    assert (local.month, local.day) == (1, 1)
    assert schedules["'send_pot_reminders'"].schedule_type == Schedule.DAILY


def test_health_texts_are_wiped_after_the_set_time_and_the_occasion_stays(world):
    PotSettings.objects.create(municipality=world.home, sensitive_text_days=30)
    old = timezone.now() - datetime.timedelta(days=31)
    sick = TipFactory(street=world.street_a, occasion=Occasion.ZIEK, created_at=old)
    birth = TipFactory(street=world.street_a, occasion=Occasion.GEBOORTE, created_at=old)
    fresh = TipFactory(street=world.street_a, occasion=Occasion.ROUW)

    call_command("expire_pot_texts")

    sick.refresh_from_db()
    assert (sick.note, sick.about, sick.occasion) == ("", "", Occasion.ZIEK)
    assert sick.text_removed_at is not None
    assert Tip.objects.get(pk=birth.pk).note
    assert Tip.objects.get(pk=fresh.pk).note


def test_a_health_reminder_keeps_its_text_until_well_after_its_date(world, pot_a):
    PotSettings.objects.create(municipality=world.home, sensitive_text_days=30)
    today = timezone.localdate()
    due_soon = Reminder.objects.create(
        pot=pot_a,
        occasion=Occasion.ROUW,
        due_on=today,
        text="Een jaar geleden overleed de man van nr. 12",
        created_at=timezone.now() - datetime.timedelta(days=300),
    )
    long_past = Reminder.objects.create(
        pot=pot_a,
        occasion=Occasion.ROUW,
        due_on=today - datetime.timedelta(days=31),
        text="langs bij nr. 3",
    )

    call_command("expire_pot_texts")

    assert Reminder.objects.get(pk=due_soon.pk).text
    assert Reminder.objects.get(pk=long_past.pk).text == ""


def test_due_reminders_are_mailed_to_the_streets_gangmakers_once(
    world, pot_a, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    Reminder.objects.create(
        pot=pot_a, occasion=Occasion.ZIEK, due_on=today, text="Even langs bij nr. 5?"
    )
    Reminder.objects.create(
        pot=pot_a, occasion=Occasion.ZIEK, due_on=today + datetime.timedelta(days=2), text="later"
    )

    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_pot_reminders")
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_pot_reminders")

    assert [m.to for m in mail.outbox] == [[world.gangmaker_a.email]]
    assert "Even langs bij nr. 5?" in mail.outbox[0].body
    assert "later" not in mail.outbox[0].body


@pytest.mark.parametrize("command", ["open_pots", "expire_pot_texts", "send_pot_reminders"])
def test_every_scheduled_command_runs_on_an_empty_database(db, command):
    call_command(command)
