"""The one way the site e-mails a person: a plain-text and HTML message from templates, in the
recipient's language (accounts.languages.language_of: theirs, else Dutch), whoever sent it.

Neighbours who are not online have no address; for them `send_to_user` sends nothing and
returns False, and the caller's screen tells the gangmaker to pass the news on in person.

When the mail server cannot be reached, `send_to_user` logs it and returns False: most mail is
sent right after a request's commit, and an unreachable server must not turn a saved change
into an error page. Callers that keep an outbox (matching's notifications) pass
`fail_silently=False`, catch `MAIL_ERRORS` and try again later.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation

from .languages import is_rtl, language_of

logger = logging.getLogger(__name__)

# smtplib's errors and socket errors (refused, unreachable, timed out) are all OSErrors.
MAIL_ERRORS = (OSError,)


def send_to_user(user, template_base: str, context: dict, *, fail_silently: bool = True) -> bool:
    """Render `<template_base>_subject.txt`, `.txt` and `.html` and send them to `user`."""
    if not user.email or not user.is_active:
        return False
    context = {"user": user, "site_url": settings.WAGTAILADMIN_BASE_URL, **context}
    language = language_of(user)
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template_base}_subject.txt", context).split())
        text = render_to_string(f"{template_base}.txt", context)
        html = render_to_string(f"{template_base}.html", context)
    # The HTML part declares its language and direction (Arabic reads right to left).
    direction = "rtl" if is_rtl(language) else "ltr"
    html = f'<div lang="{language}" dir="{direction}">{html}</div>'
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [user.email])
    message.extra_headers["Content-Language"] = language
    message.attach_alternative(html, "text/html")
    try:
        message.send()
    except MAIL_ERRORS as error:
        # The error's text can quote the recipient: log its class only (privacy).
        logger.warning(
            "mail %s to user %s not sent: %s", template_base, user.pk, type(error).__name__
        )
        if not fail_silently:
            raise
        return False
    # Log the template and the user id, never the address or the text (privacy).
    logger.info("mail %s sent to user %s", template_base, user.pk)
    return True
