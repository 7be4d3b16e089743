import pytest

from pot.choices import AuditAction, Occasion, TipStatus
from pot.models import AuditEntry
from pot.services import PotError, dismiss_tip, mark_tip_handled, submit_tip


def test_a_tip_is_decided_once(world):
    tip = submit_tip(
        world.street_a, world.bewoner_a, Occasion.EENZAAM, "nr. 4", "Komt weinig buiten"
    )

    mark_tip_handled(tip, world.gangmaker_a)
    with pytest.raises(PotError, match="al afgehandeld"):
        dismiss_tip(tip, world.gangmaker_a)

    tip.refresh_from_db()
    assert tip.status == TipStatus.HANDLED
    assert tip.decided_by == world.gangmaker_a


def test_the_log_keeps_what_happened_to_a_tip_but_not_its_text(world):
    tip = submit_tip(world.street_a, world.bewoner_a, Occasion.ZIEK, "nr. 4", "Griep, ligt op bed")
    dismiss_tip(tip, world.gangmaker_a)

    entries = AuditEntry.objects.filter(street=world.street_a)
    assert set(entries.values_list("action", flat=True)) == {
        AuditAction.TIP_RECEIVED,
        AuditAction.TIP_DISMISSED,
    }
    assert "Griep" not in str(list(entries.values_list("subject", "details")))
    assert "nr. 4" not in str(list(entries.values_list("subject", "details")))
