"""Once created the daily retention job (remove_closed_posts, now a matching command).

Schedules are now declared in matching/schedules.py and kept in step with django-q2's Schedule rows by
`manage.py sync_schedules`, which `migrate` runs afterwards (ops/schedules.py). This migration
therefore does nothing; it stays so that databases that applied it keep a valid history.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_personal_data_link"),
        ("matching", "0002_expire_posts_schedule"),
        ("django_q", "0019_alter_task_options_alter_ormq_key_alter_ormq_lock_and_more"),
    ]

    operations = []
