"""Wagtail's first migration names its moderation workflow and task "Moderators approval",
stored as data, so a Dutch admin read "Stuur door naar Moderators approval". Give them a Dutch
name (only where the name is still Wagtail's default), and back."""

from django.db import migrations

WAGTAIL_NAME = "Moderators approval"
DUTCH_NAME = "Goedkeuring door moderatoren"


def _rename(apps, old: str, new: str) -> None:
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def to_dutch(apps, schema_editor):
    _rename(apps, WAGTAIL_NAME, DUTCH_NAME)


def to_wagtail(apps, schema_editor):
    _rename(apps, DUTCH_NAME, WAGTAIL_NAME)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_dutch, to_wagtail)]
