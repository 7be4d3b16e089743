"""The survey's rules: starting from the template, answering, drafts for the board, results,
figures for welzijn with small counts suppressed, export, erasure and retention.
"""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from matching.choices import Category
from matching.models import HelpOffer, HelpRequest
from matching.services import board
from matching.slots import slots_from_strings, slots_to_strings

from . import blueprint
from .choices import (
    AnswerChannel,
    ContactWay,
    DraftKind,
    DraftStatus,
    QuestionKind,
    SpareKey,
    SurveyStatus,
    availability_choices,
    slot_label,
)
from .models import DraftPost, Question, Survey, SurveyResponse

# Welzijn staff see no figure below this (DESIGN.md: aggregates with small counts suppressed).
SMALL_COUNT = 5
CHOICE_KINDS = {
    QuestionKind.CAN_HELP: Category,
    QuestionKind.NEEDS_HELP: Category,
    QuestionKind.CONTACT: ContactWay,
    QuestionKind.SPARE_KEY: SpareKey,
}


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
def confirm_drafts(response: SurveyResponse, drafts, by, person=None) -> int:
    """Put the chosen pending drafts on the street's board; returns how many posts were made.

    The offer drafts become one offer with all their categories (as a neighbour would post
    it), each request draft its own request. `person` names the member an answer without a
    member (a paper or link answer) belongs to. The board's own rules apply: membership, who
    may post for whom, pre-moderation of new members.
    """
    response = SurveyResponse.objects.select_for_update().get(pk=response.pk)
    if person is not None and response.person_id is None:
        if SurveyResponse.objects.filter(survey=response.survey_id, person=person).exists():
            raise SurveyError(
                _("Deze buur heeft al een eigen antwoord. Zet het aanbod daar op het prikbord.")
            )
        response.person = person
        response.save(update_fields=["person", "updated_at"])
    if response.person_id is None:
        raise SurveyError(_("Kies de buur voor wie dit is."))
    chosen = list(
        DraftPost.objects.filter(
            response=response, pk__in=[d.pk for d in drafts], status=DraftStatus.PENDING
        )
    )
    if not chosen:
        raise SurveyError(_("Deze concepten zijn al geplaatst of afgewezen."))
    street = response.survey.street
    author = response.person
    today = timezone.localdate()
    valid_until = today + datetime.timedelta(days=board.RENEW_DAYS)
    slots = slots_to_strings(slots_from_strings(response_slots(response)))
    description = _draft_description(response)
    offers = [d for d in chosen if d.kind == DraftKind.OFFER]
    posts = []
    try:
        if offers:
            offer = HelpOffer(
                categories=[d.category for d in offers],
                availability=slots,
                description=description,
                valid_until=valid_until,
            )
            posts.append((offers, board.create_post(offer, street, author, by)))
        for draft in chosen:
            if draft.kind == DraftKind.REQUEST:
                request = HelpRequest(
                    category=draft.category,
                    when_slots=slots,
                    description=description,
                    valid_until=valid_until,
                )
                posts.append(([draft], board.create_post(request, street, author, by)))
    except board.BoardError as error:
        raise SurveyError(str(error)) from None
    now = timezone.now()
    for linked, post in posts:
        DraftPost.objects.filter(pk__in=[d.pk for d in linked]).update(
            status=DraftStatus.POSTED, post=post, decided_by=by, decided_at=now
        )
    return len(posts)


def response_slots(response: SurveyResponse) -> list[str]:
    return list(answers_by_kind(response).get(QuestionKind.AVAILABILITY, []))


def _draft_description(response: SurveyResponse) -> str:
    """What the board shows with a post from the survey: where it came from, the languages."""
    parts = [_("Uit de enquête burenhulp.")]
    languages = answers_by_kind(response).get(QuestionKind.LANGUAGES)
    if languages:
        parts.append(_("Spreekt: %(languages)s.") % {"languages": languages})
    return " ".join(parts)[:500]


@transaction.atomic
def discard_drafts(response: SurveyResponse, drafts, by) -> int:
    """Turn drafts down: they stay on record as "niet geplaatst" and are never posted."""
    return DraftPost.objects.filter(
        response=response, pk__in=[d.pk for d in drafts], status=DraftStatus.PENDING
    ).update(status=DraftStatus.DISCARDED, decided_by=by, decided_at=timezone.now())


@transaction.atomic
def erase_response(response: SurveyResponse) -> None:
    """Remove one answer and its drafts. Posts already on the board follow the board's rules."""
    response.delete()


