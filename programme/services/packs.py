"""The startpakket: per street per year what goes out (folder, kaartjes, straatkaart, tips)."""

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from programme.choices import PackItem
from programme.models import StarterPack
from streets.models import StreetPage

from .applications import ApplicationError


def packs_to_send(municipality, year: int):
    """Recorded packs not yet sent, and live streets that have no pack for `year` yet."""
    unsent = (
        StarterPack.objects.filter(street__path__startswith=municipality.path, sent_on__isnull=True)
        .select_related("street")
        .order_by("year", "street__title")
    )
    without = (
        StreetPage.objects.live()
        .descendant_of(municipality)
        .exclude(starter_packs__year=year)
        .order_by("title")
    )
    return list(unsent), list(without)


@transaction.atomic
def record_pack(street: StreetPage, year: int) -> tuple[StarterPack, bool]:
    return StarterPack.objects.get_or_create(street=street, year=year)


@transaction.atomic
def mark_pack_sent(
    pack: StarterPack, by, *, sent_on: datetime.date, recipient: str, items: list[str]
) -> StarterPack:
    pack = StarterPack.objects.select_for_update().get(pk=pack.pk)
    if not items:
        raise ApplicationError(_("Kies wat er in het pakket zat."))
    if sent_on > timezone.localdate():
        raise ApplicationError(_("Die datum ligt in de toekomst."))
    for item in PackItem:
        setattr(pack, item.value, item.value in items)
    pack.sent_on = sent_on
    pack.recipient = recipient.strip()
    pack.sent_by = by
    pack.save()
    return pack


@transaction.atomic
def confirm_pack_received(pack: StarterPack, by) -> StarterPack:
    """The gangmaker says the pack arrived. Saying it twice keeps the first moment."""
    pack = StarterPack.objects.select_for_update().get(pk=pack.pk)
    if pack.received_at is None:
        pack.received_at = timezone.now()
        pack.received_by = by
        if pack.sent_on is None:
            # Handed over without the coordinator marking it: received is sent too.
            pack.sent_on = timezone.localdate()
        pack.save()
    return pack
