"""Stored values in English: the role of a member who is not a gangmaker was "bewoner".

The label stays "bewoner" (through gettext); existing rows are converted, and back.
"""

from django.db import migrations, models

ROLES = {"bewoner": "resident"}


def _convert(apps, mapping):
    StreetMembership = apps.get_model("streets", "StreetMembership")
    for old, new in mapping.items():
        StreetMembership.objects.filter(role=old).update(role=new)


def _check_foreign_keys_now(schema_editor):
    """PostgreSQL will not ALTER a table while checks of its deferred foreign keys are pending,
    as they are after the updates above; run those checks now, so the constraint changes that
    follow in this migration's transaction can run."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def to_english(apps, schema_editor):
    _convert(apps, ROLES)
    _check_foreign_keys_now(schema_editor)


def to_dutch(apps, schema_editor):
    _convert(apps, {new: old for old, new in ROLES.items()})
    _check_foreign_keys_now(schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('streets', '0002_events_recurrence_attendance'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='streetmembership',
            name='membership_role_valid',
        ),
        migrations.RunPython(to_english, to_dutch),
        migrations.AlterField(
            model_name='streetmembership',
            name='role',
            field=models.CharField(choices=[('resident', 'bewoner'), ('gangmaker', 'gangmaker')], default='resident', max_length=20, verbose_name='rol'),
        ),
        migrations.AddConstraint(
            model_name='streetmembership',
            constraint=models.CheckConstraint(condition=models.Q(('role__in', ['resident', 'gangmaker'])), name='membership_role_valid'),
        ),
    ]
