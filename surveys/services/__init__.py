"""The survey's rules. Split by responsibility; import from here.

- survey.py: starting from the template, answers and their drafts, erasure, retention
- drafts.py: confirming drafts onto the street's help board
- results.py: reading answers, results for gangmakers, figures for welzijn, export
"""

from .drafts import confirm_drafts, discard_drafts
from .results import (
    answer_rows,
    display_value,
    export_response,
    suppress_small,
    survey_figures,
    survey_results,
)
from .survey import (
    SurveyError,
    add_open_question,
    answers_by_kind,
    close_survey,
    erase_response,
    remove_expired_answers,
    response_slots,
    save_response,
    start_survey,
    sync_drafts,
    wanted_drafts,
)

__all__ = [
    "SurveyError",
    "add_open_question",
    "answer_rows",
    "answers_by_kind",
    "close_survey",
    "confirm_drafts",
    "discard_drafts",
    "display_value",
    "erase_response",
    "export_response",
    "remove_expired_answers",
    "response_slots",
    "save_response",
    "start_survey",
    "survey_figures",
    "survey_results",
    "suppress_small",
    "sync_drafts",
    "wanted_drafts",
]
