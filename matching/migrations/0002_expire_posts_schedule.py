"""Once created the board's daily expiry job (expire_posts).

Schedules are now declared in matching/schedules.py and kept in step with django-q2's Schedule rows by
`manage.py sync_schedules`, which `migrate` runs afterwards (ops/schedules.py). This migration
therefore does nothing; it stays so that databases that applied it keep a valid history.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0001_initial"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = []
