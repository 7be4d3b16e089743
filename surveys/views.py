"""The survey's pages. Thin: permissions from streets.permissions, rules in services.py.

Who sees what: the street's gangmakers manage the survey and read every answer; a member
answers online and sees, exports or erases their own answer; anyone with the secret link
answers without an account; welzijn staff of the wijk and coordinators see figures only.
"""

import json

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from matching.choices import Dagdeel
from streets.models import NeighbourhoodPage, StreetPage
from streets.permissions import (
    GANGMAKER,
    MEMBER,
    is_coordinator_of,
    is_welzijn_of,
    street_access,
    street_view,
)

from .choices import AnswerChannel, DraftStatus, QuestionKind, SurveyStatus, availability_choices
from .forms import (
    ConfirmDraftsForm,
    NewQuestionForm,
    PublicSurveyAnswerForm,
    QuestionFormSet,
    SurveyAnswerForm,
    SurveySettingsForm,
    question_field,
)
from .models import Survey, SurveyResponse
from .services import (
    SurveyError,
    add_open_question,
    answer_rows,
    close_survey,
    confirm_drafts,
    discard_drafts,
    erase_response,
    export_response,
    save_response,
    start_survey,
    survey_figures,
    survey_results,
)


def _survey(access, survey_id) -> Survey:
    """A survey of this street; another street's survey id is a 404."""
    return get_object_or_404(Survey, pk=survey_id, street=access.street)


def _to_index(access):
    return redirect("surveys:index", street_id=access.street.pk)


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
            return _to_index(access)
        messages.success(
            request, _("De enquête is gestart. Pas de vragen aan of deel hem meteen met de buren.")
        )
        return redirect("surveys:edit", street_id=access.street.pk, survey_id=survey.pk)
    return render(request, "surveys/start.html", {"street": access.street})


@never_cache
@street_view(GANGMAKER)
def edit(request, access, survey_id):
    """Reword, reorder, switch off questions, and add the street's own open questions."""
    survey = _survey(access, survey_id)
    if not survey.is_open:
        messages.error(request, _("Een gesloten enquête kan niet meer worden aangepast."))
        return _to_index(access)
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
    survey = _survey(access, survey_id)
    if request.method == "POST":
        try:
            close_survey(survey)
        except SurveyError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("De enquête is gesloten."))
        return _to_index(access)
    return render(request, "surveys/close.html", {"street": access.street, "survey": survey})


def _save_from_form(form, survey, channel, **extra) -> SurveyResponse:
    data = form.cleaned_data
    membership = data.get("person")
    fields = {
        "consent": data["consent"],
        "name": data.get("name", ""),
        "house_number": data.get("house_number", "")
        or (membership.house_number if membership else ""),
        "contact_detail": data.get("contact_detail", ""),
    }
    return save_response(survey, channel, form.answers(), **{**fields, **extra})


@never_cache
@street_view(MEMBER)
def answer(request, access, survey_id):
    """A member fills in (or changes) their answer online."""
    survey = _survey(access, survey_id)
    if not survey.is_open:
        messages.error(request, _("Deze enquête is gesloten."))
        return _to_index(access)
    own = SurveyResponse.objects.filter(survey=survey, person=request.user).first()
    form = SurveyAnswerForm(
        request.POST or None, survey=survey, channel=AnswerChannel.ONLINE, instance=own
    )
    if request.method == "POST" and form.is_valid():
        try:
            response = _save_from_form(
                form,
                survey,
                AnswerChannel.ONLINE,
                person=request.user,
                house_number=access.membership.house_number,
                instance=own,
            )
        except SurveyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Bedankt voor uw antwoord!"))
            if response.drafts.filter(status=DraftStatus.PENDING).exists():
                messages.info(
                    request,
                    _("Kijk uw aanbod en hulpvragen na en zet ze op het prikbord als het klopt."),
                )
            return redirect("surveys:mine", street_id=access.street.pk, survey_id=survey.pk)
    context = {"street": access.street, "survey": survey, "form": form, "channel": "online"}
    return render(request, "surveys/answer.html", context)


