"""The network's scheduled jobs (ops/schedules.py): newsletters left half-sent go on, and
who an old issue went to is forgotten.

A killed batch is retried by django-q2 itself; this hourly run is the net under that, and
what resumes a send after the mail server was out of reach.
"""

from datetime import time

from ops.schedules import daily, hourly

SCHEDULES = [
    hourly("nieuwsbrief: wachtende mails versturen", "send_newsletters", minute=35),
    # Retention (privacy): delivery rows after RETENTION_NEWSLETTER_DELIVERIES_DAYS.
    daily(
        "privacy: ontvangers van oude nieuwsbrieven",
        "forget_newsletter_recipients",
        at=time(3, 25),
    ),
]
