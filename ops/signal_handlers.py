"""Signal handlers of the ops app, connected in OpsConfig.ready()."""

from django.db import connections
from django_q.models import Schedule

from .models import ManagedSchedule
from .schedules import sync_schedules


def sync_schedules_after_migrate(sender, using, verbosity=1, stdout=None, **kwargs) -> None:
    """After every `migrate` (and `flush`): the Schedule rows follow the declarations, so a
    deployment cannot forget it. Skipped while the tables are missing (migrating backwards)."""
    tables = set(connections[using].introspection.table_names())
    if not {Schedule._meta.db_table, ManagedSchedule._meta.db_table} <= tables:
        return
    result = sync_schedules(using=using)
    if result and verbosity >= 1 and stdout is not None:
        stdout.write(
            f"Geplande taken: {len(result.created)} nieuw, {len(result.updated)} gewijzigd, "
            f"{len(result.removed)} verwijderd."
        )
