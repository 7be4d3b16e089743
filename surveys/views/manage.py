"""The gangmakers' side: start, adjust, print and close a survey, read results; figures for
welzijn staff and coordinators.
"""

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from accounts.languages import print_language
from streets.models import NeighbourhoodPage, StreetPage
from streets.permissions import (
    GANGMAKER,
    MEMBER,
    is_coordinator_of,
    is_welzijn_of,
    street_access,
    street_view,
)
from streets.vocabulary import Dagdeel

from .. import blueprint
from ..choices import QuestionKind, SurveyStatus, availability_choices
from ..forms import (
    NewQuestionForm,
    QuestionFormSet,
    SurveySettingsForm,
    question_field,
)
from ..models import Survey, SurveyResponse
from ..services import (
    SurveyError,
    add_open_question,
    close_survey,
    start_survey,
    survey_figures,
    survey_results,
)
from .common import survey_of_street, to_index


@never_cache
@street_view(MEMBER)
def index(request, access):
    """The street's survey: answer it (members), or start, run and read it (gangmakers)."""
    street = access.street
    surveys = (
        list(street.surveys.annotate(response_count=Count("responses")))
        if access.is_gangmaker
        else []
    )
    open_survey = street.surveys.filter(status=SurveyStatus.OPEN).first()
    own = (
        SurveyResponse.objects.filter(survey=open_survey, person=request.user).first()
        if open_survey
        else None
    )
    context = {
        "street": street,
        "access": access,
        "surveys": surveys,
        "open_survey": open_survey,
        "own": own,
    }
    return render(request, "surveys/index.html", context)


@never_cache
@street_view(GANGMAKER)
def start(request, access):
    """Start the ready template survey, after a confirmation."""
    if request.method == "POST":
        try:
            survey = start_survey(access.street, request.user)
        except SurveyError as error:
            messages.error(request, str(error))
            return to_index(access)
        messages.success(
            request, _("De enquête is gestart. Pas de vragen aan of deel hem meteen met de buren.")
        )
        return redirect("surveys:edit", street_id=access.street.pk, survey_id=survey.pk)
    return render(request, "surveys/start.html", {"street": access.street})


@never_cache
@street_view(GANGMAKER)
def edit(request, access, survey_id):
    """Reword, reorder, switch off questions, and add the street's own open questions."""
    survey = survey_of_street(access, survey_id)
    if not survey.is_open:
        messages.error(request, _("Een gesloten enquête kan niet meer worden aangepast."))
        return to_index(access)
    adding = request.method == "POST" and "add_question" in request.POST
    saving = request.method == "POST" and not adding
    settings_form = SurveySettingsForm(request.POST if saving else None, instance=survey)
    formset = QuestionFormSet(
        request.POST if saving else None, queryset=survey.questions.all(), prefix="vragen"
    )
    new_question = NewQuestionForm(request.POST if adding else None, prefix="nieuw")
    if saving and settings_form.is_valid() and formset.is_valid():
        with transaction.atomic():
            settings_form.save()
            formset.save()
        messages.success(request, _("De enquête is opgeslagen."))
        return redirect("surveys:edit", street_id=access.street.pk, survey_id=survey.pk)
    if adding and new_question.is_valid():
        add_open_question(survey, **new_question.cleaned_data)
        messages.success(request, _("De vraag is toegevoegd, onderaan de lijst."))
        return redirect("surveys:edit", street_id=access.street.pk, survey_id=survey.pk)
    context = {
        "street": access.street,
        "survey": survey,
        "settings_form": settings_form,
        "formset": formset,
        "new_question": new_question,
    }
    return render(request, "surveys/edit.html", context)


@never_cache
@street_view(GANGMAKER)
def close(request, access, survey_id):
    """Close the survey after a confirmation: no more answers, the retention period starts."""
    survey = survey_of_street(access, survey_id)
    if request.method == "POST":
        try:
            close_survey(survey)
        except SurveyError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("De enquête is gesloten."))
        return to_index(access)
    return render(request, "surveys/close.html", {"street": access.street, "survey": survey})


