"""Newsletters for the tests, the demo and the bench: an index page under a municipality, an
issue with a paragraph, subscribers in bulk."""

import factory
import wagtail_factories
from django.utils import timezone
from wagtail.rich_text import RichText

from network.newsletters.choices import SubscriberStatus
from network.newsletters.models import NewsletterIndexPage, NewsletterPage, Subscriber


class NewsletterIndexPageFactory(wagtail_factories.PageFactory):
    title = "Nieuwsbrief"
    slug = "nieuwsbrief"
    intro = "<p>Elke maand nieuws uit de Lief &amp; Leedstraten.</p>"

    class Meta:
        model = NewsletterIndexPage
        django_get_or_create = ("parent", "slug")


class NewsletterPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Nieuwsbrief {n + 1}")
    intro = "Nieuws uit de straten."
    body = factory.LazyFunction(
        lambda: [
            ("heading", "Welkom, nieuwe buren"),
            ("paragraph", RichText("<p>In de Bergweg krijgt elke nieuwe buur een taart.</p>")),
        ]
    )

    class Meta:
        model = NewsletterPage


def subscribers(newsletter, count: int, *, prefix: str = "lezer", domain="example.org"):
    """`count` confirmed subscribers, made in one query."""
    now = timezone.now()
    return Subscriber.objects.bulk_create(
        [
            Subscriber(
                newsletter=newsletter,
                email=f"{prefix}{number}@{domain}",
                name=f"Lezer {number}" if number % 2 else "",
                status=SubscriberStatus.ACTIVE,
                confirmed_at=now,
            )
            for number in range(count)
        ],
        batch_size=1000,
    )