@never_cache
@street_view(GANGMAKER)
def paper(request, access, survey_id):
    """A gangmaker types in an answer given on paper, on behalf of the neighbour."""
    survey = _survey(access, survey_id)
    if not survey.is_open:
        messages.error(request, _("Deze enquête is gesloten."))
        return _to_index(access)
    form = SurveyAnswerForm(request.POST or None, survey=survey, channel=AnswerChannel.PAPER)
    if request.method == "POST" and form.is_valid():
        membership = form.cleaned_data.get("person")
        try:
            response = _save_from_form(
                form,
                survey,
                AnswerChannel.PAPER,
                person=membership.user if membership else None,
                entered_by=request.user,
            )
        except SurveyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Het papieren antwoord is ingevoerd."))
            return redirect(
                "surveys:response",
                street_id=access.street.pk,
                survey_id=survey.pk,
                response_id=response.pk,
            )
    context = {"street": access.street, "survey": survey, "form": form, "channel": "paper"}
    return render(request, "surveys/answer.html", context)


@never_cache
def public_answer(request, token):
    """An anonymous neighbour answers through the secret link or the QR code."""
    survey = get_object_or_404(
        Survey.objects.select_related("street"), token=token, street__live=True
    )
    if not survey.is_open:
        return render(request, "surveys/public_closed.html", {"survey": survey}, status=410)
    form = PublicSurveyAnswerForm(request.POST or None, survey=survey, channel=AnswerChannel.LINK)
    if request.method == "POST" and form.is_valid():
        try:
            _save_from_form(form, survey, AnswerChannel.LINK)
        except SurveyError as error:
            form.add_error(None, str(error))
        else:
            return render(request, "surveys/public_thanks.html", {"survey": survey})
    context = {"street": survey.street, "survey": survey, "form": form, "channel": "link"}
    return render(request, "surveys/answer.html", context)


def paper_question(question) -> dict:
    """How a question looks on paper: boxes to tick, a day × dagdeel grid, or lines to write on."""
    item = {"question": question}
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
    """The A4 paper version, from the same questions, with the QR code of the secret link."""
    survey = _survey(access, survey_id)
    link = request.build_absolute_uri(reverse("surveys:public_answer", args=[survey.token]))
    # segno writes the SVG itself from the URL; nothing user-typed goes into the markup.
    qr_svg = mark_safe(segno.make(link, error="m").svg_inline(scale=4, title=_("QR-code")))  # noqa: S308
    context = {
        "street": access.street,
        "survey": survey,
        "questions": [paper_question(q) for q in survey.active_questions()],
        "link": link,
        "qr_svg": qr_svg,
        "gangmakers": access.street.gangmaker_memberships(),
    }
    return render(request, "surveys/print.html", context)


@never_cache
@street_view(GANGMAKER)
def results(request, access, survey_id):
    """The gangmakers' results: counts, who can help and who needs help, free text."""
    survey = _survey(access, survey_id)
    context = {
        "street": access.street,
        "survey": survey,
        "results": survey_results(survey),
        "responses": survey.responses.select_related("person").prefetch_related("drafts"),
    }
    return render(request, "surveys/results.html", context)


def _drafts_context(response, ask_person, data=None):
    pending = response.drafts.filter(status=DraftStatus.PENDING)
    form = ConfirmDraftsForm(data, response=response, pending=pending, ask_person=ask_person)
    return form, pending


def _handle_drafts(request, response, ask_person, redirect_to):
    """Post the chosen drafts on the board, or turn them down."""
    form, _pending = _drafts_context(response, ask_person, request.POST)
    if not form.is_valid():
        return form
    drafts = form.cleaned_data["drafts"]
    if request.POST.get("action") == "discard":
        count = discard_drafts(response, drafts, request.user)
        messages.success(request, _("%(count)s niet geplaatst.") % {"count": count})
        return redirect_to
    membership = form.cleaned_data.get("person")
    try:
        count = confirm_drafts(
            response, drafts, request.user, person=membership.user if membership else None
        )
    except SurveyError as error:
        form.add_error(None, str(error))
        return form
    messages.success(request, _("%(count)s op het prikbord gezet.") % {"count": count})
    return redirect_to


