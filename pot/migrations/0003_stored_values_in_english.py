"""Stored values in English: the occasions and gifts of expenses, tips and reminders were Dutch.

The labels stay Dutch (through gettext). Existing rows are converted, and back, and so are the
occasion and gift that the pot log keeps in its details.
"""

from django.db import migrations, models

OCCASIONS = {
    "ziek": "ill",
    "eenzaam": "lonely",
    "nieuwe_bewoner": "new_resident",
    "geboorte": "birth",
    "huwelijksjubileum": "wedding_anniversary",
    "rouw": "grief",
    "verhuizing": "moving",
    "anders": "other",
}
GIFTS = {
    "bloemen": "flowers",
    "kaart": "card",
    "chocolade": "chocolate",
    "fruitmand": "fruit_basket",
    "anders": "other",
}


def _convert(apps, occasions, gifts):
    for model_name in ("Expense", "Tip", "Reminder"):
        model = apps.get_model("pot", model_name)
        for old, new in occasions.items():
            model.objects.filter(occasion=old).update(occasion=new)
    Expense = apps.get_model("pot", "Expense")
    for old, new in gifts.items():
        Expense.objects.filter(gift=old).update(gift=new)
    AuditEntry = apps.get_model("pot", "AuditEntry")
    for entry in AuditEntry.objects.exclude(details={}).only("details").iterator():
        details = dict(entry.details)
        if details.get("occasion") in occasions:
            details["occasion"] = occasions[details["occasion"]]
        if details.get("gift") in gifts:
            details["gift"] = gifts[details["gift"]]
        if details != entry.details:
            AuditEntry.objects.filter(pk=entry.pk).update(details=details)


def _check_foreign_keys_now(schema_editor):
    """PostgreSQL will not ALTER a table while checks of its deferred foreign keys are pending,
    as they are after the updates above; run those checks now, so the constraint changes that
    follow in this migration's transaction can run."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _reversed(mapping):
    return {new: old for old, new in mapping.items()}


def to_english(apps, schema_editor):
    _convert(apps, OCCASIONS, GIFTS)
    _check_foreign_keys_now(schema_editor)


def to_dutch(apps, schema_editor):
    _convert(apps, _reversed(OCCASIONS), _reversed(GIFTS))
    _check_foreign_keys_now(schema_editor)


class Migration(migrations.Migration):

    dependencies = [
        ('pot', '0002_schedules'),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='expense',
            name='expense_occasion_valid',
        ),
        migrations.RemoveConstraint(
            model_name='expense',
            name='expense_gift_valid',
        ),
        migrations.RemoveConstraint(
            model_name='reminder',
            name='reminder_occasion_valid',
        ),
        migrations.RemoveConstraint(
            model_name='tip',
            name='tip_occasion_valid',
        ),
        migrations.RunPython(to_english, to_dutch),
        migrations.AlterField(
            model_name='expense',
            name='gift',
            field=models.CharField(choices=[('flowers', 'bloemen'), ('card', 'kaart'), ('chocolate', 'chocolade'), ('fruit_basket', 'fruitmand'), ('other', 'anders')], max_length=20, verbose_name='wat gegeven'),
        ),
        migrations.AlterField(
            model_name='expense',
            name='occasion',
            field=models.CharField(choices=[('ill', 'ziek'), ('lonely', 'eenzaam'), ('new_resident', 'nieuwe bewoner'), ('birth', 'geboorte'), ('wedding_anniversary', 'huwelijksjubileum'), ('diploma', 'diploma'), ('grief', 'rouw'), ('moving', 'verhuizing'), ('other', 'anders')], max_length=20, verbose_name='aanleiding'),
        ),
        migrations.AlterField(
            model_name='reminder',
            name='occasion',
            field=models.CharField(choices=[('ill', 'ziek'), ('lonely', 'eenzaam'), ('new_resident', 'nieuwe bewoner'), ('birth', 'geboorte'), ('wedding_anniversary', 'huwelijksjubileum'), ('diploma', 'diploma'), ('grief', 'rouw'), ('moving', 'verhuizing'), ('other', 'anders')], max_length=20, verbose_name='aanleiding'),
        ),
        migrations.AlterField(
            model_name='tip',
            name='occasion',
            field=models.CharField(choices=[('ill', 'ziek'), ('lonely', 'eenzaam'), ('new_resident', 'nieuwe bewoner'), ('birth', 'geboorte'), ('wedding_anniversary', 'huwelijksjubileum'), ('diploma', 'diploma'), ('grief', 'rouw'), ('moving', 'verhuizing'), ('other', 'anders')], max_length=20, verbose_name='aanleiding'),
        ),
        migrations.AddConstraint(
            model_name='expense',
            constraint=models.CheckConstraint(condition=models.Q(('occasion__in', ['ill', 'lonely', 'new_resident', 'birth', 'wedding_anniversary', 'diploma', 'grief', 'moving', 'other'])), name='expense_occasion_valid'),
        ),
        migrations.AddConstraint(
            model_name='expense',
            constraint=models.CheckConstraint(condition=models.Q(('gift__in', ['flowers', 'card', 'chocolate', 'fruit_basket', 'other'])), name='expense_gift_valid'),
        ),
        migrations.AddConstraint(
            model_name='reminder',
            constraint=models.CheckConstraint(condition=models.Q(('occasion__in', ['ill', 'lonely', 'new_resident', 'birth', 'wedding_anniversary', 'diploma', 'grief', 'moving', 'other'])), name='reminder_occasion_valid'),
        ),
        migrations.AddConstraint(
            model_name='tip',
            constraint=models.CheckConstraint(condition=models.Q(('occasion__in', ['ill', 'lonely', 'new_resident', 'birth', 'wedding_anniversary', 'diploma', 'grief', 'moving', 'other'])), name='tip_occasion_valid'),
        ),
    ]
