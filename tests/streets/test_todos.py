"""The to-do list of the start page (accounts.todos), with what each app registers.

Counts against factories, per app's provider; `tests/demo/test_todos.py` checks them against
the demo municipality.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.todos import todos_for
from insights.choices import SignalStatus
from matching.models import Match, MatchStatus, PostStatus
from pot.choices import ExpenseStatus
from pot.models import Expense, Reminder
from streets.choices import MembershipStatus
from tests.insights.factories import CareSignalFactory
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory, PostReportFactory
from tests.pot.factories import TipFactory, funded_pot
from tests.streets.factories import (
    GangmakerMembershipFactory,
    MembershipFactory,
    StreetPageFactory,
)

pytestmark = pytest.mark.django_db


def counts(user, place=None) -> dict[str, int]:
    return {
        todo.kind: todo.count for todo in todos_for(user) if place is None or todo.place == place
    }


def test_a_gangmaker_sees_waiting_applications_per_street_with_a_link_to_decide(world):
    MembershipFactory.create_batch(2, street=world.street_a, status=MembershipStatus.PENDING)
    MembershipFactory(street=world.street_b, status=MembershipStatus.PENDING)

    todos = [t for t in todos_for(world.gangmaker_a) if t.kind == "applications"]

    assert [(t.place, t.count, str(t.label)) for t in todos] == [
        ("Zwaanshals", 2, "2 aanmeldingen wachten op u")
    ]
    assert todos[0].url == reverse("streets:members", args=[world.street_a.pk])


def test_a_gangmaker_sees_moderation_reports_and_requests_without_a_helper(world):
    street = world.street_a
    HelpRequestFactory(street=street, author=world.bewoner_a, status=PostStatus.PENDING)
    reported = HelpOfferFactory(street=street, author=world.bewoner_a)
    PostReportFactory(post=reported, reporter=world.gangmaker_a)
    HelpRequestFactory(street=street, author=world.bewoner_a)  # open, nobody proposed
    helped = HelpRequestFactory(street=street, author=world.bewoner_a)
    Match.objects.create(street=street, request=helped, offer=reported, status=MatchStatus.PROPOSED)
    HelpRequestFactory(street=world.street_b, author=world.bewoner_b)  # another street

    board = {"moderation", "reports", "unmatched"}
    found = counts(world.gangmaker_a, "Zwaanshals")
    assert {kind: found[kind] for kind in board & found.keys()} == {
        "moderation": 1,
        "reports": 1,
        "unmatched": 1,
    }
    # A neighbour of the street has none of the gangmaker's work.
    assert not {"moderation", "reports", "unmatched"} & counts(world.bewoner_a).keys()


def test_a_gangmaker_sees_open_tips_due_reminders_and_expenses_to_approve(world):
    street = world.street_a
    TipFactory.create_batch(3, street=street)
    pot = funded_pot(street)
    today = timezone.localdate()
    Reminder.objects.create(pot=pot, occasion="ill", due_on=today, text="Bellen")
    Reminder.objects.create(
        pot=pot, occasion="ill", due_on=today + datetime.timedelta(days=5), text="Later"
    )
    other = MembershipFactory(street=street, role="gangmaker").user
    for recorded_by in (other, world.gangmaker_a):
        Expense.objects.create(
            pot=pot,
            amount="80.00",
            spent_on=today,
            occasion="ill",
            gift="flowers",
            for_whom="nr. 3",
            recorded_by=recorded_by,
            status=ExpenseStatus.PENDING_APPROVAL,
        )

    found = counts(world.gangmaker_a, "Zwaanshals")

    assert (found["tips"], found["reminders"], found["expense_approvals"]) == (3, 1, 1)
    assert "tips" not in counts(world.gangmaker_b)


def test_a_gangmaker_sees_the_care_signals_welzijn_answered_lately(world):
    def signal(status, days_ago):
        moment = timezone.now() - datetime.timedelta(days=days_ago)
        return CareSignalFactory(
            neighbour=world.bewoner_a,
            street=world.street_a,
            raised_by=world.gangmaker_a,
            concern=f"Zorg {status} {days_ago}",
            status=status,
            acknowledged_at=None if status == SignalStatus.OPEN else moment,
            closed_at=moment if status == SignalStatus.CLOSED else None,
        )

    signal(SignalStatus.OPEN, 0)
    signal(SignalStatus.ACKNOWLEDGED, 1)
    signal(SignalStatus.CLOSED, 2)
    signal(SignalStatus.CLOSED, 30)  # long ago: read by now

    assert counts(world.gangmaker_a)["signals_answered"] == 2
    # Welzijn of the wijk sees the one nobody took in hand; welzijn of another wijk nothing.
    assert counts(world.welzijn_a) == {"new_signals": 1}
    assert counts(world.welzijn_other) == {}


def test_a_neighbour_sees_proposals_to_answer_a_helper_who_said_yes_and_their_posts(world):
    street = world.street_a
    asker = MembershipFactory(street=street).user
    offer = HelpOfferFactory(street=street, author=world.bewoner_a)
    Match.objects.create(
        street=street,
        request=HelpRequestFactory(street=street, author=asker),
        offer=offer,
        status=MatchStatus.PROPOSED,
    )
    mine = HelpRequestFactory(street=street, author=world.bewoner_a)
    Match.objects.create(
        street=street,
        request=mine,
        offer=HelpOfferFactory(street=street, author=asker),
        status=MatchStatus.ACCEPTED,
    )
    HelpRequestFactory(street=street, author=world.bewoner_a, status=PostStatus.EXPIRED)

    assert counts(world.bewoner_a) == {
        "proposals": 1,
        "helper_found": 1,
        "my_expired_posts": 1,
        "my_posts": 2,
    }
    todos = todos_for(world.bewoner_a)
    assert [t.kind for t in todos][:2] == ["proposals", "helper_found"]  # urgent first
    assert todos[0].url == reverse("matching:my_help", args=[street.pk])


def test_nobody_outside_a_street_gets_its_lines(world, other_municipality):
    MembershipFactory(street=world.street_a, status=MembershipStatus.PENDING)
    TipFactory(street=world.street_a)
    HelpRequestFactory(street=world.street_a, author=world.bewoner_a, status=PostStatus.PENDING)

    for user in (world.outsider, world.coordinator, other_municipality.gangmaker, world.bewoner_b):
        assert [t for t in todos_for(user) if t.place == "Zwaanshals"] == []


def test_the_to_do_list_costs_the_same_queries_for_one_street_or_five(
    world, django_assert_max_num_queries
):
    for _ in range(4):
        street = StreetPageFactory(parent=world.wijk)
        GangmakerMembershipFactory(street=street, user=world.gangmaker_a)
        MembershipFactory.create_batch(2, street=street, status=MembershipStatus.PENDING)
        TipFactory(street=street)
    # A few grouped queries per app that registers to-dos (streets, matching, pot, insights,
    # programme, effects, welcome, network), whatever the number of streets.
    with django_assert_max_num_queries(30):
        todos = todos_for(world.gangmaker_a)
    assert len([t for t in todos if t.kind == "applications"]) == 4
