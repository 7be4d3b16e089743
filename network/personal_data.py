"""The exchange's part of a person's data rights: what they wrote there and the messages they
sent or received. Registered with accounts.privacy in NetworkConfig.ready()."""

from .models import ExchangeReport, GangmakerMessage, Reply, Topic


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
