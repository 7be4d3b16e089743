"""What every survey page shares."""

from django.shortcuts import get_object_or_404, redirect

from ..models import Survey


def survey_of_street(access, survey_id) -> Survey:
    """A survey of this street; another street's survey id is a 404."""
    return get_object_or_404(Survey, pk=survey_id, street=access.street)


def to_index(access):
    return redirect("surveys:index", street_id=access.street.pk)
