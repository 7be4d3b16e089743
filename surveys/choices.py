"""The fixed vocabulary of the street survey. Categories come from the board, weekdays and
dagdelen from streets.vocabulary."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from streets.vocabulary import Dagdeel, Weekday


class SurveyStatus(models.TextChoices):
    OPEN = "open", _("open")
    CLOSED = "closed", _("gesloten")


class QuestionKind(models.TextChoices):
    """What a question means. All but TEXT occur at most once per survey: they map to the board."""

    CAN_HELP = "kan_helpen", _("wat iemand voor buren kan doen (categorieën)")
    NEEDS_HELP = "wil_hulp", _("waar iemand hulp bij wil (categorieën)")
    AVAILABILITY = "beschikbaar", _("wanneer iemand kan (dag en dagdeel)")
    SPARE_KEY = "sleutel", _("reservesleutel")
    LANGUAGES = "talen", _("talen")
    CONTACT = "bereikbaar", _("hoe iemand benaderd wil worden")
    TEXT = "open", _("open vraag")


class AnswerChannel(models.TextChoices):
    ONLINE = "online", _("online, door een buur met een account")
    LINK = "link", _("via de link of de QR-code")
    PAPER = "paper", _("op papier, ingevoerd door een gangmaker")


class SpareKey(models.TextChoices):
    KEEP = "bewaren", _("Ik wil wel een reservesleutel van een buur bewaren")
    LEAVE = "afgeven", _("Ik leg graag mijn reservesleutel bij een buur")
    BOTH = "allebei", _("Allebei")
    NO = "nee", _("Nee, liever niet")


class ContactWay(models.TextChoices):
    PHONE = "telefoon", _("bellen")
    EMAIL = "email", _("e-mail")
    DOORBELL = "aanbellen", _("gewoon aanbellen")
    GANGMAKER = "gangmaker", _("via de gangmaker")


class DraftKind(models.TextChoices):
    OFFER = "offer", _("aanbod")
    REQUEST = "request", _("hulpvraag")


class DraftStatus(models.TextChoices):
    PENDING = "pending", _("wacht op bevestiging")
    POSTED = "posted", _("op het prikbord gezet")
    DISCARDED = "discarded", _("niet geplaatst")


def slot_value(weekday: int, dagdeel: str) -> str:
    """The board's availability slot string: "1:ochtend" is Tuesday morning."""
    return f"{weekday}:{dagdeel}"


def availability_choices():
    """The weekday × dagdeel grid, grouped per day so it reads as a grid without JavaScript."""
    return [
        (
            day.label,
            [(slot_value(day.value, part.value), f"{day.label} {part.label}") for part in Dagdeel],
        )
        for day in Weekday
    ]


def slot_label(slot: str) -> str:
    labels = {value: label for _day, group in availability_choices() for value, label in group}
    return str(labels.get(slot, slot))
