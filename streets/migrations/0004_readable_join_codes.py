"""Street cards get readable join codes ("K7WM-4QHT"); the old code stays valid.

Every street whose code is of the old kind (random URL-safe text, with look-alike
characters) keeps it as `legacy_join_code`, so printed cards still work, and gets a new
readable code. Going back restores the old codes.
"""

import re
import secrets

from django.db import migrations, models

# As streets.join_codes at the time of writing (a migration does not follow later changes).
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
READABLE = re.compile(rf"^[{ALPHABET}]{{8}}$")


def _new_code(taken: set[str]) -> str:
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(8))
        if code not in taken:
            taken.add(code)
            return code


def give_readable_codes(apps, schema_editor):
    StreetPage = apps.get_model("streets", "StreetPage")
    taken = set(StreetPage.objects.values_list("join_code", flat=True))
    for street in StreetPage.objects.only("pk", "join_code").iterator():
        if READABLE.match(street.join_code or ""):
            continue
        StreetPage.objects.filter(pk=street.pk).update(
            legacy_join_code=street.join_code, join_code=_new_code(taken)
        )


def restore_old_codes(apps, schema_editor):
    StreetPage = apps.get_model("streets", "StreetPage")
    StreetPage.objects.exclude(legacy_join_code="").update(
        join_code=models.F("legacy_join_code"), legacy_join_code=""
    )


class Migration(migrations.Migration):
    dependencies = [
        ("streets", "0003_stored_values_in_english"),
    ]

    operations = [
        migrations.AddField(
            model_name="streetpage",
            name="legacy_join_code",
            field=models.CharField(
                blank=True,
                db_index=True,
                editable=False,
                help_text="De code van vóór de leesbare codes; kaarten met die code werken nog.",
                max_length=20,
                verbose_name="oude aanmeldcode",
            ),
        ),
        migrations.RunPython(give_readable_codes, restore_old_codes),
    ]
