"""The gangmaker's to-do list on the start page, against the demo municipality: every line the
demo gives Zwaanshals, with the count a gangmaker would find behind its link."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from accounts.todos import todos_for
from insights.choices import SignalStatus
from insights.models import CareSignal
from matching.models import LIVE_STATUSES, HelpPost, HelpRequest, Match, PostReport, PostStatus
from pot.choices import TipStatus
from pot.models import Reminder, Tip
from streets.choices import MembershipStatus
from streets.models import StreetPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_demo_gangmaker_of_zwaanshals_sees_what_waits_for_them_with_counts(demo, client):
    gangmaker = User.objects.get(email="gangmaker@example.org")
    street = StreetPage.objects.get(slug="zwaanshals")
    live = Match.objects.filter(status__in=LIVE_STATUSES).values("request_id")

    found = {t.kind: t.count for t in todos_for(gangmaker) if t.place == "Zwaanshals"}

    # The same figures, counted the way each page behind a link counts them.
    expected = {
        "applications": street.memberships.filter(status=MembershipStatus.PENDING).count(),
        "moderation": HelpPost.objects.filter(street=street, status=PostStatus.PENDING).count(),
        "reports": PostReport.objects.filter(post__street=street, status="open").count(),
        "unmatched": HelpRequest.objects.filter(street=street, status=PostStatus.OPEN)
        .exclude(pk__in=live)
        .count(),
        "tips": Tip.objects.filter(street=street, status=TipStatus.OPEN).count(),
        "reminders": Reminder.objects.filter(
            pot__street=street, due_on__lte=timezone.localdate(), done_at__isnull=True
        ).count(),
    }
    assert {kind: found.get(kind, 0) for kind in expected} == expected
    # What the demo promises (README): two applications waiting, a post waiting for
    # moderation, a reported post, open tips from neighbours.
    assert found["applications"] == 2
    assert found["moderation"] >= 1
    assert found["reports"] == 1
    assert found["tips"] >= 1

    client.force_login(gangmaker)
    body = client.get(reverse("streets:my_streets")).content.decode()
    assert "2 aanmeldingen wachten op u" in body
    assert "1 melding over een bericht" in body
    assert f'href="{reverse("streets:members", args=[street.pk])}"' in body


def test_the_demo_welzijn_worker_starts_at_the_new_care_signals_and_the_wijk(demo, client):
    welzijn = User.objects.get(email="welzijn@example.org")
    new = [t for t in todos_for(welzijn) if t.kind == "new_signals"]
    assert [t.count for t in new] == [
        CareSignal.objects.filter(status=SignalStatus.OPEN, street__slug="zwaanshals").count()
    ]

    client.force_login(welzijn)
    body = client.get(reverse("streets:my_streets")).content.decode()
    assert "U bent nog geen lid van een straat" not in body
    assert "Zorgsignalen" in body and "Zwaanshals" in body
