"""Signed links in the newsletter's mails: they work without logging in.

The confirmation link (double opt-in) names the subscriber row and its address and expires
after a week. The unsubscribe link names the newsletter and the address and never expires:
it must still work in a mail from years ago. Both are signed with the site's secret key and
their own salt, so one cannot be used as the other and nobody can make one for an address.
"""

from django.core import signing

CONFIRM_SALT = "network.newsletters.confirm"
UNSUBSCRIBE_SALT = "network.newsletters.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60


def confirm_token(subscriber) -> str:
    return signing.dumps([subscriber.pk, subscriber.email], salt=CONFIRM_SALT, compress=True)


def read_confirm_token(token: str) -> tuple[int, str] | None:
    """(subscriber id, address), or None for a link that was altered or is too old."""
    try:
        pk, email = signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(pk, int) or not isinstance(email, str):
        return None
    return pk, email


def unsubscribe_token(newsletter_id: int, email: str) -> str:
    return signing.dumps([newsletter_id, email.lower()], salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> tuple[int, str] | None:
    """(newsletter id, address), or None for a link that was altered."""
    try:
        newsletter_id, email = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(newsletter_id, int) or not isinstance(email, str):
        return None
    return newsletter_id, email
