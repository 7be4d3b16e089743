"""Care signals from raise to close, and API tokens. Views call these; the rules live here."""

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.mail import send_to_user
from streets.choices import MembershipStatus
from streets.models import NeighbourhoodPage, StreetPage, WelzijnAssignment

from .choices import SignalStatus
from .models import ApiToken, CareSignal, CareSignalNote, WelzijnQuestion, hash_token

TOKEN_PREFIX = "ll_"  # noqa: S105 (a recognisable prefix, not a secret)


class CareSignalError(Exception):
    """A care signal change the rules do not allow; the message is for the user."""


def welzijn_staff_of(street: StreetPage):
    """The welzijn professionals assigned to the wijk `street` lies in."""
    # The wijk is an ancestor of the street: its path is a prefix of the street's path.
    ancestor_paths = [street.path[: street.steplen * depth] for depth in range(1, street.depth)]
    return (
        get_user_model()
        .objects.filter(welzijn_assignments__neighbourhood__path__in=ancestor_paths, is_active=True)
        .distinct()
    )


def signals_for_staff(user):
    """Every care signal in the wijken `user` is assigned to as welzijn staff (no others)."""
    paths = list(
        WelzijnAssignment.objects.filter(user=user).values_list("neighbourhood__path", flat=True)
    )
    if not paths:
        return CareSignal.objects.none()
    condition = Q()
    for path in paths:
        condition |= Q(street__path__startswith=path)
    return CareSignal.objects.filter(condition)


@transaction.atomic
def raise_signal(street: StreetPage, raised_by, **fields) -> CareSignal:
    """A gangmaker of `street` raises a signal about one of its approved members, or about a
    neighbour who is not a member (by name and house number).

    The model refuses a signal without consent or an emergency reason; here we also refuse a
    neighbour of another street and a wijk without welzijn staff (nobody would read it).
    """
    neighbour = fields.get("neighbour")
    if neighbour is not None:
        if not street.memberships.filter(user=neighbour, status=MembershipStatus.APPROVED).exists():
            raise CareSignalError(_("Deze buur is geen lid van de straat."))
    elif not (fields.get("non_member_name") and fields.get("non_member_house_number")):
        raise CareSignalError(_("Vul naam en huisnummer in van de buur die geen lid is."))
    if not welzijn_staff_of(street).exists():
        raise CareSignalError(
            "Voor deze wijk is nog geen welzijnsmedewerker bekend. Neem contact op met de coördinator."
        )
    signal = CareSignal.objects.create(street=street, raised_by=raised_by, **fields)
    transaction.on_commit(lambda: _tell_staff_of_new_signal(signal.pk))
    return signal


def _tell_staff_of_new_signal(signal_id: int) -> None:
    # The e-mail names the street only: the concern and the neighbour stay behind the login.
    signal = CareSignal.objects.select_related("street").get(pk=signal_id)
    url = reverse("insights:staff_signal", args=[signal.pk])
    for staff in welzijn_staff_of(signal.street):
        send_to_user(
            staff,
            "insights/email/signal_raised",
            {"signal": signal, "street": signal.street, "signal_url": url},
        )


def _tell_gangmaker(signal: CareSignal, template: str) -> None:
    if signal.raised_by_id is None:
        return
    url = reverse("insights:my_signal", args=[signal.street_id, signal.pk])
    transaction.on_commit(
        lambda: send_to_user(
            signal.raised_by,
            template,
            {"signal": signal, "street": signal.street, "signal_url": url},
        )
    )


@transaction.atomic
def acknowledge_signal(signal: CareSignal, by) -> CareSignal:
    """Staff take the signal on; the gangmaker hears that someone is looking."""
    signal = (
        CareSignal.objects.select_for_update(of=("self",))
        .select_related("street", "raised_by")
        .get(pk=signal.pk)
    )
    if signal.status != SignalStatus.OPEN:
        raise CareSignalError(_("Dit zorgsignaal is al in behandeling genomen."))
    signal.status = SignalStatus.ACKNOWLEDGED
    signal.acknowledged_at = timezone.now()
    signal.acknowledged_by = by
    signal.save(update_fields=["status", "acknowledged_at", "acknowledged_by"])
    _tell_gangmaker(signal, "insights/email/signal_acknowledged")
    return signal


@transaction.atomic
def add_note(signal: CareSignal, by, text: str) -> CareSignalNote:
    """A note for the staff's own record; the gangmaker does not see it."""
    if signal.status == SignalStatus.CLOSED:
        raise CareSignalError(_("Dit zorgsignaal is afgesloten."))
    return CareSignalNote.objects.create(signal=signal, author=by, text=text)


