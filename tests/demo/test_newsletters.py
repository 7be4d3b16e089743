"""The demo's newsletter: one sent issue in Rotterdam's archive and a few subscribers."""

import io

import pytest

from demo.builders import home as home_demo
from demo.builders import newsletters
from demo.builders import streets as streets_demo
from network.newsletters.models import Delivery, Dispatch, NewsletterPage, Subscriber

pytestmark = pytest.mark.django_db


def test_the_demo_archive_has_one_sent_issue_and_building_twice_adds_nothing(client):
    home = home_demo.build(io.StringIO())
    streets_demo.build(home, io.StringIO())
    newsletters.build(home, io.StringIO())
    newsletters.build(home, io.StringIO())
    issue = NewsletterPage.objects.get(title=newsletters.ISSUE)
    dispatch = Dispatch.objects.get(issue=issue)
    assert dispatch.total == Delivery.objects.filter(sent_at__isnull=False).count() > 3
    assert Subscriber.objects.count() == len(newsletters.READERS)
    assert "lezer4@example.org" not in set(Delivery.objects.values_list("email", flat=True))
    archive = client.get(issue.get_parent().url)
    assert newsletters.ISSUE in archive.content.decode()
