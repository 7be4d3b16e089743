"""The board's demo posts: built twice, the same posts; every moderation case is there."""

import io

import pytest

from demo.builders import board
from demo.builders import home as home_demo
from demo.builders import streets as streets_demo
from matching.models import BoardSettings, HelpPost, PostReport, PostStatus

pytestmark = pytest.mark.django_db


def test_the_demo_board_has_every_case_and_building_it_again_adds_nothing():
    home = home_demo.build(io.StringIO())
    streets_demo.build(home, io.StringIO())
    board.build(home, io.StringIO())
    first = (HelpPost.objects.count(), PostReport.objects.count())
    board.build(home, io.StringIO())

    assert (HelpPost.objects.count(), PostReport.objects.count()) == first
    assert first[0] >= 12
    zwaanshals = HelpPost.objects.filter(street__slug="zwaanshals")
    assert zwaanshals.filter(author__email="bewoner@example.org").count() >= 2
    assert zwaanshals.filter(status=PostStatus.PENDING).exists()
    assert zwaanshals.filter(
        posted_by__email="gangmaker@example.org", author__is_offline=True
    ).exists()
    assert PostReport.objects.filter(post__street__slug="zwaanshals").exists()
    assert BoardSettings.objects.get(street__slug="zwaanshals").premoderate_new_members
    assert HelpPost.objects.exclude(street__slug="zwaanshals").count() >= 4