def paper_question(question, ready_texts: dict[str, str] | None = None) -> dict:
    """How a question looks on paper: boxes to tick, a day × dagdeel grid, or lines to write on.

    With `ready_texts` (blueprint.ready_texts_in_active_language), a question kept as the ready
    survey asked it is shown in the sheet's language; `as_written` marks one the street wrote."""
    ready_texts = ready_texts or {}
    item = {
        "question": question,
        "label": ready_texts.get(question.label, question.label),
        "help_text": ready_texts.get(question.help_text, question.help_text),
        "as_written": question.label not in ready_texts,
    }
    if question.kind == QuestionKind.AVAILABILITY:
        item["dagdelen"] = Dagdeel.labels
        item["grid"] = [(label, slots) for label, slots in availability_choices()]
    elif question.kind == QuestionKind.LANGUAGES:
        item["lines"] = range(1)
    elif question.kind == QuestionKind.TEXT:
        item["lines"] = range(3)
    else:
        item["options"] = question_field(question).choices
    return item


@never_cache
@street_view(GANGMAKER)
def print_version(request, access, survey_id):
    """The A4 paper version, from the same questions, with the QR code of the secret link.

    `?taal=tr` prints it in Turkish for the neighbours who read that better (the gangmaker's
    own language otherwise): the questions the street kept as they came are translated too."""
    survey = survey_of_street(access, survey_id)
    link = request.build_absolute_uri(reverse("surveys:public_answer", args=[survey.token]))
    with translation.override(print_language(request)):
        # segno writes the SVG itself from the URL; nothing user-typed goes into the markup.
        qr_svg = mark_safe(  # noqa: S308
            segno.make(link, error="m").svg_inline(omitsize=True, title=_("QR-code"))
        )
        ready_texts = blueprint.ready_texts_in_active_language()
        context = {
            "street": access.street,
            "survey": survey,
            "title": ready_texts.get(survey.title, survey.title),
            "intro": ready_texts.get(survey.intro, survey.intro),
            "questions": [paper_question(q, ready_texts) for q in survey.active_questions()],
            "link": link,
            "qr_svg": qr_svg,
            "gangmakers": access.street.gangmaker_memberships(),
        }
        return render(request, "surveys/print.html", context)


@never_cache
@street_view(GANGMAKER)
def results(request, access, survey_id):
    """The gangmakers' results: counts, who can help and who needs help, free text."""
    survey = survey_of_street(access, survey_id)
    context = {
        "street": access.street,
        "survey": survey,
        "results": survey_results(survey),
        "responses": survey.responses.select_related("person").prefetch_related("drafts"),
    }
    return render(request, "surveys/results.html", context)


def _may_see_figures(user, street) -> bool:
    access = street_access(user, street)
    return access.is_gangmaker or access.is_coordinator or access.is_welzijn


@never_cache
@login_required
def figures(request, street_id, survey_id):
    """Aggregates without names or free text, small counts suppressed (welzijn, coordinators)."""
    street = get_object_or_404(StreetPage.objects.live(), pk=street_id)
    if not _may_see_figures(request.user, street):
        raise PermissionDenied
    survey = get_object_or_404(Survey, pk=survey_id, street=street)
    context = {"street": street, "survey": survey, "figures": survey_figures(survey)}
    return render(request, "surveys/figures.html", context)


@never_cache
@login_required
def wijk_surveys(request, wijk_id):
    """The surveys of a wijk's streets, for its welzijn staff and the coordinators."""
    wijk = get_object_or_404(NeighbourhoodPage.objects.live(), pk=wijk_id)
    if not (is_welzijn_of(request.user, wijk) or is_coordinator_of(request.user, wijk)):
        raise PermissionDenied
    streets = StreetPage.objects.child_of(wijk).live()
    surveys = (
        Survey.objects.filter(street__in=streets).select_related("street").order_by("street__title")
    )
    return render(request, "surveys/wijk.html", {"wijk": wijk, "surveys": surveys})
