"""The ready Dutch survey every street starts from (after the Langenhorst pilot).

The texts are stored as plain strings on the street's own question rows, in the site's
language, so that a gangmaker can reword them for the street without touching other streets.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .choices import QuestionKind


@dataclass(frozen=True)
class QuestionBlueprint:
    kind: str
    label: str
    help_text: str = ""


TITLE = _("Enquête burenhulp")
INTRO = _(
    "Wat kunt u voor uw buren doen? Waar zou u hulp bij willen? De gangmakers van de straat "
    "vragen het iedereen. Kleine dingen tellen: een boodschap meenemen, een praatje, een sleutel "
    "bewaren. Alleen de gangmakers van de straat lezen uw antwoorden."
)
QUESTIONS = (
    QuestionBlueprint(
        QuestionKind.CAN_HELP,
        _("Wat kunt u voor uw buren doen?"),
        _("Kruis aan wat u wilt en kunt. Ook af en toe iets doen helpt al."),
    ),
    QuestionBlueprint(
        QuestionKind.NEEDS_HELP,
        _("Waar zou u hulp bij willen?"),
        _("Ook als het nu nog niet nodig is, maar wel fijn zou zijn."),
    ),
    QuestionBlueprint(
        QuestionKind.AVAILABILITY,
        _("Wanneer kunt u meestal?"),
        _("Kruis de dagdelen aan waarop u tijd heeft."),
    ),
    QuestionBlueprint(QuestionKind.SPARE_KEY, _("Een reservesleutel bij een buur?")),
    QuestionBlueprint(
        QuestionKind.LANGUAGES,
        _("Welke talen spreekt u?"),
        _("Bijvoorbeeld: Nederlands, Turks, Engels."),
    ),
    QuestionBlueprint(QuestionKind.CONTACT, _("Hoe wilt u het liefst benaderd worden?")),
    QuestionBlueprint(
        QuestionKind.TEXT,
        _("Wilt u de gangmakers nog iets laten weten?"),
        _("Een idee voor de straat, of iets waar we op kunnen letten."),
    ),
)


def ready_texts_in_active_language() -> dict[str, str]:
    """The ready survey's texts as stored (Dutch) → the same text in the active language.

    A printed survey in Turkish shows the questions a street kept as they came in Turkish; a
    question the gangmakers reworded is not in this map and stays as they wrote it."""
    texts = [TITLE, INTRO]
    for question in QUESTIONS:
        texts += [question.label, question.help_text] if question.help_text else [question.label]
    with translation.override(settings.LANGUAGE_CODE):
        stored = [str(text) for text in texts]
    return {dutch: str(text) for dutch, text in zip(stored, texts, strict=True)}
