"""The board's daily job: posts past their end date expire (management command expire_posts).

Runs just after midnight, Amsterdam time, so a post stands through its last day.
"""

import datetime
import zoneinfo

from django.db import migrations

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
NAME = "prikbord: verlopen berichten"


def _next_run(hour: int, minute: int) -> datetime.datetime:
    now = datetime.datetime.now(AMSTERDAM)
    moment = now.replace(hour=hour, minute=minute, second=0, microsecond=0)
    return moment if moment > now else moment + datetime.timedelta(days=1)


def create_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.update_or_create(
        name=NAME,
        defaults={
            "func": "django.core.management.call_command",
            "args": "'expire_posts'",
            "schedule_type": "D",
            "next_run": _next_run(0, 20),
            "repeats": -1,
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
