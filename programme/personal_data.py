"""The programme's part of a person's data rights: street applications made with their e-mail
address, candidacies as gangmaker, requests to become gangmaker, and the coordinator's notes of
calls with them as gangmaker of a quiet street.
Registered with accounts.privacy in ProgrammeConfig.ready().
"""

from .models import Applicant, GangmakerCandidate, GangmakerRequest, StreetFollowUp


def _by_email(model, user):
    if not user.email:
        return model.objects.none()
    return model.objects.filter(email__iexact=user.email)


def export(user) -> dict:
    return {
        "straat_aangemeld": list(
            _by_email(Applicant, user).values(
                "application__street_name", "name", "email", "phone", "house_number", "created_at"
            )
        ),
        "kandidaat_gangmaker": list(
            (_by_email(GangmakerCandidate, user) | GangmakerCandidate.objects.filter(user=user))
            .distinct()
            .values("application__street_name", "name", "email", "phone", "house_number")
        ),
        "gangmaker_worden": list(
            GangmakerRequest.objects.filter(membership__user=user).values(
                "membership__street__title", "motivation", "status", "created_at", "decided_at"
            )
        ),
        "gesprekken_stille_straat": list(
            StreetFollowUp.objects.filter(gangmaker=user).values(
                "street__title", "called_on", "contact_name", "outcome", "note"
            )
        ),
    }


def erase(user, identity) -> None:
    """The applications stay (the street's history); this person's name and contact go."""
    for model in (Applicant, GangmakerCandidate):
        _by_email(model, user).update(name="(verwijderd)", email="", phone="-")
    GangmakerCandidate.objects.filter(user=user).update(
        name="(verwijderd)", email="", phone="-", user=None
    )
    GangmakerRequest.objects.filter(membership__user=user).update(motivation="")
    # The call stays in the street's log, without who it was with.
    StreetFollowUp.objects.filter(gangmaker=user).update(
        gangmaker=None, contact_name="(verwijderd)", note=""
    )
