"""The survey's scheduled job (ops/schedules.py): answers of surveys closed longer than
SURVEY_ANSWER_RETENTION_DAYS ago are removed at 04:30 Amsterdam time, after the board's
nightly jobs."""

from datetime import time

from ops.schedules import daily

SCHEDULES = [
    daily(
        "enquêtes: verlopen antwoorden verwijderen", "remove_expired_survey_answers", at=time(4, 30)
    ),
]
