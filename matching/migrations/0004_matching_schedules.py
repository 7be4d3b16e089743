"""Scheduled matching jobs (management commands called by django-q2):
nightly re-match, daily expiry of unanswered proposals, hourly digests, nightly geocoding."""

import datetime
import zoneinfo

from django.db import migrations

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
SCHEDULES = [
    ("koppelen: open hulpvragen opnieuw", "rematch_open_requests", "D", (2, 30)),
    ("koppelen: onbeantwoorde voorstellen verlopen", "expire_proposals", "D", (2, 0)),
    ("koppelen: samenvattingen en wachtende berichten", "send_digests", "H", (8, 5)),
    ("koppelen: adressen opzoeken", "geocode_addresses", "D", (3, 0)),
]


def _next_run(hour: int, minute: int) -> datetime.datetime:
    now = datetime.datetime.now(AMSTERDAM)
    moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return moment if moment > now else moment + datetime.timedelta(days=1)


def create_schedules(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    for name, command, schedule_type, (hour, minute) in SCHEDULES:
        Schedule.objects.update_or_create(
            name=name,
            defaults={
                "func": "django.core.management.call_command",
                "args": repr(command),
                "schedule_type": schedule_type,
                "next_run": _next_run(hour, minute),
                "repeats": -1,
            },
        )


def remove_schedules(apps, schema_editor):
    names = [name for name, *_rest in SCHEDULES]
    apps.get_model("django_q", "Schedule").objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0003_matches"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedules, remove_schedules)]
