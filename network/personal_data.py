"""The network's part of a person's data rights: what they wrote in the exchange, the messages
they sent or received, and their newsletter subscriptions and the issues mailed to them.
Registered with accounts.privacy in NetworkConfig.ready()."""

from django.db.models import Q

from .models import Delivery, ExchangeReport, GangmakerMessage, Reply, Subscriber, Topic


def export(user) -> dict:
    return {
        "onderwerpen": list(
            Topic.objects.filter(author=user).values("title", "body", "created_at")
        ),
        "reacties": list(
            Reply.objects.filter(author=user).values("topic_id", "body", "created_at")
        ),
        "berichten_verstuurd": list(
            GangmakerMessage.objects.filter(sender=user).values("body", "created_at")
        ),
        "berichten_ontvangen": list(
            GangmakerMessage.objects.filter(recipient=user).values("body", "created_at")
        ),
    }


def erase(user, identity) -> None:
    """What the person wrote goes, with the replies others gave to their own topics."""
    Topic.objects.filter(author=user).delete()
    Reply.objects.filter(author=user).delete()
    ExchangeReport.objects.filter(reporter=user).delete()
    GangmakerMessage.objects.filter(sender=user).delete()
    GangmakerMessage.objects.filter(recipient=user).delete()


def _newsletter_rows(user, model, email=None):
    email = email if email is not None else user.email
    mine = Q(user=user)
    if email:
        mine |= Q(email__iexact=email)
    return model.objects.filter(mine)


def export_newsletters(user) -> dict:
    return {
        "aanmeldingen": list(
            _newsletter_rows(user, Subscriber).values(
                "newsletter__title",
                "email",
                "name",
                "status",
                "created_at",
                "confirmed_at",
                "unsubscribed_at",
            )
        ),
        "ontvangen": list(
            _newsletter_rows(user, Delivery).values("dispatch__subject", "email", "sent_at")
        ),
    }


def erase_newsletters(user, identity) -> None:
    """Subscriptions and the record of each issue mailed to the person go.

    An opt-out goes too: a deleted account is nobody's gangmaker, so nothing is sent again.
    """
    _newsletter_rows(user, Subscriber, identity.email).delete()
    _newsletter_rows(user, Delivery, identity.email).delete()
