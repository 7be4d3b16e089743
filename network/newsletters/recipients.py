"""Who gets a newsletter, and who may send it.

A municipality's newsletter goes to its confirmed subscribers and to the gangmakers of its
live streets; the national newsletter (no municipality above it) to its subscribers and every
gangmaker. Anyone who unsubscribed from this newsletter is left out, by address and, for a
gangmaker, by account. Each address gets one mail, even if it is both.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q

from streets.choices import MemberRole, MembershipStatus
from streets.models import StreetPage
from streets.permissions import is_coordinator_of, is_national_coordinator

from .choices import SubscriberStatus
from .models import NewsletterIndexPage, NewsletterPage, Subscriber


@dataclass(frozen=True)
class Recipient:
    email: str
    name: str
    user_id: int | None
    language: str = settings.LANGUAGE_CODE


def gangmakers(newsletter: NewsletterIndexPage):
    """The active accounts with an address that are gangmaker of a live street in its scope."""
    streets = StreetPage.objects.live()
    municipality = newsletter.municipality
    if municipality is not None:
        streets = streets.descendant_of(municipality)
    return (
        get_user_model()
        .objects.filter(
            is_active=True,
            memberships__street__in=streets,
            memberships__role=MemberRole.GANGMAKER,
            memberships__status=MembershipStatus.APPROVED,
        )
        .exclude(Q(email__isnull=True) | Q(email=""))
        .distinct()
    )


def recipients(newsletter: NewsletterIndexPage) -> list[Recipient]:
    """Everyone who gets the next issue, one per address (lower case), by address."""
    rows = Subscriber.objects.filter(newsletter=newsletter)
    left = rows.filter(status=SubscriberStatus.UNSUBSCRIBED)
    left_emails = {email.lower() for email in left.values_list("email", flat=True)}
    left_users = set(left.exclude(user=None).values_list("user_id", flat=True))
    found: dict[str, Recipient] = {}
    for email, name, user_id, language in rows.filter(status=SubscriberStatus.ACTIVE).values_list(
        "email", "name", "user_id", "language"
    ):
        found[email.lower()] = Recipient(email.lower(), name, user_id, language)
    for pk, email, first_name in gangmakers(newsletter).values_list("pk", "email", "first_name"):
        key = email.lower()
        if pk not in left_users and key not in found:
            found[key] = Recipient(key, first_name, pk)
    return [found[key] for key in sorted(found) if key not in left_emails]


def gets_as_gangmaker(user, newsletter: NewsletterIndexPage) -> bool:
    return gangmakers(newsletter).filter(pk=user.pk).exists()


def may_send(user, issue: NewsletterPage) -> bool:
    """The municipality's coordinators, superusers, and editors who may publish the issue.

    For the national newsletter (no municipality above it): the national coordinators too.
    """
    if not user.is_authenticated or not user.is_active:
        return False
    municipality = issue.newsletter.municipality
    if municipality is not None and is_coordinator_of(user, municipality):
        return True
    if municipality is None and is_national_coordinator(user):
        return True
    return user.is_superuser or issue.permissions_for_user(user).can_publish()
