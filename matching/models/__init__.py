"""The help board's models; `from matching.models import HelpOffer` keeps working as this grows."""

from .match import (
    ACTIVE_STATUSES,
    LIVE_STATUSES,
    DigestFrequency,
    HomeLocation,
    Match,
    MatchEvent,
    MatchStatus,
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
from .status import ModerationAction, PostKind, PostStatus, ReportStatus

__all__ = [
    "ACTIVE_STATUSES",
    "LIVE_STATUSES",
    "DigestFrequency",
    "HomeLocation",
    "Match",
    "MatchEvent",
    "MatchStatus",
    "Notification",
    "NotificationPreference",
    "MAX_CAPACITY",
    "BoardSettings",
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
