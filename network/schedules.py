"""The network's scheduled job (ops/schedules.py): newsletters left half-sent go on.

A killed batch is retried by django-q2 itself; this hourly run is the net under that, and
what resumes a send after the mail server was out of reach.
"""

from ops.schedules import hourly

SCHEDULES = [hourly("nieuwsbrief: wachtende mails versturen", "send_newsletters", minute=35)]
