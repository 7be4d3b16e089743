"""The help board's part of a person's data rights: their own offers and requests, their
matches, their reports. Registered with accounts.privacy in MatchingConfig.ready().
"""

from django.db.models import Q

from streets.vocabulary import Dagdeel, Weekday

from .models import HelpOffer, HelpPost, HelpRequest, Match, PostReport, RotaMoment
from .signal_handlers import release_moments


def slot_text(value: str) -> str:
    """A stored slot in words for the readable export: "1:ochtend" -> "dinsdag ochtend"."""
    day, _colon, dagdeel = value.partition(":")
    try:
        return f"{Weekday(int(day)).label} {Dagdeel(dagdeel).label}"
    except ValueError:
        return value


def export(user) -> dict:
    common = ("id", "street__title", "status", "description", "valid_until", "created_at")
    return {
        "hulpaanbod": list(
            HelpOffer.objects.filter(author=user).values(*common, "categories", "availability")
        ),
        "hulpvragen": list(
            HelpRequest.objects.filter(author=user).values(
                *common, "category", "needed_on", "when_slots", "urgency"
            )
        ),
        # Matches on the person's own posts; the other side is named by post id only.
        "koppelingen": list(
            Match.objects.filter(Q(request__author=user) | Q(offer__author=user)).values(
                "id", "request_id", "offer_id", "status", "created_at"
            )
        ),
        # Moments of care rotas the person helps with; the neighbour is named by request id.
        "zorgrooster_momenten": list(
            RotaMoment.objects.filter(helper=user).values(
                "rota__request_id", "rota__street__title", "day", "dagdeel", "state"
            )
        ),
        "meldingen_over_berichten": list(
            PostReport.objects.filter(reporter=user).values("post_id", "reason", "created_at")
        ),
    }


def erase(user, identity) -> None:
    """The person's posts go (with their matches, and the reports and moderation steps about
    them); their own reports go too. Posts they placed as a gangmaker for someone else stay:
    those are the other neighbour's."""
    HelpPost.objects.filter(author=user).delete()  # with their rotas
    release_moments(RotaMoment.objects.filter(helper=user))
    PostReport.objects.filter(reporter=user).delete()
