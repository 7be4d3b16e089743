"""The effect questionnaire's part of a person's data rights (registered in EffectsConfig)."""

from .models import EffectResponse
from .services import export_response


def export(user) -> list[dict]:
    responses = EffectResponse.objects.filter(person=user).select_related("round__street")
    return [export_response(response) for response in responses]


def erase(user, identity) -> None:
    """A member's answers go. Link and paper answers carry no name, so nothing else points at
    the person."""
    EffectResponse.objects.filter(person=user).delete()
