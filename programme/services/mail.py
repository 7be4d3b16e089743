"""Mail to people who have no account (yet): applicants and candidate gangmakers.

`accounts.mail.send_to_user` is the one way the site sends mail; it needs only an address,
a first name, an id for the log and whether the person is active. An applicant is that.
"""

from dataclasses import dataclass

from accounts.mail import send_to_user
from streets.models import CoordinatorAssignment


@dataclass(frozen=True)
class Recipient:
    email: str
    first_name: str
    # The log names the template and this id, never the address.
    pk: str = "aanmelder"
    is_active: bool = True


def send_to_address(email: str, name: str, template_base: str, context: dict) -> bool:
    if not email:
        return False
    first_name = name.split()[0] if name.split() else ""
    return send_to_user(Recipient(email=email, first_name=first_name), template_base, context)


def tell_coordinators(municipality, template_base: str, context: dict) -> int:
    sent = 0
    for assignment in CoordinatorAssignment.objects.filter(
        municipality=municipality
    ).select_related("user"):
        sent += send_to_user(assignment.user, template_base, context)
    return sent