@transaction.atomic
def close_signal(signal: CareSignal, by, message: str = "") -> CareSignal:
    """Close the signal (acknowledging it on the way if needed); the gangmaker is told."""
    signal = (
        CareSignal.objects.select_for_update(of=("self",))
        .select_related("street", "raised_by")
        .get(pk=signal.pk)
    )
    if signal.status == SignalStatus.CLOSED:
        raise CareSignalError(_("Dit zorgsignaal is al afgesloten."))
    now = timezone.now()
    if signal.acknowledged_at is None:
        signal.acknowledged_at, signal.acknowledged_by = now, by
    signal.status = SignalStatus.CLOSED
    signal.closed_at, signal.closed_by = now, by
    signal.closing_message = message
    signal.save()
    _tell_gangmaker(signal, "insights/email/signal_closed")
    return signal


def questions_for_staff(user):
    """The questions from the streets of the wijken `user` is assigned to (no others)."""
    paths = list(
        WelzijnAssignment.objects.filter(user=user).values_list("neighbourhood__path", flat=True)
    )
    if not paths:
        return WelzijnQuestion.objects.none()
    condition = Q()
    for path in paths:
        condition |= Q(street__path__startswith=path)
    return WelzijnQuestion.objects.filter(condition)


def wijk_of(street: StreetPage):
    """The wijk (NeighbourhoodPage) `street` lies in, or None."""
    return NeighbourhoodPage.objects.ancestor_of(street).first()


@transaction.atomic
def ask_question(street: StreetPage, asked_by, question: str) -> WelzijnQuestion:
    """A gangmaker asks the wijk's welzijn staff; refused when the wijk has none."""
    if not welzijn_staff_of(street).exists():
        raise CareSignalError(
            "Voor deze wijk is nog geen welzijnsmedewerker bekend. Neem contact op met de coördinator."
        )
    asked = WelzijnQuestion.objects.create(street=street, asked_by=asked_by, question=question)
    transaction.on_commit(lambda: _tell_staff_of_question(asked.pk))
    return asked


def _tell_staff_of_question(question_id: int) -> None:
    # Like a care signal's e-mail: the street only, the question stays behind the login.
    asked = WelzijnQuestion.objects.select_related("street").get(pk=question_id)
    url = reverse("insights:staff_question", args=[asked.pk])
    for staff in welzijn_staff_of(asked.street):
        send_to_user(
            staff,
            "insights/email/question_asked",
            {"question": asked, "street": asked.street, "question_url": url},
        )


@transaction.atomic
def answer_question(question: WelzijnQuestion, by, answer: str) -> WelzijnQuestion:
    """Staff answer once; only the gangmaker who asked is told."""
    question = WelzijnQuestion.objects.select_for_update().get(pk=question.pk)
    if question.is_answered:
        raise CareSignalError(_("Deze vraag is al beantwoord."))
    question.answer = answer
    question.answered_by = by
    question.answered_at = timezone.now()
    question.save(update_fields=["answer", "answered_by", "answered_at"])
    if question.asked_by_id is not None:
        url = reverse("insights:questions", args=[question.street_id])
        asked_by, street = question.asked_by, question.street
        transaction.on_commit(
            lambda: send_to_user(
                asked_by,
                "insights/email/question_answered",
                {"question": question, "street": street, "questions_url": url},
            )
        )
    return question


@transaction.atomic
def create_api_token(municipality, name: str, by) -> tuple[ApiToken, str]:
    """Make a token; returns the row and the token itself, which is never stored or shown again."""
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        municipality=municipality,
        name=name,
        token_hash=hash_token(raw),
        prefix=raw[:10],
        created_by=by,
    )
    return token, raw


def revoke_api_token(token: ApiToken) -> None:
    ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())


def authenticate_token(raw: str) -> ApiToken | None:
    """The active token matching `raw`, or None. Marks it used (at most once a minute)."""
    if not raw.startswith(TOKEN_PREFIX) or len(raw) > 100:
        return None
    token = (
        ApiToken.objects.filter(token_hash=hash_token(raw), revoked_at__isnull=True)
        .select_related("municipality")
        .first()
    )
    if token is not None:
        now = timezone.now()
        if token.last_used_at is None or now - token.last_used_at > timezone.timedelta(minutes=1):
            ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
