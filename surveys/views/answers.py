"""Answers: online by a member, through the secret link, on paper by a gangmaker; one answer's
page with its drafts for the board, export and erasure.
"""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from streets.permissions import (
    GANGMAKER,
    MEMBER,
    street_view,
)

from ..choices import AnswerChannel, DraftStatus
from ..forms import (
    ConfirmDraftsForm,
    PublicSurveyAnswerForm,
    SurveyAnswerForm,
)
from ..models import Survey, SurveyResponse
from ..services import (
    SurveyError,
    answer_rows,
    confirm_drafts,
    discard_drafts,
    erase_response,
    export_response,
    save_response,
)
from .common import survey_of_street, to_index


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
    survey = survey_of_street(access, survey_id)
    if not survey.is_open:
        messages.error(request, _("Deze enquête is gesloten."))
        return to_index(access)
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
    context = {
        "street": access.street,
        "survey": survey,
        "form": form,
        "channel": AnswerChannel.ONLINE,
    }
    return render(request, "surveys/answer.html", context)


@never_cache
@street_view(GANGMAKER)
def paper(request, access, survey_id):
    """A gangmaker types in an answer given on paper, on behalf of the neighbour."""
    survey = survey_of_street(access, survey_id)
    if not survey.is_open:
        messages.error(request, _("Deze enquête is gesloten."))
        return to_index(access)
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
    context = {
        "street": access.street,
        "survey": survey,
        "form": form,
        "channel": AnswerChannel.PAPER,
    }
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
    context = {
        "street": survey.street,
        "survey": survey,
        "form": form,
        "channel": AnswerChannel.LINK,
    }
    return render(request, "surveys/answer.html", context)


def _drafts_form(request, response, ask_person: bool) -> ConfirmDraftsForm:
    pending = response.drafts.filter(status=DraftStatus.PENDING)
    data = request.POST if request.method == "POST" else None
    return ConfirmDraftsForm(data, response=response, pending=pending, ask_person=ask_person)


def _act_on_drafts(request, form: ConfirmDraftsForm, response) -> bool:
    """Post the chosen drafts on the board, or turn them down; False leaves errors on the form."""
    if not form.is_valid():
        return False
    drafts = form.cleaned_data["drafts"]
    if request.POST.get("action") == "discard":
        count = discard_drafts(response, drafts, request.user)
        messages.success(
            request,
            ngettext(
                "%(count)s concept wordt niet geplaatst.",
                "%(count)s concepten worden niet geplaatst.",
                count,
            )
            % {"count": count},
        )
        return True
    membership = form.cleaned_data.get("person")
    try:
        count = confirm_drafts(
            response, drafts, request.user, person=membership.user if membership else None
        )
    except SurveyError as error:
        form.add_error(None, str(error))
        return False
    messages.success(
        request,
        ngettext(
            "%(count)s bericht is naar het prikbord gestuurd.",
            "%(count)s berichten zijn naar het prikbord gestuurd.",
            count,
        )
        % {"count": count},
    )
    return True


@never_cache
@street_view(MEMBER)
def mine(request, access, survey_id):
    """A member's own answer: read it, confirm its drafts for the board, export or erase it."""
    survey = survey_of_street(access, survey_id)
    response = get_object_or_404(SurveyResponse, survey=survey, person=request.user)
    # Only answers the member gave online are theirs to confirm; paper ones go via the gangmaker.
    form = (
        _drafts_form(request, response, ask_person=False)
        if response.channel == AnswerChannel.ONLINE
        else None
    )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if _act_on_drafts(request, form, response):
            return redirect("surveys:mine", street_id=access.street.pk, survey_id=survey.pk)
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
    survey = survey_of_street(access, survey_id)
    return _json_download(get_object_or_404(SurveyResponse, survey=survey, person=request.user))


@never_cache
@street_view(MEMBER)
def mine_delete(request, access, survey_id):
    """A member erases their own answer, after a confirmation."""
    survey = survey_of_street(access, survey_id)
    response = get_object_or_404(SurveyResponse, survey=survey, person=request.user)
    if request.method == "POST":
        erase_response(response)
        messages.success(request, _("Uw antwoord is verwijderd."))
        return to_index(access)
    context = {"street": access.street, "survey": survey, "response": response, "own": True}
    return render(request, "surveys/response_delete.html", context)


def _street_response(access, survey_id, response_id):
    survey = survey_of_street(access, survey_id)
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
    form = (
        _drafts_form(request, response, ask_person=response.person_id is None)
        if response.channel != AnswerChannel.ONLINE
        else None
    )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if _act_on_drafts(request, form, response):
            return redirect(
                "surveys:response",
                street_id=access.street.pk,
                survey_id=survey.pk,
                response_id=response.pk,
            )
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
