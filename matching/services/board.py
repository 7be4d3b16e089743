"""The help board's rules: who may post, edit, report and moderate, and what each step does.

Views call these with the user and the street's access (streets.permissions); every function
checks again what it needs, changes rows inside one transaction, and leaves the database as it
was when it refuses (BoardError, with a message for the user). Authors are told by e-mail after
the commit; neighbours who are not online get nothing, and the view tells the gangmaker to pass
the news on in person.
"""

import datetime

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.mail import send_to_user
from matching.models import (
    BoardSettings,
    HelpPost,
    ModerationAction,
    ModerationLog,
    PostReport,
    PostStatus,
    ReportStatus,
)
from matching.models.moderation import settings_code
from matching.signals import post_opened
from streets import page_cache
from streets.choices import MemberRole, MembershipStatus
from streets.models import StreetMembership, StreetPage

# A renewed post stands this long; the forms propose the same period for a new one.
RENEW_DAYS = 30
# The furthest end date a neighbour may choose, so the board does not fill with stale posts.
MAX_VALID_DAYS = 365

EDITABLE = (PostStatus.PENDING, PostStatus.OPEN)
WITHDRAWABLE = (PostStatus.PENDING, PostStatus.OPEN, PostStatus.HIDDEN, PostStatus.EXPIRED)
RENEWABLE = (PostStatus.OPEN, PostStatus.EXPIRED)
HIDEABLE = (PostStatus.PENDING, PostStatus.OPEN)


class BoardError(Exception):
    """A step the rules do not allow; the message is for the user, in Dutch."""


# --- Reading -------------------------------------------------------------------------------


def settings_for(street: StreetPage) -> BoardSettings:
    """The street's board settings; the defaults (unsaved) until a gangmaker changes them."""
    return BoardSettings.objects.filter(street=street).first() or BoardSettings(street=street)


# --- Who may do what -----------------------------------------------------------------------


def can_change(post: HelpPost, user, access) -> bool:
    """The author, or a gangmaker of the street for a neighbour who is not online."""
    if post.street_id != access.street.pk:
        return False
    return post.author_id == user.pk or (access.is_gangmaker and post.author.is_offline)


def author_is_reachable(post: HelpPost) -> bool:
    """False when news about the post must be brought in person (no e-mail address)."""
    return bool(post.author.email) and not post.author.is_offline


def is_new_member(membership: StreetMembership, board_settings: BoardSettings, now=None) -> bool:
    """New: a member for fewer than `new_member_days` days who never had a post on the board."""
    now = now or timezone.now()
    since = membership.decided_at or membership.created_at
    if since <= now - datetime.timedelta(days=board_settings.new_member_days):
        return False
    return not HelpPost.objects.filter(
        street=membership.street_id, author=membership.user_id, opened_at__isnull=False
    ).exists()


def _needs_approval(street: StreetPage, author_membership: StreetMembership, by) -> bool:
    if author_membership.role == MemberRole.GANGMAKER or by.pk != author_membership.user_id:
        # Gangmakers moderate themselves; posting for a neighbour is a gangmaker's act.
        return False
    board_settings = settings_for(street)
    return board_settings.premoderate_new_members and is_new_member(
        author_membership, board_settings
    )


def _membership(street: StreetPage, user) -> StreetMembership | None:
    return StreetMembership.objects.filter(
        street=street, user=user, status=MembershipStatus.APPROVED
    ).first()


# --- Posting and the author's steps ---------------------------------------------------------


def _open(post: HelpPost, now) -> None:
    """Put `post` on the board and announce it once the transaction commits."""
    post.status = PostStatus.OPEN
    post.opened_at = now
    sender, post_id, street_id = type(post), post.pk, post.street_id
    transaction.on_commit(
        lambda: post_opened.send(sender=sender, post_id=post_id, street_id=street_id)
    )


@transaction.atomic
def create_post(post: HelpPost, street: StreetPage, author, by) -> HelpPost:
    """Save a new HelpOffer or HelpRequest (filled in by a form) for `author` in `street`.

    `by` is who posts: the author, or a gangmaker of the street for a neighbour. Street,
    author, poster and status are set here, never taken from the form.
    """
    author_membership = _membership(street, author)
    if author_membership is None:
        raise BoardError(_("Alleen buren van deze straat kunnen op het prikbord plaatsen."))
    if by.pk != author.pk:
        by_membership = _membership(street, by)
        if by_membership is None or by_membership.role != MemberRole.GANGMAKER:
            raise BoardError(_("Alleen een gangmaker kan een bericht voor een buur plaatsen."))
    post.street = street
    post.author = author
    post.posted_by = by if by.pk != author.pk else None
    post.moderation_note = ""
    post.status = PostStatus.PENDING
    post.opened_at = None
    needs_approval = _needs_approval(street, author_membership, by)
    post.save()
    if not needs_approval:
        _open(post, timezone.now())
        post.save(update_fields=["status", "opened_at"])
    return post


