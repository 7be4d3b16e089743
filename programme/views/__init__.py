from .gangmakers import become_gangmaker, decide_gangmaker_request, gangmaker_requests
from .growth import growth, growth_csv, growth_xlsx, quiet_street
from .intake import (
    application_detail,
    application_notes,
    application_start,
    application_state,
    applications,
    programme_start,
)
from .packs import pack_received, pack_record, pack_sent, packs
from .public import apply, apply_done

__all__ = [
    "application_detail",
    "application_notes",
    "application_start",
    "application_state",
    "applications",
    "apply",
    "apply_done",
    "become_gangmaker",
    "decide_gangmaker_request",
    "gangmaker_requests",
    "growth",
    "growth_csv",
    "growth_xlsx",
    "pack_received",
    "pack_record",
    "pack_sent",
    "packs",
    "programme_start",
    "quiet_street",
]
