"""The demo's exchange: a question of Zwaanshals answered by Bergweg, built twice the same."""

import io

import pytest

from demo.builders import home as home_demo
from demo.builders import network
from demo.builders import streets as streets_demo
from network.models import Meeting, Reply, Topic

pytestmark = pytest.mark.django_db


def test_the_demo_exchange_has_a_question_with_an_answer_and_is_idempotent():
    home = home_demo.build(io.StringIO())
    streets_demo.build(home, io.StringIO())
    network.build(home, io.StringIO())
    network.build(home, io.StringIO())
    topic = Topic.objects.get(title=network.QUESTION)
    assert topic.author_street.slug == "zwaanshals"
    assert Reply.objects.get(topic=topic).author_street.slug == "bergweg"
    assert Topic.objects.filter(municipality=None).count() == 1
    assert Meeting.objects.get(title=network.MEETING).wijk.slug == "noord"
