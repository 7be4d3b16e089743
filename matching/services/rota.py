"""Care rotas: making one, letting the engine propose helpers, answers, gaps and swaps.

The engine's planner (engine/rota.py) is pure; this module reads the street's offers the way
the matching of single requests does (services/matching.py), writes what it proposes on the
rota's moments, and tells each helper once per plan what they are asked to take. Every change
runs in a transaction that locks the rota row, so two gangmakers clicking at once, or a helper
answering while the gangmaker plans, cannot give one moment two helpers.
"""

import datetime
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from accounts.languages import usable
from matching import engine, help_cache
from matching.models import (
    CareRota,
    HelpRequest,
    Notification,
    RotaDecline,
    RotaMoment,
    RotaMomentState,
)
from matching.reasons import FILLED_BY_GANGMAKER
from streets.choices import MembershipStatus
from streets.models import StreetMembership
from streets.vocabulary import Dagdeel

from .matching import StreetInputs, _homes, _offers, _read_matches
from .notifications import enqueue_send


class RotaError(Exception):
    """A change the rota does not allow; the message is Dutch and meant for the person."""


def moment_label(moment: RotaMoment) -> str:
    """ "za 5 december, avond": how a person reads a moment."""
    day = formats.date_format(moment.day, "D j F")
    return f"{day}, {Dagdeel(moment.dagdeel).label}"


def create_rota(
    help_request: HelpRequest,
    *,
    by,
    first_day: datetime.date,
    days: int,
    dagdelen: list[str],
    per_week: int,
    today: datetime.date | None = None,
) -> CareRota:
    """A rota for `help_request`: one moment per day and dagdeel, then a first plan."""
    today = today or timezone.localdate()
    with transaction.atomic():
        locked = HelpRequest.objects.select_for_update().get(pk=help_request.pk)
        if CareRota.objects.filter(request=locked).exists():
            raise RotaError(_("Voor deze hulpvraag bestaat al een zorgrooster."))
        order = {value: number for number, value in enumerate(Dagdeel.values)}
        dagdelen = sorted(set(dagdelen), key=order.__getitem__)
        rota = CareRota.objects.create(
            street_id=locked.street_id,
            request=locked,
            first_day=first_day,
            days=days,
            dagdelen=dagdelen,
            per_week=per_week,
            created_by=by,
        )
        RotaMoment.objects.bulk_create(
            RotaMoment(rota=rota, day=first_day + datetime.timedelta(days=offset), dagdeel=d)
            for offset in range(days)
            for d in dagdelen
        )
        help_cache.bump(rota.street_id)  # bulk_create sends no signal
        plan(rota, today=today)
    return rota


def _engine_rota(rota: CareRota, home) -> engine.Rota:
    moments = frozenset(engine.Moment(m.day, m.dagdeel) for m in rota.moments.all())
    house_number, location = home or ("", None)
    return engine.Rota(
        id=rota.pk,
        street_id=rota.street_id,
        requester_id=rota.request.author_id,
        category=rota.request.category,
        moments=moments,
        per_week=rota.per_week,
        location=location,
        house_number=house_number,
    )


