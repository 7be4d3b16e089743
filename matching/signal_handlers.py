"""Background work the board and memberships set off. Connected in MatchingConfig.ready()."""

from django.db import transaction
from django.db.models.signals import post_save
from django_q.tasks import async_task

from matching.models import HelpOffer
from matching.signals import post_opened
from streets.choices import MembershipStatus
from streets.models import StreetMembership


def match_opened_post(sender, post_id, street_id, **kwargs):
    # post_opened is sent after the commit already; the task gets ids only.
    kind = "offer" if sender is HelpOffer else "request"
    async_task("matching.tasks.match_new_post", post_id, kind, street_id)


def geocode_approved_member(sender, instance, **kwargs):
    if instance.status == MembershipStatus.APPROVED and not hasattr(instance, "home_location"):
        transaction.on_commit(lambda: async_task("matching.tasks.geocode_membership", instance.pk))


def connect():
    post_opened.connect(match_opened_post, dispatch_uid="matching.match_opened_post")
    post_save.connect(
        geocode_approved_member, sender=StreetMembership, dispatch_uid="matching.geocode_member"
    )
