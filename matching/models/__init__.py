"""The help board's models; `from matching.models import HelpOffer` keeps working as this grows."""

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
