"""The survey's part of a person's data rights: registered with accounts.privacy in
SurveysConfig.ready(), so "download my data" and "delete my account" include survey answers.
"""

from django.db.models import Q

from .choices import DraftStatus
from .models import DraftPost, SurveyResponse
from .services import export_response


def export(user) -> list[dict]:
    """Every survey answer about the person, as they would read it."""
    responses = SurveyResponse.objects.filter(person=user).select_related("survey__street")
    return [export_response(response) for response in responses]


def erase(user, identity) -> None:
    """The person's answers go, with their drafts. Link and paper answers that name them
    without being linked to their account lose the name, contact detail and consent; what
    was answered about help stays, anonymous, in the street's counts."""
    SurveyResponse.objects.filter(person=user).delete()
    names = Q()
    if " " in identity.full_name:
        names |= Q(name__iexact=identity.full_name)
    if identity.email:
        names |= Q(contact_detail__iexact=identity.email)
    if names:
        naming = SurveyResponse.objects.filter(person__isnull=True).filter(names)
        # Without a name nobody can say whose these are, so they can no longer be posted.
        DraftPost.objects.filter(response__in=naming, status=DraftStatus.PENDING).delete()
        naming.update(name="", contact_detail="", consent=False)
