"""The help board's pages (board.py, under /straat/<id>/prikbord/) and the pages about
matches (matches.py, under /straat/<id>/hulp/) and care rotas (rota.py, under
/straat/<id>/hulp/rooster/). Thin: the rules are in matching.services.

Every street-scoped view goes through streets.permissions.street_view; posts and matches are
looked up within the street of the URL, so another street's id is a 404.
"""

from .board import (
    approve,
    board,
    board_settings,
    dismiss_report,
    edit,
    hide,
    moderation,
    new_offer,
    new_request,
    renew,
    report,
    restore,
    withdraw,
)
from .matches import detail, door_list, feedback, my_help, overview, preferences, step
from .rota import rota_answer, rota_detail, rota_fill, rota_new, rota_plan, rota_print, rota_swap

__all__ = [
    "approve",
    "board",
    "board_settings",
    "detail",
    "dismiss_report",
    "door_list",
    "edit",
    "feedback",
    "hide",
    "moderation",
    "my_help",
    "new_offer",
    "new_request",
    "overview",
    "preferences",
    "renew",
    "report",
    "restore",
    "rota_answer",
    "rota_detail",
    "rota_fill",
    "rota_new",
    "rota_plan",
    "rota_print",
    "rota_swap",
    "step",
    "withdraw",
]