def plan(rota: CareRota, *, today: datetime.date | None = None) -> engine.RotaPlan:
    """Propose helpers for the open moments; moments with a helper stay as they are."""
    today = today or timezone.localdate()
    with transaction.atomic():
        rota = CareRota.objects.select_for_update().select_related("request").get(pk=rota.pk)
        street_id = rota.street_id
        homes = _homes([street_id])
        load, _helpers = _read_matches({street_id: StreetInputs()})
        offers = list(_offers([street_id], today, homes, load))
        moments = list(rota.moments.all())
        by_key = {(m.day, m.dagdeel): m for m in moments}
        taken = {engine.Moment(m.day, m.dagdeel): m.helper_id for m in moments if m.helper_id}
        declined = [
            (engine.Moment(d.moment.day, d.moment.dagdeel), d.helper_id)
            for d in RotaDecline.objects.filter(moment__rota=rota).select_related("moment")
        ]
        result = engine.plan_rota(
            _engine_rota(rota, homes.get((street_id, rota.request.author_id))),
            offers,
            today=today,
            taken=taken,
            declined=declined,
        )
        asked = defaultdict(list)
        for share in result.shares:
            reasons = [reason.as_json() for reason in share.reasons]
            for moment in share.proposed:
                row = by_key[moment.day, moment.dagdeel]
                row.helper_id = share.helper_id
                row.state = RotaMomentState.PROPOSED
                row.reasons = reasons
                row.by_hand = False
                asked[share.helper_id].append(row)
        RotaMoment.objects.bulk_update(
            [row for rows in asked.values() for row in rows],
            ["helper", "state", "reasons", "by_hand"],
        )
        help_cache.bump(rota.street_id)  # bulk_update sends no signal
        # Each helper reads the news in their own language.
        languages = dict(
            get_user_model().objects.filter(pk__in=asked).values_list("pk", "language")
        )
        for helper_id, rows in asked.items():
            with translation.override(usable(languages.get(helper_id))):
                _notify(
                    rota,
                    helper_id,
                    "rota_proposed",
                    _(
                        "%(requester)s krijgt hulp via een zorgrooster. Kunt u %(count)s keer "
                        "helpen? Het eerste moment: %(first)s."
                    )
                    % {
                        "requester": rota.request.author.first_name,
                        "count": len(rows),
                        "first": moment_label(rows[0]),
                    },
                )
    return result


def _written_for(user_id: int, render, moment: RotaMoment) -> str:
    """`render(moment)` (a notification's text, moment label and all) in the language of the
    helper it is for, not in that of the gangmaker who acted nor the schedule's default."""
    language = (
        get_user_model().objects.filter(pk=user_id).values_list("language", flat=True).first()
    )
    with translation.override(usable(language)):
        return render(moment)


def _by_hand_text(moment: RotaMoment) -> str:
    return _("De gangmaker heeft u ingeroosterd bij %(requester)s: %(moment)s.") % {
        "requester": moment.rota.request.author.first_name,
        "moment": moment_label(moment),
    }


def _swapped_text(moment: RotaMoment) -> str:
    return _("Uw moment bij %(requester)s is gewijzigd: %(moment)s.") % {
        "requester": moment.rota.request.author.first_name,
        "moment": moment_label(moment),
    }


def _reminder_text(moment: RotaMoment) -> str:
    request = moment.rota.request
    return _("Morgen, %(moment)s, helpt u %(requester)s (nr. %(number)s) met %(category)s.") % {
        "moment": moment_label(moment),
        "requester": request.author.first_name,
        "number": _house_number(moment.rota),
        "category": request.get_category_display(),
    }


def _notify(rota: CareRota, user_id: int, kind: str, text: str, urgent: bool = False) -> None:
    notification = Notification.objects.create(
        user_id=user_id, street_id=rota.street_id, kind=kind, text=text[:300], urgent=urgent
    )
    transaction.on_commit(lambda pk=notification.pk: enqueue_send(pk))


def answer(rota: CareRota, helper, *, accept: list[int], decline: list[int]) -> tuple[int, int]:
    """The helper's answer on the moments proposed to them: (accepted, declined) counts.

    Only moments that are proposed to this helper change; other ids are ignored, so a stale
    form cannot take a moment someone else holds.
    """
    with transaction.atomic():
        CareRota.objects.select_for_update().get(pk=rota.pk)
        mine = RotaMoment.objects.filter(rota=rota, helper=helper, state=RotaMomentState.PROPOSED)
        accepted = mine.filter(pk__in=accept).update(state=RotaMomentState.ACCEPTED)
        declining = list(mine.filter(pk__in=decline).exclude(pk__in=accept))
        RotaDecline.objects.bulk_create(
            [RotaDecline(moment=m, helper=helper) for m in declining], ignore_conflicts=True
        )
        RotaMoment.objects.filter(pk__in=[m.pk for m in declining]).update(
            helper=None, state=RotaMomentState.OPEN, reasons=[]
        )
        # update() and bulk_create send no signal: the helper's kept Mijn hulp must go.
        help_cache.bump(rota.street_id)
    return accepted, len(declining)


