import datetime

import factory
from django.utils import timezone

from matching.choices import Category, Urgency
from matching.models import HelpOffer, HelpRequest, PostReport, PostStatus
from matching.services.rota import create_rota
from tests.accounts.factories import UserFactory
from tests.streets.factories import StreetPageFactory


def _in_a_month():
    return timezone.localdate() + datetime.timedelta(days=30)


class _PostFactory(factory.django.DjangoModelFactory):
    """Posts are open by default; give an author who is a member of `street` to see them."""

    street = factory.SubFactory(StreetPageFactory)
    author = factory.SubFactory(UserFactory)
    status = PostStatus.OPEN
    opened_at = factory.LazyAttribute(
        lambda o: timezone.now() if o.status == PostStatus.OPEN else None
    )
    valid_until = factory.LazyFunction(_in_a_month)

    class Meta:
        abstract = True


class HelpRequestFactory(_PostFactory):
    category = Category.BOODSCHAPPEN
    description = factory.Sequence(lambda n: f"Wie doet boodschappen voor mij? ({n})")
    needed_on = None
    when_slots = factory.LazyFunction(lambda: ["1:ochtend", "3:ochtend"])
    urgency = Urgency.NORMAL

    class Meta:
        model = HelpRequest
        # The demo finds its posts again by street, author and text.
        django_get_or_create = ("street", "author", "description")


class HelpOfferFactory(_PostFactory):
    categories = factory.LazyFunction(lambda: [Category.BOODSCHAPPEN, Category.TUIN])
    description = factory.Sequence(lambda n: f"Ik help graag. ({n})")
    availability = factory.LazyFunction(lambda: ["0:middag", "2:avond", "5:ochtend"])
    capacity = 2

    class Meta:
        model = HelpOffer
        django_get_or_create = ("street", "author", "description")


class PostReportFactory(factory.django.DjangoModelFactory):
    post = factory.SubFactory(HelpRequestFactory)
    reporter = factory.SubFactory(UserFactory)
    reason = "Dit is reclame."

    class Meta:
        model = PostReport
        django_get_or_create = ("post", "reporter")


def evening_rota(meals, by, days=14, per_week=2):
    """A meal rota for `meals` (a help request): every evening from tomorrow for `days` days, at
    most `per_week` evenings a week per helper; planned at once, as the gangmaker's form does."""
    return create_rota(
        meals,
        by=by,
        first_day=timezone.localdate() + datetime.timedelta(days=1),
        days=days,
        dagdelen=["avond"],
        per_week=per_week,
    )