def _locked(post: HelpPost) -> HelpPost:
    """The post re-read inside the transaction (locked on PostgreSQL), as its own subclass."""
    base = HelpPost.objects.select_for_update().get(pk=post.pk)
    return type(post).objects.select_related("author", "street").get(pk=base.pk)


@transaction.atomic
def update_post(post: HelpPost, by, access) -> HelpPost:
    """Save the author's edits (already applied to `post` by its form)."""
    current = _locked(post)
    if not can_change(current, by, access):
        raise BoardError(_("Alleen de schrijver kan dit bericht wijzigen."))
    if current.status not in EDITABLE:
        raise BoardError(
            _("Dit bericht staat niet meer op het prikbord en kan niet meer worden gewijzigd.")
        )
    # Status, author and street stay as they are in the database, whatever the form held.
    post.status, post.opened_at = current.status, current.opened_at
    post.street_id, post.author_id, post.posted_by_id = (
        current.street_id,
        current.author_id,
        current.posted_by_id,
    )
    post.moderation_note = current.moderation_note
    post.save()
    return post


@transaction.atomic
def withdraw_post(post: HelpPost, by, access) -> HelpPost:
    """The author takes the post off the board. It is kept, marked withdrawn."""
    current = _locked(post)
    if not can_change(current, by, access):
        raise BoardError(_("Alleen de schrijver kan dit bericht intrekken."))
    if current.status not in WITHDRAWABLE:
        raise BoardError(_("Dit bericht is al ingetrokken of afgerond."))
    current.status = PostStatus.WITHDRAWN
    current.save(update_fields=["status", "updated_at"])
    return current


@transaction.atomic
def renew_post(post: HelpPost, by, access, today: datetime.date | None = None) -> HelpPost:
    """Let an open or expired post stand another RENEW_DAYS days from today."""
    today = today or timezone.localdate()
    current = _locked(post)
    if not can_change(current, by, access):
        raise BoardError(_("Alleen de schrijver kan dit bericht verlengen."))
    if current.status not in RENEWABLE:
        raise BoardError(_("Dit bericht kan niet worden verlengd."))
    current.valid_until = today + datetime.timedelta(days=RENEW_DAYS)
    if current.status == PostStatus.EXPIRED:
        author_membership = _membership(current.street_id, current.author_id)
        if author_membership is None:
            raise BoardError(_("Deze buur is geen lid meer van de straat."))
        if current.opened_at is None and _needs_approval(current.street, author_membership, by):
            # Expired while waiting: it waits again, it does not skip the gangmaker.
            current.status = PostStatus.PENDING
        else:
            _open(current, timezone.now())
    current.save(update_fields=["status", "opened_at", "valid_until", "updated_at"])
    return current


@transaction.atomic
def report_post(post: HelpPost, reporter, reason: str) -> PostReport:
    """A member of the street reports an open post that is not theirs."""
    current = HelpPost.objects.select_for_update().get(pk=post.pk)
    if _membership(current.street_id, reporter) is None:
        raise BoardError(_("Alleen buren van deze straat kunnen een bericht melden."))
    if current.author_id == reporter.pk:
        raise BoardError(_("Uw eigen bericht kunt u wijzigen of intrekken in plaats van melden."))
    if current.status != PostStatus.OPEN:
        raise BoardError(_("Dit bericht staat niet meer op het prikbord."))
    if PostReport.objects.filter(
        post=current, reporter=reporter, status=ReportStatus.OPEN
    ).exists():
        raise BoardError(_("U had dit bericht al gemeld. De gangmakers kijken ernaar."))
    return PostReport.objects.create(post=current, reporter=reporter, reason=reason)


# --- Moderation ----------------------------------------------------------------------------


def _require_gangmaker(street_id: int, by) -> None:
    membership = _membership(street_id, by)
    if membership is None or membership.role != MemberRole.GANGMAKER:
        raise BoardError(_("Alleen de gangmakers van deze straat kunnen modereren."))


def _log(post: HelpPost | None, street_id: int, by, action: str, reason: str = "") -> None:
    ModerationLog.objects.create(
        street_id=street_id, post=post, actor=by, action=action, reason=reason
    )


def _tell_author(post_id: int, template: str) -> None:
    post = HelpPost.objects.select_related("author", "street", "helpoffer", "helprequest").get(
        pk=post_id
    )
    send_to_user(
        post.author,
        f"matching/email/{template}",
        {
            "post": post,
            "street": post.street,
            "board_url": reverse("matching:board", args=[post.street_id]),
        },
    )


