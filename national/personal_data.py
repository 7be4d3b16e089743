"""The national layer's part of a person's data rights: interest forms sent with their e-mail
address. Registered with accounts.privacy in NationalConfig.ready()."""

from .models import InterestSubmission


def _by_email(user):
    if not user.email:
        return InterestSubmission.objects.none()
    return InterestSubmission.objects.filter(email__iexact=user.email)


def export(user) -> dict:
    return {
        "belangstelling_gemeente": list(
            _by_email(user).values(
                "name", "organisation", "email", "phone", "message", "created_at"
            )
        )
    }


def erase(user, identity) -> None:
    _by_email(user).delete()
