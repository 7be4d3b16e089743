"""From survey answers to the street's help board: nothing is posted without a confirmation.

Uses the board's own service (matching.services.board.create_post), so the board's rules
(membership, posting for a neighbour, pre-moderation) hold for survey posts too.
"""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.languages import for_person
from matching.models import HelpOffer, HelpRequest
from matching.services import board
from matching.slots import slots_from_strings, slots_to_strings

from ..choices import (
    DraftKind,
    DraftStatus,
    QuestionKind,
)
from ..models import DraftPost, SurveyResponse
from .survey import SurveyError, answers_by_kind, response_slots


@transaction.atomic
def confirm_drafts(response: SurveyResponse, drafts, by, person=None) -> int:
    """Put the chosen pending drafts on the street's board; returns how many posts were made.

    The offer drafts become one offer with all their categories (as a neighbour would post
    it), each request draft its own request. `person` names the member an answer without a
    member (a paper or link answer) belongs to. The board's own rules apply: membership, who
    may post for whom, pre-moderation of new members.
    """
    response = SurveyResponse.objects.select_for_update().get(pk=response.pk)
    if person is not None and response.person_id is None:
        if SurveyResponse.objects.filter(survey=response.survey_id, person=person).exists():
            raise SurveyError(
                _("Deze buur heeft al een eigen antwoord. Zet het aanbod daar op het prikbord.")
            )
        response.person = person
        response.save(update_fields=["person", "updated_at"])
    if response.person_id is None:
        raise SurveyError(_("Kies de buur voor wie dit is."))
    chosen = list(
        DraftPost.objects.filter(
            response=response, pk__in=[d.pk for d in drafts], status=DraftStatus.PENDING
        )
    )
    if not chosen:
        raise SurveyError(_("Deze concepten zijn al geplaatst of afgewezen."))
    street = response.survey.street
    author = response.person
    today = timezone.localdate()
    valid_until = today + datetime.timedelta(days=board.RENEW_DAYS)
    slots = slots_to_strings(slots_from_strings(response_slots(response)))
    description = _draft_description(response)
    offers = [d for d in chosen if d.kind == DraftKind.OFFER]
    posts = []
    try:
        if offers:
            offer = HelpOffer(
                categories=[d.category for d in offers],
                availability=slots,
                description=description,
                valid_until=valid_until,
            )
            posts.append((offers, board.create_post(offer, street, author, by)))
        for draft in chosen:
            if draft.kind == DraftKind.REQUEST:
                request = HelpRequest(
                    category=draft.category,
                    when_slots=slots,
                    description=description,
                    valid_until=valid_until,
                )
                posts.append(([draft], board.create_post(request, street, author, by)))
    except board.BoardError as error:
        raise SurveyError(str(error)) from None
    now = timezone.now()
    for linked, post in posts:
        DraftPost.objects.filter(pk__in=[d.pk for d in linked]).update(
            status=DraftStatus.POSTED, post=post, decided_by=by, decided_at=now
        )
    return len(posts)


def _draft_description(response: SurveyResponse) -> str:
    """What the board shows with a post from the survey: where it came from, the languages.

    Written in the language of the neighbour the post is for, not the gangmaker's: the board
    shows a description as written and marks it with its author's language (`written_lang`),
    so the words and the `lang` attribute agree."""
    with for_person(response.person):
        parts = [_("Uit de enquête burenhulp.")]
        languages = answers_by_kind(response).get(QuestionKind.LANGUAGES)
        if languages:
            parts.append(_("Spreekt: %(languages)s.") % {"languages": languages})
        return " ".join(parts)[:500]


@transaction.atomic
def discard_drafts(response: SurveyResponse, drafts, by) -> int:
    """Turn drafts down: they stay on record as "niet geplaatst" and are never posted."""
    return DraftPost.objects.filter(
        response=response, pk__in=[d.pk for d in drafts], status=DraftStatus.PENDING
    ).update(status=DraftStatus.DISCARDED, decided_by=by, decided_at=timezone.now())
