"""The pot's scheduled jobs (ops/schedules.py), Amsterdam time: open the new year's pots,
forget health texts, send the gangmakers' reminders."""

from datetime import time

from ops.schedules import daily, yearly

SCHEDULES = [
    # Safe to run twice: a street's pot for the year is opened once.
    yearly("potjes: nieuw jaar openen", "open_pots", on=(1, 1), at=time(0, 5)),
    daily("potjes: gevoelige tekst wissen", "expire_pot_texts", at=time(3, 15)),
    daily("potjes: herinneringen mailen", "send_pot_reminders", at=time(8, 0)),
]
