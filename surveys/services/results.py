"""Reading answers: as a person reads them, the gangmakers' results, the figures for welzijn
(every count below five shown as "< 5"), and the export of one person's answer.
"""

from collections import Counter
from dataclasses import dataclass, field

from accounts.suppression import suppress
from matching.choices import Category

from ..choices import (
    AnswerChannel,
    ContactWay,
    QuestionKind,
    SpareKey,
    availability_choices,
    slot_label,
)
from ..models import Question, Survey, SurveyResponse
from .survey import answers_by_kind

CHOICE_KINDS = {
    QuestionKind.CAN_HELP: Category,
    QuestionKind.NEEDS_HELP: Category,
    QuestionKind.CONTACT: ContactWay,
    QuestionKind.SPARE_KEY: SpareKey,
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
    """A count of people as welzijn staff see it, through the one suppression rule
    (accounts.suppression): below five it says "< 5", zero included."""
    return str(suppress(count, count))


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
