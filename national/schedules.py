"""The national layer's scheduled job (ops/schedules.py): retention of the interest forms."""

from datetime import time

from ops.schedules import daily

SCHEDULES = [
    # Retention (privacy): interest forms after RETENTION_INTEREST_DAYS.
    daily("privacy: oude belangstellingsformulieren", "remove_old_interest", at=time(3, 20)),
]
