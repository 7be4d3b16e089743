"""Starting, adjusting and closing a survey; storing answers and keeping their drafts in step;
erasure and retention.
"""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matching.choices import Category

from .. import blueprint
from ..choices import (
    DraftKind,
    DraftStatus,
    QuestionKind,
    SpareKey,
    SurveyStatus,
)
from ..models import DraftPost, Question, Survey, SurveyResponse


class SurveyError(Exception):
    """A survey change the rules do not allow; the message is for the user."""


@transaction.atomic
def start_survey(street, by) -> Survey:
    """Start the template survey in `street`; there is one open survey per street at a time."""
    if Survey.objects.filter(street=street, status=SurveyStatus.OPEN).exists():
        raise SurveyError(_("Er loopt al een enquête in deze straat. Sluit die eerst."))
    try:
        # A savepoint, so that a twin request that lost the race leaves a usable transaction.
        with transaction.atomic():
            survey = Survey.objects.create(
                street=street, title=str(blueprint.TITLE), intro=str(blueprint.INTRO), created_by=by
            )
    except IntegrityError:
        raise SurveyError(_("Er loopt al een enquête in deze straat. Sluit die eerst.")) from None
    Question.objects.bulk_create(
        Question(
            survey=survey,
            position=(index + 1) * 10,
            kind=question.kind,
            label=str(question.label),
            help_text=str(question.help_text),
        )
        for index, question in enumerate(blueprint.QUESTIONS)
    )
    return survey


def add_open_question(survey: Survey, label: str, help_text: str = "") -> Question:
    """A street's own open question, asked after the existing ones."""
    last = survey.questions.order_by("-position").values_list("position", flat=True).first() or 0
    return Question.objects.create(
        survey=survey,
        kind=QuestionKind.TEXT,
        label=label,
        help_text=help_text,
        position=min(last + 10, 999),
    )


@transaction.atomic
def close_survey(survey: Survey) -> None:
    """No more answers; the retention period for the answers starts now."""
    updated = Survey.objects.filter(pk=survey.pk, status=SurveyStatus.OPEN).update(
        status=SurveyStatus.CLOSED, closed_at=timezone.now()
    )
    if not updated:
        raise SurveyError(_("Deze enquête is al gesloten."))


@transaction.atomic
def save_response(
    survey: Survey,
    channel: str,
    answers: dict,
    *,
    consent: bool,
    person=None,
    entered_by=None,
    name: str = "",
    house_number: str = "",
    contact_detail: str = "",
    instance: SurveyResponse | None = None,
) -> SurveyResponse:
    """Store an answer (new, or changed by its member) and bring its drafts up to date."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if not survey.is_open:
        raise SurveyError(_("Deze enquête is gesloten; er kunnen geen antwoorden meer bij."))
    response = instance or SurveyResponse(survey=survey, channel=channel)
    response.person = person
    response.entered_by = entered_by if instance is None else response.entered_by
    response.name = name
    response.house_number = house_number
    response.contact_detail = contact_detail
    response.consent = consent
    response.answers = answers
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError:
        raise SurveyError(_("Deze buur heeft de enquête al ingevuld.")) from None
    sync_drafts(response)
    return response


def answers_by_kind(response: SurveyResponse, questions=None) -> dict:
    """The answer to each structured question kind; open questions as a list of (question, text)."""
    questions = questions if questions is not None else response.survey.questions.all()
    by_kind: dict = {QuestionKind.TEXT: []}
    for question in questions:
        value = response.answers.get(str(question.pk))
        if not value:
            continue
        if question.kind == QuestionKind.TEXT:
            by_kind[QuestionKind.TEXT].append((question, value))
        else:
            by_kind[question.kind] = value
    return by_kind


def response_slots(response: SurveyResponse) -> list[str]:
    return list(answers_by_kind(response).get(QuestionKind.AVAILABILITY, []))


def wanted_drafts(response: SurveyResponse) -> set[tuple[str, str]]:
    """(kind, category) pairs the answer asks for on the board; none without consent."""
    if not response.consent:
        return set()
    by_kind = answers_by_kind(response)
    wanted = {(DraftKind.OFFER, c) for c in by_kind.get(QuestionKind.CAN_HELP, [])}
    wanted |= {(DraftKind.REQUEST, c) for c in by_kind.get(QuestionKind.NEEDS_HELP, [])}
    spare_key = by_kind.get(QuestionKind.SPARE_KEY)
    if spare_key in (SpareKey.KEEP, SpareKey.BOTH):
        wanted.add((DraftKind.OFFER, Category.SLEUTEL))
    if spare_key in (SpareKey.LEAVE, SpareKey.BOTH):
        wanted.add((DraftKind.REQUEST, Category.SLEUTEL))
    return {(kind, category) for kind, category in wanted if category in Category.values}


def sync_drafts(response: SurveyResponse) -> None:
    """Pending drafts follow the answer; drafts already posted or turned down stay as they are."""
    wanted = wanted_drafts(response)
    slots = response_slots(response)
    existing = {(d.kind, d.category): d for d in response.drafts.all()}
    for key, draft in existing.items():
        if draft.status == DraftStatus.PENDING and key not in wanted:
            draft.delete()
    for kind, category in sorted(wanted):
        draft = existing.get((kind, category))
        if draft is None:
            DraftPost.objects.create(
                response=response, kind=kind, category=category, availability=slots
            )
        elif draft.status == DraftStatus.PENDING and draft.availability != slots:
            draft.availability = slots
            draft.save(update_fields=["availability"])


@transaction.atomic
def erase_response(response: SurveyResponse) -> None:
    """Remove one answer and its drafts. Posts already on the board follow the board's rules."""
    response.delete()


@transaction.atomic
def remove_expired_answers(days: int, now: datetime.datetime | None = None) -> int:
    """Delete the answers of surveys closed more than `days` ago; returns how many went.

    Posts already confirmed onto the board are the board's now and keep their own lifecycle.
    """
    now = now or timezone.now()
    surveys = Survey.objects.filter(
        status=SurveyStatus.CLOSED, closed_at__lte=now - datetime.timedelta(days=days)
    )
    deleted = SurveyResponse.objects.filter(survey__in=surveys).count()
    SurveyResponse.objects.filter(survey__in=surveys).delete()
    surveys.filter(answers_removed_at__isnull=True).update(answers_removed_at=now)
    return deleted
