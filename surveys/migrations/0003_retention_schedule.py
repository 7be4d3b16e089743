"""The nightly job that removes the answers of surveys closed longer than the retention period.

It calls a management command, so cron, tests and people can run the same thing by hand.
"""

import datetime
import zoneinfo

from django.db import migrations

NAME = "enquêtes: verlopen antwoorden verwijderen"


def _next_night() -> datetime.datetime:
    """The next 04:30 Amsterdam time: quiet, and after the board's nightly jobs."""
    now = datetime.datetime.now(zoneinfo.ZoneInfo("Europe/Amsterdam"))
    moment = now.replace(hour=4, minute=30, second=0, microsecond=0)
    return moment if moment > now else moment + datetime.timedelta(days=1)


def create_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.update_or_create(
        name=NAME,
        defaults={
            "func": "django.core.management.call_command",
            "args": "'remove_expired_survey_answers'",
            "schedule_type": "D",
            "next_run": _next_night(),
            "repeats": -1,
        },
    )


def remove_schedule(apps, schema_editor):
    Schedule = apps.get_model("django_q", "Schedule")
    Schedule.objects.filter(name=NAME).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("surveys", "0002_draft_post_on_board"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = [migrations.RunPython(create_schedule, remove_schedule)]