def export_response(response: SurveyResponse) -> dict:
    """Everything stored about one answer, readable without the database (for the person)."""
    return {
        "enquete": response.survey.title,
        "straat": response.survey.street.title,
        "ingevuld": response.get_channel_display(),
        "ingevuld_op": response.created_at.isoformat(),
        "gewijzigd_op": response.updated_at.isoformat(),
        "naam": response.person.get_full_name() if response.person_id else response.name,
        "huisnummer": response.house_number,
        "telefoon_of_email": response.contact_detail,
        "toestemming_prikbord": response.consent,
        "antwoorden": [{"vraag": label, "antwoord": text} for label, text in answer_rows(response)],
        "concepten_prikbord": [
            {
                "soort": draft.get_kind_display(),
                "categorie": draft.get_category_display(),
                "status": draft.get_status_display(),
            }
            for draft in response.drafts.all()
        ],
    }


def display_value(question: Question, value) -> str:
    """An answer as a person reads it: labels, not stored values."""
    values = value if isinstance(value, list) else [value]
    if question.kind == QuestionKind.AVAILABILITY:
        return ", ".join(slot_label(v) for v in values)
    choices = CHOICE_KINDS.get(question.kind)
    if choices is not None:
        labels = dict(choices.choices)
        return ", ".join(str(labels.get(v, v)) for v in values)
    return str(value)


def answer_rows(response: SurveyResponse, questions=None) -> list[tuple[str, str]]:
    """(question, answer) for every answered question, in the survey's order."""
    questions = questions if questions is not None else response.survey.questions.all()
    return [
        (q.label, display_value(q, response.answers[str(q.pk)]))
        for q in questions
        if response.answers.get(str(q.pk))
    ]


@dataclass
class OptionCount:
    label: str
    count: int | str


@dataclass
class QuestionResult:
    question: Question
    answered: int | str
    options: list[OptionCount] = field(default_factory=list)
    texts: list[tuple[SurveyResponse, str]] = field(default_factory=list)


@dataclass
class CategoryResult:
    label: str
    helpers: list = field(default_factory=list)
    askers: list = field(default_factory=list)


@dataclass
class SurveyResults:
    total: int | str
    by_channel: list[OptionCount]
    questions: list[QuestionResult]
    categories: list[CategoryResult]


def _option_labels(question: Question):
    if question.kind == QuestionKind.AVAILABILITY:
        return [(v, label) for _d, group in availability_choices() for v, label in group]
    choices = CHOICE_KINDS.get(question.kind)
    return list(choices.choices) if choices is not None else None


def survey_results(survey: Survey) -> SurveyResults:
    """For the street's gangmakers: counts per question, who can help and who needs help with
    what, and the free-text answers (names included: personal data)."""
    questions = list(survey.questions.all())
    responses = list(survey.responses.select_related("person"))
    question_results = []
    for question in questions:
        values = [r.answers.get(str(question.pk)) for r in responses]
        answered = [v for v in values if v]
        result = QuestionResult(question=question, answered=len(answered))
        labels = _option_labels(question)
        if labels is None:
            result.texts = [
                (r, r.answers[str(question.pk)])
                for r in responses
                if r.answers.get(str(question.pk))
            ]
        else:
            counts = Counter(
                v for value in answered for v in (value if isinstance(value, list) else [value])
            )
            result.options = [OptionCount(str(label), counts[value]) for value, label in labels]
        question_results.append(result)
    kinds = [(response, answers_by_kind(response, questions)) for response in responses]
    categories = []
    for value, label in Category.choices:
        row = CategoryResult(label=str(label))
        for response, by_kind in kinds:
            if value in by_kind.get(QuestionKind.CAN_HELP, []):
                row.helpers.append(response)
            if value in by_kind.get(QuestionKind.NEEDS_HELP, []):
                row.askers.append(response)
        categories.append(row)
    channels = Counter(r.channel for r in responses)
    return SurveyResults(
        total=len(responses),
        by_channel=[
            OptionCount(str(label), channels[value]) for value, label in AnswerChannel.choices
        ],
        questions=question_results,
        categories=categories,
    )


def suppress_small(count: int) -> str:
    """A count as welzijn staff see it: below five people it says "< 5", zero included."""
    return "< 5" if count < SMALL_COUNT else str(count)


def survey_figures(survey: Survey) -> SurveyResults:
    """For welzijn staff and coordinators: the same counts without names or free text, every
    count below five shown as "< 5"."""
    results = survey_results(survey)
    for result in results.questions:
        result.answered = suppress_small(result.answered)
        result.texts = []
        for option in result.options:
            option.count = suppress_small(option.count)
    categories = [
        CategoryResult(
            label=row.label,
            helpers=suppress_small(len(row.helpers)),
            askers=suppress_small(len(row.askers)),
        )
        for row in results.categories
    ]
    return SurveyResults(
        total=suppress_small(results.total),
        by_channel=[OptionCount(o.label, suppress_small(o.count)) for o in results.by_channel],
        questions=results.questions,
        categories=categories,
    )


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
