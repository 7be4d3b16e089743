"""The retention job: finished help posts past the retention period are removed, daily at 03:10
Amsterdam time (management command remove_closed_posts)."""

import datetime
import zoneinfo

from django.db import migrations

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
NAME = "privacy: oude berichten verwijderen"


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
            "args": "'remove_closed_posts'",
            "schedule_type": "D",
            "next_run": _next_run(3, 10),
            "repeats": -1,
        },
    )


def remove_schedule(apps, schema_editor):
    apps.get_model("django_q", "Schedule").objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_personal_data_link"),
        ("matching", "0002_expire_posts_schedule"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
