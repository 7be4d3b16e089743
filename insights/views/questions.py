"""Welzijn as a sounding board: a gangmaker asks the wijk's welzijn staff a question without
names and reads the answer; staff see the questions of their wijken only. Kept apart from
care signals (no neighbour, no consent). A question outside the user's reach is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from streets.permissions import GANGMAKER, street_view

from ..forms import AnswerForm, QuestionForm
from ..models import WelzijnQuestion
from ..services import (
    CareSignalError,
    answer_question,
    ask_question,
    questions_for_staff,
    welzijn_staff_of,
    wijk_of,
)


def _posted(request):
    """The POST data on a POST (even an empty one: an unticked box sends nothing), else None."""
    return request.POST if request.method == "POST" else None


@never_cache
@street_view(GANGMAKER)
def questions(request, access):
    """The wijk's welzijn contact, the form to ask, and this gangmaker's questions."""
    street = access.street
    form = QuestionForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        try:
            ask_question(street, request.user, form.cleaned_data["question"])
        except CareSignalError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "Uw vraag is verstuurd naar de welzijnsmedewerkers van de wijk. Het antwoord verschijnt hier."
                ),
            )
            return redirect("insights:questions", street_id=street.pk)
    return render(
        request,
        "insights/questions.html",
        {
            "street": street,
            "wijk": wijk_of(street),
            "form": form,
            "has_staff": welzijn_staff_of(street).exists(),
            "questions": WelzijnQuestion.objects.filter(street=street, asked_by=request.user),
        },
    )


@never_cache
@login_required
def staff_questions(request):
    """Welzijn staff: the questions of their wijken, unanswered first. Others see none."""
    asked = list(questions_for_staff(request.user).select_related("street").order_by("-created_at"))
    return render(
        request,
        "insights/staff_questions.html",
        {
            "unanswered": [q for q in asked if not q.is_answered],
            "answered": [q for q in asked if q.is_answered],
        },
    )


@never_cache
@login_required
def staff_question(request, pk):
    """Read one question and answer it (once)."""
    asked = get_object_or_404(
        questions_for_staff(request.user).select_related("street", "asked_by", "answered_by"),
        pk=pk,
    )
    form = AnswerForm(_posted(request))
    if request.method == "POST":
        if asked.is_answered:
            messages.info(request, _("Deze vraag is al beantwoord."))
            return redirect("insights:staff_question", pk=asked.pk)
        if form.is_valid():
            try:
                answer_question(asked, request.user, form.cleaned_data["answer"])
            except CareSignalError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Uw antwoord is verstuurd naar de gangmaker."))
                return redirect("insights:staff_question", pk=asked.pk)
    return render(request, "insights/staff_question.html", {"question": asked, "form": form})