@never_cache
@street_view(MEMBER)
def mine(request, access, survey_id):
    """A member's own answer: read it, confirm its drafts for the board, export or erase it."""
    survey = _survey(access, survey_id)
    response = get_object_or_404(SurveyResponse, survey=survey, person=request.user)
    # Only answers the member gave online are theirs to confirm; paper ones go via the gangmaker.
    can_confirm = response.channel == AnswerChannel.ONLINE
    form = None
    if can_confirm:
        form, _pending = _drafts_context(response, ask_person=False)
        if request.method == "POST":
            outcome = _handle_drafts(
                request,
                response,
                False,
                redirect("surveys:mine", street_id=access.street.pk, survey_id=survey.pk),
            )
            if not isinstance(outcome, ConfirmDraftsForm):
                return outcome
            form = outcome
    elif request.method == "POST":
        raise PermissionDenied
    context = {
        "street": access.street,
        "survey": survey,
        "response": response,
        "rows": answer_rows(response),
        "drafts": response.drafts.all(),
        "form": form,
    }
    return render(request, "surveys/mine.html", context)


def _json_download(response: SurveyResponse) -> HttpResponse:
    data = export_response(response)
    download = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    filename = slugify(f"enquete-{response.survey.street.title}-{response.pk}")
    download["Content-Disposition"] = f'attachment; filename="{filename}.json"'
    return download


@never_cache
@street_view(MEMBER)
def mine_export(request, access, survey_id):
    survey = _survey(access, survey_id)
    return _json_download(get_object_or_404(SurveyResponse, survey=survey, person=request.user))


@never_cache
@street_view(MEMBER)
def mine_delete(request, access, survey_id):
    """A member erases their own answer, after a confirmation."""
    survey = _survey(access, survey_id)
    response = get_object_or_404(SurveyResponse, survey=survey, person=request.user)
    if request.method == "POST":
        erase_response(response)
        messages.success(request, _("Uw antwoord is verwijderd."))
        return _to_index(access)
    context = {"street": access.street, "survey": survey, "response": response, "own": True}
    return render(request, "surveys/response_delete.html", context)


def _street_response(access, survey_id, response_id):
    survey = _survey(access, survey_id)
    return get_object_or_404(
        SurveyResponse.objects.select_related("person", "entered_by", "survey"),
        pk=response_id,
        survey=survey,
    )


@never_cache
@street_view(GANGMAKER)
def response_detail(request, access, survey_id, response_id):
    """One answer for the gangmakers; they confirm drafts of paper and link answers."""
    response = _street_response(access, survey_id, response_id)
    survey = response.survey
    # A member who answered online confirms their own drafts; the gangmaker does the rest.
    can_confirm = response.channel != AnswerChannel.ONLINE
    ask_person = response.person_id is None
    form = None
    if can_confirm:
        form, _pending = _drafts_context(response, ask_person)
        if request.method == "POST":
            outcome = _handle_drafts(
                request,
                response,
                ask_person,
                redirect(
                    "surveys:response",
                    street_id=access.street.pk,
                    survey_id=survey.pk,
                    response_id=response.pk,
                ),
            )
            if not isinstance(outcome, ConfirmDraftsForm):
                return outcome
            form = outcome
    elif request.method == "POST":
        raise PermissionDenied
    context = {
        "street": access.street,
        "survey": survey,
        "response": response,
        "rows": answer_rows(response),
        "drafts": response.drafts.all(),
        "form": form,
    }
    return render(request, "surveys/response_detail.html", context)


@never_cache
@street_view(GANGMAKER)
def response_export(request, access, survey_id, response_id):
    """The answer of one person, for a neighbour who asks the gangmaker what is stored."""
    return _json_download(_street_response(access, survey_id, response_id))


@never_cache
@street_view(GANGMAKER)
def response_delete(request, access, survey_id, response_id):
    """Erase one answer (a neighbour asked for it), after a confirmation."""
    response = _street_response(access, survey_id, response_id)
    if request.method == "POST":
        erase_response(response)
        messages.success(request, _("Het antwoord is verwijderd."))
        return redirect("surveys:results", street_id=access.street.pk, survey_id=survey_id)
    context = {"street": access.street, "survey": response.survey, "response": response}
    return render(request, "surveys/response_delete.html", context)


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
