"""Subscribing (double opt-in), confirming, unsubscribing and a gangmaker's own choice."""

import logging

from django.db import transaction
from django.utils import timezone, translation

from accounts.languages import usable
from accounts.mail import MAIL_ERRORS

from . import mail
from .choices import SubscriberStatus
from .models import NewsletterIndexPage, Subscriber
from .recipients import gets_as_gangmaker

logger = logging.getLogger(__name__)


def subscribe(
    newsletter: NewsletterIndexPage, email: str, name: str = "", language: str | None = None
) -> None:
    """Ask to subscribe `email`: a confirmation link goes out; nothing else changes yet.

    The answer on screen is the same whatever the address's state, so the form tells nobody
    who is on the list. An address already on it gets no mail. `language` (default: the active
    one, the site's language for the visitor) is the one their mails are written in.
    """
    email = email.strip().lower()
    language = usable(language or translation.get_language())
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            newsletter=newsletter, email=email, defaults={"name": name, "language": language}
        )
        if subscriber.status == SubscriberStatus.ACTIVE:
            return
        subscriber.status = SubscriberStatus.PENDING
        subscriber.language = language
        if name:
            subscriber.name = name
        subscriber.save(update_fields=["status", "name", "language"])
    try:
        mail.confirmation_message(subscriber).send()
    except MAIL_ERRORS as error:
        logger.warning("newsletter confirmation not sent: %s", type(error).__name__)


def confirm(subscriber: Subscriber) -> None:
    Subscriber.objects.filter(pk=subscriber.pk).exclude(status=SubscriberStatus.ACTIVE).update(
        status=SubscriberStatus.ACTIVE, confirmed_at=timezone.now(), unsubscribed_at=None
    )


def unsubscribe(newsletter: NewsletterIndexPage, email: str, user=None) -> None:
    """Take `email` off this newsletter for good (and the gangmaker `user`, if given)."""
    email = email.strip().lower()
    now = timezone.now()
    with transaction.atomic():
        subscriber, _created = Subscriber.objects.select_for_update().get_or_create(
            newsletter=newsletter,
            email=email,
            defaults={"status": SubscriberStatus.UNSUBSCRIBED, "unsubscribed_at": now},
        )
        subscriber.status = SubscriberStatus.UNSUBSCRIBED
        subscriber.unsubscribed_at = subscriber.unsubscribed_at or now
        if user is not None:
            subscriber.user = user
        subscriber.save()


def receives(user, newsletter: NewsletterIndexPage) -> bool:
    """Whether this account gets the newsletter now."""
    rows = Subscriber.objects.filter(newsletter=newsletter).filter(
        email__iexact=user.email or "-"
    ) | Subscriber.objects.filter(newsletter=newsletter, user=user)
    states = set(rows.values_list("status", flat=True))
    if SubscriberStatus.UNSUBSCRIBED in states:
        return False
    return SubscriberStatus.ACTIVE in states or gets_as_gangmaker(user, newsletter)


def set_receiving(user, newsletter: NewsletterIndexPage, receive: bool) -> None:
    """The account page's switch: the address is the account's, so no confirmation is needed."""
    if not receive:
        unsubscribe(newsletter, user.email, user=user)
        return
    Subscriber.objects.update_or_create(
        newsletter=newsletter,
        email=user.email.lower(),
        defaults={
            "user": user,
            "status": SubscriberStatus.ACTIVE,
            "confirmed_at": timezone.now(),
            "unsubscribed_at": None,
        },
    )
    # An opt-out under an older address of the same account no longer holds.
    Subscriber.objects.filter(
        newsletter=newsletter, user=user, status=SubscriberStatus.UNSUBSCRIBED
    ).delete()
