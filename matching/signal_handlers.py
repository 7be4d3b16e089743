"""Background work the board and memberships set off. Connected in MatchingConfig.ready()."""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from django.utils import timezone
from django_q.tasks import async_task

from matching import help_cache
from matching.models import HelpOffer, RotaMoment, RotaMomentState
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


def release_moments(moments) -> int:
    """Moments whose helper is gone become gaps again (the gangmaker sees them on the rota)."""
    streets = set(moments.values_list("rota__street_id", flat=True))
    freed = moments.update(helper=None, state=RotaMomentState.OPEN, reasons=[], by_hand=False)
    # update() sends no signal: the helpers' kept Mijn hulp must go.
    help_cache.bump(*streets)
    return freed


def release_leavers_moments(sender, instance, **kwargs):
    if instance.status == MembershipStatus.LEFT:
        release_moments(
            RotaMoment.objects.filter(
                helper_id=instance.user_id,
                rota__street_id=instance.street_id,
                day__gte=timezone.localdate(),
            )
        )


def release_deleted_users_moments(sender, instance, **kwargs):
    # Before the user row goes: a moment with a state but no helper breaks its constraint.
    release_moments(RotaMoment.objects.filter(helper_id=instance.pk))


def connect():
    post_opened.connect(match_opened_post, dispatch_uid="matching.match_opened_post")
    post_save.connect(
        geocode_approved_member, sender=StreetMembership, dispatch_uid="matching.geocode_member"
    )
    post_save.connect(
        release_leavers_moments, sender=StreetMembership, dispatch_uid="matching.rota_leaver"
    )
    pre_delete.connect(
        release_deleted_users_moments,
        sender=settings.AUTH_USER_MODEL,
        dispatch_uid="matching.rota_deleted_user",
    )
