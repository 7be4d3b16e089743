""" "Mijn hulp" kept per person: its rendered list of news, care rotas and matches.

The part of the page below the title (matching/match/my_help_part.html) is rendered once and
kept in Django's cache under a key made of the street, the street's *help version* (below), the
street's version (streets.page_cache), the person, their role (a gangmaker sees more buttons),
the language and the time zone. The view (matching.views.matches.my_help) then asks the
database for nothing beyond the session and the user.

The help version is one token per street, replaced now and again after the commit (like the
street's version) whenever a row shown on any member's Mijn hulp of that street changes:

- by signal (post_save, post_delete; `QuerySet.delete()` and cascades send them too): Match,
  Notification, CareRota, RotaMoment, RotaDecline (connected in MatchingConfig.ready());
- by the street's version, which is part of the key: the board's posts (a request's category,
  its author), memberships (a member who left) and users' names (the partners' first names),
  each replaced by streets.page_cache's own signal handlers, and the street page itself
  (its address in the breadcrumb);
- by an explicit `bump` where rows are written without signals:
  - matching/services/matching.py `save_proposals`: `Match.objects.bulk_create`,
    `MatchEvent.objects.bulk_create`, `Notification.objects.bulk_create`;
  - matching/services/rota.py: `RotaMoment.objects.bulk_create` (a new rota),
    `bulk_update` in `plan` (moments proposed to helpers), the `update()`s and
    `RotaDecline.objects.bulk_create` in `answer` (moments accepted or declined);
  - matching/services/lifecycle.py: `HelpRequest ... update(status=CLOSED)` in `take_step`
    (also replaces the street's version) and `Match ... update(status=EXPIRED)` in
    `expire_proposals`;
  - matching/signal_handlers.py `release_moments` (moments of a leaver or a deleted user
    freed);
  - matching/views/matches.py: the read marks (`my_help`'s POST and `door_list`'s POST);
  - matching/services/board.py `expire_posts` (`update()`, replaces the street's version).

Writes that change nothing shown here and are left alone: `RotaMoment ... update(reminded_at=)`
(rota.py `send_reminders`, its notification is a `create` with a signal), the e-mail claims of
notifications (notifications.py: `email_claimed_at`, `emailed_at`), post reports (board.py).
Erasing a person (accounts.privacy.erase_user) rewrites their name in other rows with
`update()` (accounts/scrubbing.py) inside one transaction that also deletes their memberships,
whose signals replace each of their streets' versions again after that commit.

Day-relative text: none (news shows its date and time, not "vandaag"); still, like every kept
part, a page lives at most `page_cache.TIMEOUT_SECONDS`. The CSRF token of the "Markeer als
gelezen" form is stored as a placeholder and filled in per request (`page_cache.keep_per_request`
/ `fill_per_request`, the same mechanism as the anonymous street page). Needs one cache shared
by all processes in production, as the street's version does.
"""

import hashlib
from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language

from ops import versions
from streets import page_cache


def _version_key(street_id) -> str:
    return f"help-page:version:{street_id}"


def help_version(street_id) -> str:
    """The street's current help version (a new one if the cache has none)."""
    return versions.current(_version_key(street_id))


def bump(*street_ids) -> None:
    """Forget every kept Mijn hulp of these streets, now and again once the change is
    committed (a request that read the old rows before the commit may store them meanwhile)."""
    keys = [_version_key(pk) for pk in set(street_ids) if pk]
    if not keys:
        return

    def drop():
        cache.delete_many(keys)

    drop()
    transaction.on_commit(drop)


def part_key(street_id, user_id, can_manage: bool) -> str:
    """Everything the kept part depends on besides the rows: read the versions first, so a
    change while rendering is stored under a key nobody reads any more."""
    variant = "|".join(
        [
            str(street_id),
            help_version(street_id),
            page_cache.street_version(street_id) or "",
            str(user_id),
            "manager" if can_manage else "member",
            get_language() or "",
            timezone.get_current_timezone_name(),
        ]
    )
    return f"help-page:{street_id}:{hashlib.sha256(variant.encode()).hexdigest()[:32]}"


def kept_part(request, access, render: Callable[[], str]) -> str:
    """This person's Mijn hulp part (HTML), as kept or from `render()`, with this request's
    CSRF token in its form."""
    key = part_key(access.street.pk, request.user.pk, access.can_manage)
    content = cache.get(key)
    if content is None:
        content = page_cache.keep_per_request(request, render())
        cache.set(key, content, page_cache.TIMEOUT_SECONDS)
    return page_cache.fill_per_request(request, content)


# Signal handlers: each row names its street directly or through its rota.


def _on_street_row(sender, instance, **kwargs) -> None:
    bump(instance.street_id)


def _rota_street(rota_id):
    from matching.models import CareRota

    return CareRota.objects.filter(pk=rota_id).values_list("street_id", flat=True).first()


def _on_moment(sender, instance, **kwargs) -> None:
    # A moment deleted with its rota finds no rota: the rota's own signal replaces the version.
    if type(instance).rota.is_cached(instance):
        bump(instance.rota.street_id)
    else:
        bump(_rota_street(instance.rota_id))


def _on_decline(sender, instance, **kwargs) -> None:
    from matching.models import RotaMoment

    street_id = (
        RotaMoment.objects.filter(pk=instance.moment_id)
        .values_list("rota__street_id", flat=True)
        .first()
    )
    bump(street_id)


def connect_signals() -> None:
    """Called from MatchingConfig.ready()."""
    from django.db.models.signals import post_delete, post_save

    from matching.models import CareRota, Match, Notification, RotaDecline, RotaMoment

    for signal in (post_save, post_delete):
        for model in (Match, Notification, CareRota):
            signal.connect(_on_street_row, sender=model, dispatch_uid="help_cache")
        signal.connect(_on_moment, sender=RotaMoment, dispatch_uid="help_cache")
        signal.connect(_on_decline, sender=RotaDecline, dispatch_uid="help_cache")
