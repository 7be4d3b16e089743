"""The programme's business rules: applications, starting a street, the startpakket,
becoming a gangmaker and the growth figures. Views and the demo call these."""

from .applications import (
    ApplicationError,
    change_state,
    municipality_for_request,
    save_notes,
    submit_application,
)
from .gangmakers import (
    decide_gangmaker_request,
    open_gangmaker_requests,
    request_to_become_gangmaker,
    streets_without_gangmaker,
)
from .growth import GrowthFigures, growth_figures
from .mail import Recipient
from .packs import confirm_pack_received, mark_pack_sent, packs_to_send, record_pack
from .quiet import (
    QUIET_WEEKS,
    QuietStreet,
    follow_ups_of,
    log_follow_up,
    quiet_streets,
    street_gangmakers,
)
from .starting import start_street

__all__ = [
    "QUIET_WEEKS",
    "QuietStreet",
    "follow_ups_of",
    "log_follow_up",
    "quiet_streets",
    "street_gangmakers",
    "ApplicationError",
    "GrowthFigures",
    "Recipient",
    "change_state",
    "confirm_pack_received",
    "decide_gangmaker_request",
    "growth_figures",
    "mark_pack_sent",
    "municipality_for_request",
    "open_gangmaker_requests",
    "packs_to_send",
    "record_pack",
    "request_to_become_gangmaker",
    "save_notes",
    "start_street",
    "streets_without_gangmaker",
    "submit_application",
]
