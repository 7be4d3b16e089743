"""The pot's scheduled jobs: open the new year's pots, forget health texts, send reminders.

Each calls a management command, so cron, tests and people can run the same thing by hand.
"""

import datetime
import zoneinfo

from django.db import migrations

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


def _next(month_day: tuple[int, int] | None, hour: int, minute: int) -> datetime.datetime:
    """The next moment at hour:minute Amsterdam time (on month_day, if given)."""
    now = datetime.datetime.now(AMSTERDAM)
    if month_day is None:
        moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return moment if moment > now else moment + datetime.timedelta(days=1)
    month, day = month_day
    moment = now.replace(month=month, day=day, hour=hour, minute=minute, second=0, microsecond=0)
    return moment if moment > now else moment.replace(year=now.year + 1)


SCHEDULES = [
    # name, command, schedule type (django-q2: Y yearly, D daily), first run
    ("potjes: nieuw jaar openen", "open_pots", "Y", lambda: _next((1, 1), 0, 5)),
    ("potjes: gevoelige tekst wissen", "expire_pot_texts", "D", lambda: _next(None, 3, 15)),
    ("potjes: herinneringen mailen", "send_pot_reminders", "D", lambda: _next(None, 8, 0)),
]


def create_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    for name, command, schedule_type, first_run in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name,
            defaults={
                "func": "django.core.management.call_command",
                "args": f"'{command}'",
                "schedule_type": schedule_type,
                "next_run": first_run(),
                "repeats": -1,
            },
        )


def remove_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.filter(name__in=[name for name, *_ in SCHEDULES]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("pot", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
