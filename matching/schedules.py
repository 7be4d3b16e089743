"""The board's and the matching's scheduled jobs (ops/schedules.py), Amsterdam time.

The night's order: posts past their end date expire first, just after midnight, so a post
stands through its last day; then unanswered proposals expire, open requests are matched again
and new addresses are looked up; finished posts past the retention period go last. Digests and
e-mail held back during quiet hours go out every hour.
"""

from datetime import time

from ops.schedules import daily, hourly

SCHEDULES = [
    daily("prikbord: verlopen berichten", "expire_posts", at=time(0, 20)),
    daily("koppelen: onbeantwoorde voorstellen verlopen", "expire_proposals", at=time(2, 0)),
    daily("koppelen: open hulpvragen opnieuw", "rematch_open_requests", at=time(2, 30)),
    daily("koppelen: adressen opzoeken", "geocode_addresses", at=time(3, 0)),
    # Retention (privacy): finished help posts after RETENTION_CLOSED_POSTS_DAYS.
    daily("privacy: oude berichten verwijderen", "remove_closed_posts", at=time(3, 10)),
    # The evening before a rota moment its helper is reminded (not urgent: quiet hours hold).
    daily("zorgrooster: herinneringen voor morgen", "remind_rota_helpers", at=time(19, 0)),
    hourly("koppelen: samenvattingen en wachtende berichten", "send_digests", minute=5),
]
