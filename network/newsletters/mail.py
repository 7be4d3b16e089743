"""The newsletter's mails: the issue itself, the test to oneself and the confirmation link.

The issue's body is rendered once per send (`render_issue`); each recipient's mail wraps it
with their name and their own unsubscribe link, in their language (`accounts.languages.chosen_or`:
their account's choice, else the language they subscribed in).
Every issue carries the RFC 2369 `List-Unsubscribe` header (the signed https link and a
mailto) and RFC 8058's `List-Unsubscribe-Post: List-Unsubscribe=One-Click`, so a mail program
can unsubscribe with one POST and without logging in.
"""

import re
from email.utils import parseaddr
from urllib.parse import quote, urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags

from accounts.languages import chosen_or

from . import tokens

_RELATIVE = re.compile(r'(\s(?:src|href)=")/(?!/)')
_BLANK_LINES = re.compile(r"\n\s*\n\s*(\n\s*)+")


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL + path


def render_issue(issue) -> tuple[str, str, str]:
    """(subject, HTML body, text body) of an issue as its page reads now."""
    with translation.override(settings.LANGUAGE_CODE):
        html = render_to_string("network/newsletters/email/body.html", {"issue": issue})
    # Images and links inside the body point at the site: a mail needs whole addresses.
    html = _RELATIVE.sub(lambda m: m.group(1) + settings.WAGTAILADMIN_BASE_URL + "/", html)
    text = re.sub(r"</(p|h[1-6]|li|blockquote|figure)>", "\n\n", html)
    text = _BLANK_LINES.sub("\n\n", strip_tags(text)).strip()
    return " ".join(issue.title.split()), html, text


def unsubscribe_url(newsletter_id: int, email: str) -> str:
    token = tokens.unsubscribe_token(newsletter_id, email)
    return absolute(reverse("network:newsletter_unsubscribe", args=[token]))


def build_message(
    *,
    newsletter,
    issue,
    subject,
    body_html,
    body_text,
    email,
    name,
    user,
    language=None,
    message_id=None,
) -> EmailMultiAlternatives:
    """One recipient's mail of an issue, with the unsubscribe headers."""
    link = unsubscribe_url(newsletter.pk, email)
    context = {
        "newsletter": newsletter,
        "issue": issue,
        "body_html": body_html,
        "body_text": body_text,
        "name": name,
        "unsubscribe_url": link,
        "web_url": issue.get_full_url()
        or absolute(reverse("network:newsletter_print", args=[issue.pk])),
    }
    language = chosen_or(user, language)
    with translation.override(language):
        html = render_to_string("network/newsletters/email/issue.html", context)
        text = render_to_string("network/newsletters/email/issue.txt", context)
    _name, from_address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    headers = {
        "List-Unsubscribe": (
            f"<{link}>, <mailto:{from_address}?subject={quote('afmelden ' + email)}>"
        ),
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        "List-Id": f"<nieuwsbrief-{newsletter.pk}.{_host()}>",
        "Precedence": "bulk",
        "Content-Language": language,
        "Auto-Submitted": "auto-generated",
    }
    if message_id:
        headers["Message-ID"] = message_id
    message = EmailMultiAlternatives(
        subject, text, settings.DEFAULT_FROM_EMAIL, [email], headers=headers
    )
    message.attach_alternative(html, "text/html")
    return message


def _host() -> str:
    return urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"


def test_message(issue, user) -> EmailMultiAlternatives:
    """The issue as it reads now, to the editor who asked, marked as a test."""
    subject, html, text = render_issue(issue)
    return build_message(
        newsletter=issue.newsletter,
        issue=issue,
        subject=f"[TEST] {subject}",
        body_html=html,
        body_text=text,
        email=user.email,
        name=user.first_name,
        user=user,
    )


def preview_html(issue, user) -> str:
    """The HTML of the mail as the preview in the admin shows it."""
    message = test_message(issue, user) if user.email else None
    if message is None:
        subject, html, _text = render_issue(issue)
        return html
    return message.alternatives[0].content


def confirmation_message(subscriber) -> EmailMultiAlternatives:
    """The double opt-in mail: a link to confirm, valid for a week."""
    link = absolute(reverse("network:newsletter_confirm", args=[tokens.confirm_token(subscriber)]))
    context = {"newsletter": subscriber.newsletter, "name": subscriber.name, "link": link}
    language = chosen_or(subscriber.user, subscriber.language)
    with translation.override(language):
        subject = " ".join(
            render_to_string("network/newsletters/email/confirm_subject.txt", context).split()
        )
        text = render_to_string("network/newsletters/email/confirm.txt", context)
        html = render_to_string("network/newsletters/email/confirm.html", context)
    message = EmailMultiAlternatives(
        subject,
        text,
        settings.DEFAULT_FROM_EMAIL,
        [subscriber.email],
        headers={"Auto-Submitted": "auto-generated", "Content-Language": language},
    )
    message.attach_alternative(html, "text/html")
    return message
