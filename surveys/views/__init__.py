"""The survey's pages. Thin: permissions from streets.permissions, rules in services.

Who sees what: the street's gangmakers manage the survey and read every answer; a member
answers online and sees, exports or erases their own answer; anyone with the secret link
answers without an account; welzijn staff of the wijk and coordinators see figures only.
"""

from .answers import (
    answer,
    mine,
    mine_delete,
    mine_export,
    paper,
    public_answer,
    response_delete,
    response_detail,
    response_export,
)
from .manage import close, edit, figures, index, print_version, results, start, wijk_surveys

__all__ = [
    "answer",
    "close",
    "edit",
    "figures",
    "index",
    "mine",
    "mine_delete",
    "mine_export",
    "paper",
    "print_version",
    "public_answer",
    "response_delete",
    "response_detail",
    "response_export",
    "results",
    "start",
    "wijk_surveys",
]
