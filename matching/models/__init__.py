"""The help board's models; `from matching.models import HelpOffer` keeps working as this grows.

The states (PostStatus, MatchStatus, ...) live in matching/choices.py and are re-exported here
for callers that import them together with the models."""

from matching.choices import (
    DigestFrequency,
    LocationStatus,
    MatchStatus,
    ModerationAction,
    PostKind,
    PostStatus,
    ReportStatus,
    RotaMomentState,
)

from .match import (
    ACTIVE_STATUSES,
    LIVE_STATUSES,
    HomeLocation,
    Match,
    MatchEvent,
    Notification,
    NotificationPreference,
)
from .moderation import BoardSettings, ModerationLog, PostReport
from .posts import (
    MAX_CAPACITY,
    HelpOffer,
    HelpPost,
    HelpRequest,
    validate_categories,
    validate_slots,
)
from .rota import MAX_ROTA_DAYS, CareRota, RotaDecline, RotaMoment

__all__ = [
    "ACTIVE_STATUSES",
    "LIVE_STATUSES",
    "DigestFrequency",
    "HomeLocation",
    "LocationStatus",
    "Match",
    "MatchEvent",
    "MatchStatus",
    "Notification",
    "NotificationPreference",
    "MAX_CAPACITY",
    "BoardSettings",
    "CareRota",
    "MAX_ROTA_DAYS",
    "RotaDecline",
    "RotaMoment",
    "RotaMomentState",
    "HelpOffer",
    "HelpPost",
    "HelpRequest",
    "ModerationAction",
    "ModerationLog",
    "PostKind",
    "PostReport",
    "PostStatus",
    "ReportStatus",
    "validate_categories",
    "validate_slots",
]
