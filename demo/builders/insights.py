"""Demo data for the signals: two care signals in Zwaanshals for welzijn@example.org (Noord).

Idempotent: signals are found by street, neighbour and concern; the note by signal and text.
"""

import datetime

from django.utils import timezone

from accounts.models import User
from demo.builders.streets import LOGINS
from insights.choices import ConsentMethod, SignalStatus
from insights.models import CareSignalNote
from matching.choices import Urgency
from streets.choices import MemberRole, MembershipStatus
from streets.models import StreetPage
from tests.insights.factories import CareSignalFactory

DEMO_STREET = "zwaanshals"


def build(home, stdout):
    street = StreetPage.objects.descendant_of(home).filter(slug=DEMO_STREET).first()
    if street is None:
        return
    gangmaker = User.objects.get(email=LOGINS["gangmaker"].email)
    welzijn = User.objects.get(email=LOGINS["welzijn"].email)
    # Neighbours who are not online are the ones a gangmaker most often worries about.
    neighbours = [
        m.user
        for m in street.memberships.filter(
            status=MembershipStatus.APPROVED, role=MemberRole.BEWONER, user__is_offline=True
        )
        .select_related("user")
        .order_by("pk")[:2]
    ]
    if len(neighbours) < 2:
        return
    today = timezone.localdate()
    CareSignalFactory(
        street=street,
        neighbour=neighbours[0],
        raised_by=gangmaker,
        concern="Hij lijkt de laatste weken in de war: vergeet de vuilnis, loopt 's avonds op straat.",
        urgency=Urgency.SOON,
        consent_given_by="de buurman zelf",
        consent_at=today - datetime.timedelta(days=2),
        consent_method=ConsentMethod.IN_PERSON,
    )
    acknowledged = CareSignalFactory(
        street=street,
        neighbour=neighbours[1],
        raised_by=gangmaker,
        concern="Mevrouw doet al een week niet open; de gordijnen blijven dicht.",
        urgency=Urgency.URGENT,
        consent_given_by="",
        consent_at=None,
        consent_method="",
        emergency_reason="Ze doet niet open en neemt de telefoon niet op; familie is onbekend.",
        status=SignalStatus.ACKNOWLEDGED,
        acknowledged_at=timezone.now() - datetime.timedelta(days=1),
        acknowledged_by=welzijn,
    )
    CareSignalNote.objects.get_or_create(
        signal=acknowledged,
        text="Wijkteam ingelicht; de wijkverpleegkundige gaat morgen langs.",
        defaults={"author": welzijn},
    )
    stdout.write("  zorgsignalen in Zwaanshals (voor welzijn@example.org)")
