"""Mail to people who have no account (yet): applicants and candidate gangmakers.

`accounts.mail.send_to_user` is the one way the site sends mail; it needs only an address,
a first name, a language, an id for the log and whether the person is active. An applicant
is that. The language is the one the site was in when they applied, unless the address
belongs to an account that chose its own: a person's account speaks for them.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model

from accounts.languages import chosen_or
from accounts.mail import send_to_user
from streets.models import CoordinatorAssignment


@dataclass(frozen=True)
class Recipient:
    email: str
    first_name: str
    language: str = settings.LANGUAGE_CODE
    # The log names the template and this id, never the address.
    pk: str = "aanmelder"
    is_active: bool = True


def language_for_address(email: str, language: str | None) -> str:
    """The language to write to `email` in: its account's choice if it has one, else
    `language` (the one they used on the site), else Dutch."""
    account = get_user_model().objects.filter(email__iexact=email).first() if email else None
    return chosen_or(account, language)


def send_to_address(
    email: str, name: str, template_base: str, context: dict, *, language: str | None = None
) -> bool:
    if not email:
        return False
    first_name = name.split()[0] if name.split() else ""
    recipient = Recipient(
        email=email, first_name=first_name, language=language_for_address(email, language)
    )
    return send_to_user(recipient, template_base, context)


def send_to_applicant(applicant, template_base: str, context: dict) -> bool:
    """Mail an applicant (a programme.models.Applicant) in their language."""
    return send_to_address(
        applicant.email, applicant.name, template_base, context, language=applicant.language
    )


def tell_coordinators(municipality, template_base: str, context: dict) -> int:
    sent = 0
    for assignment in CoordinatorAssignment.objects.filter(
        municipality=municipality
    ).select_related("user"):
        sent += send_to_user(assignment.user, template_base, context)
    return sent