def _tell_author_on_commit(post: HelpPost, template: str) -> None:
    post_id = post.pk
    transaction.on_commit(lambda: _tell_author(post_id, template))


@transaction.atomic
def approve_post(post: HelpPost, by, note: str = "") -> HelpPost:
    """A gangmaker lets a waiting post onto the board; the author is told."""
    current = _locked(post)
    _require_gangmaker(current.street_id, by)
    if current.status != PostStatus.PENDING:
        raise BoardError(_("Dit bericht wacht niet (meer) op goedkeuring."))
    _open(current, timezone.now())
    current.save(update_fields=["status", "opened_at", "updated_at"])
    _log(current, current.street_id, by, ModerationAction.APPROVED, note)
    _tell_author_on_commit(current, "post_approved")
    return current


@transaction.atomic
def hide_post(post: HelpPost, by, reason: str) -> HelpPost:
    """A gangmaker takes a post off the board, with a reason the author gets to read."""
    current = _locked(post)
    _require_gangmaker(current.street_id, by)
    if current.status not in HIDEABLE:
        raise BoardError(_("Dit bericht staat niet op het prikbord of wacht niet op goedkeuring."))
    current.status = PostStatus.HIDDEN
    current.moderation_note = reason
    current.save(update_fields=["status", "moderation_note", "updated_at"])
    current.reports.filter(status=ReportStatus.OPEN).update(
        status=ReportStatus.HANDLED, handled_by=by, handled_at=timezone.now()
    )
    _log(current, current.street_id, by, ModerationAction.HIDDEN, reason)
    _tell_author_on_commit(current, "post_hidden")
    return current


@transaction.atomic
def restore_post(post: HelpPost, by, reason: str) -> HelpPost:
    """A gangmaker puts a hidden post back on the board; the author is told."""
    current = _locked(post)
    _require_gangmaker(current.street_id, by)
    if current.status != PostStatus.HIDDEN:
        raise BoardError(_("Dit bericht is niet verborgen."))
    current.moderation_note = reason
    _open(current, timezone.now())
    current.save(update_fields=["status", "opened_at", "moderation_note", "updated_at"])
    _log(current, current.street_id, by, ModerationAction.RESTORED, reason)
    _tell_author_on_commit(current, "post_restored")
    return current


@transaction.atomic
def dismiss_report(report: PostReport, by, reason: str = "") -> PostReport:
    """A gangmaker looked at a report and lets the post stand."""
    current = PostReport.objects.select_for_update().select_related("post").get(pk=report.pk)
    _require_gangmaker(current.post.street_id, by)
    if current.status != ReportStatus.OPEN:
        raise BoardError(_("Deze melding is al afgehandeld."))
    current.status = ReportStatus.DISMISSED
    current.handled_by = by
    current.handled_at = timezone.now()
    current.save(update_fields=["status", "handled_by", "handled_at"])
    _log(current.post, current.post.street_id, by, ModerationAction.REPORT_DISMISSED, reason)
    return current


@transaction.atomic
def change_settings(
    street: StreetPage, by, premoderate_new_members: bool, new_member_days: int
) -> BoardSettings:
    """A gangmaker changes how the board is moderated; the change is logged."""
    _require_gangmaker(street.pk, by)
    board_settings, _created = BoardSettings.objects.select_for_update().get_or_create(
        street=street
    )
    board_settings.premoderate_new_members = premoderate_new_members
    board_settings.new_member_days = new_member_days
    board_settings.full_clean()
    board_settings.save()
    # What changed, as a code: each reader of the log reads it in their own language.
    summary = settings_code(premoderate_new_members, new_member_days)
    _log(None, street.pk, by, ModerationAction.SETTINGS_CHANGED, summary)
    return board_settings


# --- Expiry ----------------------------------------------------------------------------------


def expire_posts(today: datetime.date | None = None) -> int:
    """Mark open and waiting posts whose end date has passed as expired; tell their authors.

    Safe to run twice or in parallel: each post changes state in one conditional UPDATE, and
    only the run that changed it sends the e-mail.
    """
    today = today or timezone.localdate()
    due = HelpPost.objects.filter(
        status__in=(PostStatus.OPEN, PostStatus.PENDING), valid_until__lt=today
    ).values_list("pk", "street_id")
    expired = 0
    for post_id, street_id in list(due):
        with transaction.atomic():
            changed = HelpPost.objects.filter(
                pk=post_id, status__in=(PostStatus.OPEN, PostStatus.PENDING), valid_until__lt=today
            ).update(status=PostStatus.EXPIRED, updated_at=timezone.now())
            if changed:
                expired += 1
                # update() sends no signal: the street's kept pages and board must go.
                page_cache.invalidate(street_id)
                transaction.on_commit(lambda post_id=post_id: _tell_author(post_id, "post_expired"))
    return expired
