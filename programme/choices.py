from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ApplicationState(models.TextChoices):
    APPLIED = "applied", _("aangemeld")
    INTRODUCTION = "introduction", _("kennismaking")
    STARTED = "started", _("gestart")
    WAITLIST = "waitlist", _("wachtlijst")
    NOT_STARTED = "not_started", _("niet gestart")


# The states a coordinator may move an application to by hand; "gestart" only by starting.
MANUAL_STATES = (
    ApplicationState.APPLIED,
    ApplicationState.INTRODUCTION,
    ApplicationState.WAITLIST,
    ApplicationState.NOT_STARTED,
)
OPEN_STATES = (
    ApplicationState.APPLIED,
    ApplicationState.INTRODUCTION,
    ApplicationState.WAITLIST,
)


class PackItem(models.TextChoices):
    FOLDER = "folder", _("folder")
    CARDS = "cards", _("kaartjes")
    STREET_MAP = "street_map", _("straatkaart")
    TIPS = "tips", pgettext_lazy("startpakket", "tips")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("wacht op besluit")
    APPROVED = "approved", _("gangmaker geworden")
    DECLINED = "declined", _("niet nu")


class FollowUpOutcome(models.TextChoices):
    """How a call to a quiet street went. Only "ok" takes the street off the quiet list."""

    OK = "ok", _("loopt goed, niets nodig")
    CALL_BACK = "call_back", _("later terugbellen")
    NEEDS_SUPPORT = "needs_support", _("heeft steun nodig")
    NO_ANSWER = "no_answer", _("niet bereikt")
    STOPPING = "stopping", _("de straat wil stoppen")
