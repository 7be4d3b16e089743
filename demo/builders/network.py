"""Demo data for the exchange between gangmakers: in Rotterdam's exchange the gangmaker of
Zwaanshals asks how others found a second gangmaker and the gangmaker of Bergweg answers; a
national topic about the holidays;
a wijk meeting for Noord's gangmakers and welzijn, planned by the coordinator. Idempotent: topics are found again by title."""

import datetime

from django.contrib.auth import get_user_model
from django.utils import timezone

from network.models import Audience, Meeting, Reply, Topic
from network.services import create_meeting, post_reply, post_topic
from streets.models import NeighbourhoodPage

QUESTION = "Hoe vinden jullie een tweede gangmaker?"
NATIONAL = "Wat doen jullie met de feestdagen?"
MEETING = "Gangmakersavond Noord"


def build(home, stdout):
    users = get_user_model().objects
    asker = users.filter(email="gangmaker@example.org").first()
    answerer = users.filter(email="gangmaker.bergweg@example.org").first()
    if asker is None or answerer is None:
        return
    topic = Topic.objects.filter(municipality=home, title=QUESTION).first()
    if topic is None:
        topic = post_topic(
            asker,
            home,
            title=QUESTION,
            body="Gijs doet het nu alleen met mij, maar hij verhuist in het voorjaar. "
            "Hoe hebben jullie iemand gevonden?",
        )
    if not Reply.objects.filter(topic=topic, author=answerer).exists():
        post_reply(
            answerer,
            topic,
            body="Wij vroegen het op de straatborrel, met een kopje soep erbij. "
            "Twee buren meldden zich dezelfde avond.",
        )
    if not Topic.objects.filter(municipality=None, title=NATIONAL).exists():
        post_topic(
            answerer,
            None,
            title=NATIONAL,
            body="Wij brengen een kerstkaart rond bij wie alleen is. Doen jullie ook iets?",
        )
    coordinator = users.filter(email="coordinator@example.org").first()
    noord = NeighbourhoodPage.objects.descendant_of(home).filter(slug="noord").first()
    if coordinator and noord and not Meeting.objects.filter(title=MEETING).exists():
        start = timezone.localtime().replace(hour=19, minute=30, second=0, microsecond=0)
        start += datetime.timedelta(days=10)
        create_meeting(
            coordinator,
            municipality=home,
            wijk=noord,
            title=MEETING,
            start=start,
            end=start + datetime.timedelta(hours=2),
            location="Buurthuis De Pijler, Zwaanshals 12",
            description="Gangmakers van Noord delen wat werkt. Welzijn Noord schuift aan.",
            audience=Audience.GANGMAKERS_WELZIJN,
        )
    stdout.write("  uitwisseling: een vraag met antwoord in Rotterdam en een landelijk onderwerp")
