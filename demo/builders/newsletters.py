"""Demo data for the newsletter: Rotterdam's newsletter page with one issue in the archive,
recorded as sent to its subscribers and the gangmakers (no mail goes out while seeding), and a
few subscribers, one still waiting for confirmation. Idempotent: found again by slug."""

import datetime

from django.utils import timezone
from wagtail.rich_text import RichText

from network.newsletters.choices import SubscriberStatus
from network.newsletters.mail import render_issue
from network.newsletters.models import (
    Delivery,
    Dispatch,
    NewsletterIndexPage,
    NewsletterPage,
    Subscriber,
)
from network.newsletters.recipients import recipients

ISSUE = "Nieuwsbrief december: welkom, nieuwe buren"
READERS = [
    ("lezer1@example.org", "Ria", SubscriberStatus.ACTIVE),
    ("lezer2@example.org", "", SubscriberStatus.ACTIVE),
    ("lezer3@example.org", "Mustafa", SubscriberStatus.ACTIVE),
    ("lezer4@example.org", "Joke", SubscriberStatus.PENDING),
]


def _newsletter_index(home, title, intro):
    """The newsletter archive under `home` (found by its slug), made and published once."""
    newsletter = NewsletterIndexPage.objects.child_of(home).filter(slug="nieuwsbrief").first()
    if newsletter is None:
        newsletter = NewsletterIndexPage(title=title, slug="nieuwsbrief", intro=intro)
        home.add_child(instance=newsletter)
        newsletter.save_revision().publish()
    return newsletter


def build(home, stdout):
    newsletter = _newsletter_index(
        home,
        "Nieuwsbrief",
        "<p>Eens per maand nieuws uit de Lief &amp; Leedstraten van Rotterdam: "
        "ideeën van gangmakers, bijeenkomsten en tips.</p>",
    )
    now = timezone.now()
    for email, name, status in READERS:
        Subscriber.objects.get_or_create(
            newsletter=newsletter,
            email=email,
            defaults={
                "name": name,
                "status": status,
                "confirmed_at": now if status == SubscriberStatus.ACTIVE else None,
            },
        )
    issue = NewsletterPage.objects.child_of(newsletter).filter(title=ISSUE).first()
    if issue is None:
        issue = NewsletterPage(
            title=ISSUE,
            intro="Een taart voor nieuwe buren, een gangmakersavond in Noord en de feestdagen.",
            body=[
                ("heading", "Welkom, nieuwe buren"),
                (
                    "paragraph",
                    RichText(
                        "<p>In de Bergweg krijgt elke nieuwe buur een taart en een kaart met "
                        "de namen van de gangmakers. Bart vertelt hoe dat begon: één buurvrouw "
                        "bakte, nu bakken er vijf om de beurt.</p>"
                    ),
                ),
                ("heading", "Gangmakersavond in Noord"),
                (
                    "paragraph",
                    RichText(
                        "<p>Gangmakers en welzijn van Noord praten bij over een tweede "
                        "gangmaker vinden. Kijk onder Bijeenkomsten en laat weten of u "
                        "komt.</p>"
                    ),
                ),
                (
                    "quote",
                    {
                        "text": "Een kaartje in de bus doet meer dan je denkt.",
                        "attribution": "Gerda, Zwaanshals",
                    },
                ),
            ],
        )
        newsletter.add_child(instance=issue)
        issue.save_revision().publish()
    _record_sent(newsletter, issue, now)
    stdout.write(f"Nieuwsbrief: {newsletter.url_path}, 1 uitgave in het archief")


def _record_sent(newsletter, issue, now) -> None:
    """Record `issue` as sent three days ago to everyone it goes to, without mailing anyone."""
    if not Dispatch.objects.filter(issue=issue).exists():
        subject, html, text = render_issue(issue)
        people = recipients(newsletter)
        sent_at = now - datetime.timedelta(days=3)
        dispatch = Dispatch.objects.create(
            issue=issue,
            total=len(people),
            subject=subject,
            body_html=html,
            body_text=text,
            started_at=sent_at,
            finished_at=sent_at,
        )
        Delivery.objects.bulk_create(
            Delivery(
                dispatch=dispatch, email=p.email, name=p.name, user_id=p.user_id, sent_at=sent_at
            )
            for p in people
        )


NATIONAL_ISSUE = "Landelijke nieuwsbrief: nieuwe Lief & Leedsteden"


def build_national(home, stdout):
    """The national newsletter under the national home page, with one issue recorded as sent
    (to the gangmakers and coordinators of every municipality; no mail goes out)."""
    newsletter = _newsletter_index(
        home,
        "Landelijke nieuwsbrief",
        "<p>Nieuws van het landelijke Lief &amp; Leednetwerk: nieuwe gemeenten, "
        "landelijke bijeenkomsten en wat gangmakers elders bedenken.</p>",
    )
    issue = NewsletterPage.objects.child_of(newsletter).filter(title=NATIONAL_ISSUE).first()
    if issue is None:
        issue = NewsletterPage(
            title=NATIONAL_ISSUE,
            intro="Amstelveen doet mee, en de landelijke gangmakersdag komt eraan.",
            body=[
                ("heading", "Amstelveen doet mee"),
                (
                    "paragraph",
                    RichText(
                        "<p>In de Westwijk van Amstelveen zijn de eerste straten begonnen. "
                        "Welkom! Rotterdam deelt graag zijn welkomstpakket.</p>"
                    ),
                ),
                ("heading", "Landelijke gangmakersdag"),
                (
                    "paragraph",
                    RichText(
                        "<p>Gangmakers uit het hele land delen wat werkt. Aanmelden kan onder "
                        "Landelijke bijeenkomsten.</p>"
                    ),
                ),
            ],
        )
        newsletter.add_child(instance=issue)
        issue.save_revision().publish()
    _record_sent(newsletter, issue, timezone.now())
    stdout.write(f"Landelijke nieuwsbrief: {newsletter.url_path}, 1 uitgave in het archief")
