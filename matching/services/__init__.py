"""Business rules of neighbour help, one module per subject:

- board.py: posting, changing, reporting and moderating posts, and their expiry;
- board_queries.py: what the board and the moderation queue list, in few queries;
- matching.py: asking the engine for helpers and storing its proposals;
- lifecycle.py: the steps of a match, by its two sides or a gangmaker;
- notifications.py: news about matches, by e-mail or on the door list, and the digests;
- locations.py: geocoding a member's home in the background;
- rota.py: care rotas, repeated care shared among helpers, and their reminders.

Views use the modules; commands, tasks and other apps import the entry points below.
"""

from .board import BoardError, expire_posts
from .board_queries import open_help_counts
from .lifecycle import PROPOSAL_DAYS, MatchError, expire_proposals, make_match, take_step
from .locations import geocode_membership
from .matching import propose_for_request, rematch_all, rematch_street, unmatched_requests
from .notifications import send_digests, send_notification

__all__ = [
    "PROPOSAL_DAYS",
    "BoardError",
    "MatchError",
    "expire_posts",
    "expire_proposals",
    "geocode_membership",
    "make_match",
    "open_help_counts",
    "propose_for_request",
    "rematch_all",
    "rematch_street",
    "send_digests",
    "send_notification",
    "take_step",
    "unmatched_requests",
]