def is_street_member(rota: CareRota, user_id: int) -> bool:
    return StreetMembership.objects.filter(
        street_id=rota.street_id, user_id=user_id, status=MembershipStatus.APPROVED
    ).exists()


def fill_by_hand(moment: RotaMoment, helper, *, by) -> None:
    """A gangmaker puts a neighbour on an open moment (after asking them, by phone or at the
    door): the moment is taken at once."""
    with transaction.atomic():
        CareRota.objects.select_for_update().get(pk=moment.rota_id)
        moment = RotaMoment.objects.get(pk=moment.pk)
        if moment.helper_id:
            raise RotaError(_("Dit moment heeft al een helper. Kies een open moment."))
        if helper.pk == moment.rota.request.author_id:
            raise RotaError(_("De buur die hulp krijgt kan geen helper zijn op dit rooster."))
        if not is_street_member(moment.rota, helper.pk):
            raise RotaError(_("Kies een bewoner van deze straat."))
        moment.helper = helper
        moment.state = RotaMomentState.ACCEPTED
        moment.by_hand = True
        # Rendered for each reader in their own language (matching/reasons.py).
        moment.reasons = [FILLED_BY_GANGMAKER]
        moment.save(update_fields=["helper", "state", "by_hand", "reasons"])
        _notify(
            moment.rota,
            helper.pk,
            "rota_by_hand",
            _written_for(helper.pk, _by_hand_text, moment),
        )


def swap(first: RotaMoment, second: RotaMoment, *, by) -> None:
    """Two moments of one rota change helpers (and their answers); both must have one."""
    if first.rota_id != second.rota_id or first.pk == second.pk:
        raise RotaError(_("Kies twee verschillende momenten van dit rooster."))
    with transaction.atomic():
        CareRota.objects.select_for_update().get(pk=first.rota_id)
        first, second = (RotaMoment.objects.get(pk=m.pk) for m in (first, second))
        if not (first.helper_id and second.helper_id):
            raise RotaError(
                _("Ruilen kan alleen tussen twee momenten die allebei een helper hebben.")
            )
        fields = ("helper_id", "state", "reasons", "by_hand")
        one = {f: getattr(first, f) for f in fields}
        for f in fields:
            setattr(first, f, getattr(second, f))
            setattr(second, f, one[f])
        first.reminded_at = second.reminded_at = None
        for moment in (first, second):
            moment.save(update_fields=["helper", "state", "reasons", "by_hand", "reminded_at"])
        for moment in (first, second):
            _notify(
                moment.rota,
                moment.helper_id,
                "rota_swapped",
                _written_for(moment.helper_id, _swapped_text, moment),
            )


def remind_helpers(now: datetime.datetime | None = None) -> int:
    """The evening before: a reminder for every accepted moment of tomorrow, once.

    The notification is not urgent, so during quiet hours its e-mail waits for the morning
    run; the schedule runs at 19:00 so it normally goes out at once."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + datetime.timedelta(days=1)
    due = RotaMoment.objects.filter(
        day=tomorrow, state=RotaMomentState.ACCEPTED, reminded_at__isnull=True
    ).select_related("rota__request__author", "rota__request")
    sent = 0
    for moment in due:
        with transaction.atomic():
            if not RotaMoment.objects.filter(pk=moment.pk, reminded_at__isnull=True).update(
                reminded_at=now
            ):
                continue  # another run reminded this moment meanwhile
            _notify(
                moment.rota,
                moment.helper_id,
                "rota_reminder",
                _written_for(moment.helper_id, _reminder_text, moment),
            )
            sent += 1
    return sent


def _house_number(rota: CareRota) -> str:
    return (
        StreetMembership.objects.filter(street_id=rota.street_id, user_id=rota.request.author_id)
        .values_list("house_number", flat=True)
        .first()
        or "?"
    )


def coverage(rota: CareRota) -> tuple[int, int]:
    """(moments with a helper, all moments)."""
    moments = list(rota.moments.values_list("state", flat=True))
    return sum(state != RotaMomentState.OPEN for state in moments), len(moments)
