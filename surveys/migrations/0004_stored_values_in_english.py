"""Stored values in English: a survey's closed state, the paper channel and the drafts' kinds
and states were Dutch ("gesloten", "papier", "aanbod", "wacht", ...).

The labels stay Dutch (through gettext); existing rows are converted, and back.
"""

from django.db import migrations, models

# model, field, {Dutch: English}
VALUES = [
    ("Survey", "status", {"gesloten": "closed"}),
    ("SurveyResponse", "channel", {"papier": "paper"}),
    ("DraftPost", "kind", {"aanbod": "offer", "vraag": "request"}),
    (
        "DraftPost",
        "status",
        {"wacht": "pending", "geplaatst": "posted", "vervallen": "discarded"},
    ),
]


def _check_foreign_keys_now(schema_editor):
    """PostgreSQL will not ALTER a table while checks of its deferred foreign keys are pending,
    as they are after the updates above; run those checks now, so the constraint changes that
    follow in this migration's transaction can run."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def to_english(apps, schema_editor):
    for model_name, field, mapping in VALUES:
        model = apps.get_model("surveys", model_name)
        for old, new in mapping.items():
            model.objects.filter(**{field: old}).update(**{field: new})
    _check_foreign_keys_now(schema_editor)


def to_dutch(apps, schema_editor):
    for model_name, field, mapping in VALUES:
        model = apps.get_model("surveys", model_name)
        for old, new in mapping.items():
            model.objects.filter(**{field: new}).update(**{field: old})
    _check_foreign_keys_now(schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('surveys', '0003_retention_schedule'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='draftpost',
            name='survey_draft_kind_valid',
        ),
        migrations.RemoveConstraint(
            model_name='draftpost',
            name='survey_draft_status_valid',
        ),
        migrations.RemoveConstraint(
            model_name='survey',
            name='survey_status_valid',
        ),
        migrations.RemoveConstraint(
            model_name='survey',
            name='survey_closed_at_iff_closed',
        ),
        migrations.RemoveConstraint(
            model_name='surveyresponse',
            name='survey_response_channel_valid',
        ),
        migrations.RunPython(to_english, to_dutch),
        migrations.AlterField(
            model_name='draftpost',
            name='kind',
            field=models.CharField(choices=[('offer', 'aanbod'), ('request', 'hulpvraag')], max_length=20, verbose_name='soort'),
        ),
        migrations.AlterField(
            model_name='draftpost',
            name='status',
            field=models.CharField(choices=[('pending', 'wacht op bevestiging'), ('posted', 'op het prikbord gezet'), ('discarded', 'niet geplaatst')], default='pending', max_length=20, verbose_name='status'),
        ),
        migrations.AlterField(
            model_name='survey',
            name='status',
            field=models.CharField(choices=[('open', 'open'), ('closed', 'gesloten')], default='open', max_length=20, verbose_name='status'),
        ),
        migrations.AlterField(
            model_name='surveyresponse',
            name='channel',
            field=models.CharField(choices=[('online', 'online, door een buur met een account'), ('link', 'via de link of de QR-code'), ('paper', 'op papier, ingevoerd door een gangmaker')], max_length=20, verbose_name='ingevuld'),
        ),
        migrations.AddConstraint(
            model_name='draftpost',
            constraint=models.CheckConstraint(condition=models.Q(('kind__in', ['offer', 'request'])), name='survey_draft_kind_valid'),
        ),
        migrations.AddConstraint(
            model_name='draftpost',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['pending', 'posted', 'discarded'])), name='survey_draft_status_valid'),
        ),
        migrations.AddConstraint(
            model_name='survey',
            constraint=models.CheckConstraint(condition=models.Q(('status__in', ['open', 'closed'])), name='survey_status_valid'),
        ),
        migrations.AddConstraint(
            model_name='survey',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('closed_at__isnull', True), ('status', 'open')), models.Q(('closed_at__isnull', False), ('status', 'closed')), _connector='OR'), name='survey_closed_at_iff_closed'),
        ),
        migrations.AddConstraint(
            model_name='surveyresponse',
            constraint=models.CheckConstraint(condition=models.Q(('channel__in', ['online', 'link', 'paper'])), name='survey_response_channel_valid'),
        ),
    ]
