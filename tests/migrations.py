"""Run one app's migrations back and forth in a test, to prove a data migration both ways.

Tests that use it need `django_db(transaction=True, serialized_rollback=True)`: schema changes
cannot run inside the test's transaction, and the rows that migrations made (Wagtail's root
page, the default site) must be put back for the tests after.
"""

import contextlib

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


@contextlib.contextmanager
def migrated_back_to(app_label: str, migration: str):
    """Inside the block the database stands at `migration` of `app_label`, with the rows the
    migrations after it converted back; leaving the block migrates everything forward again."""
    executor = MigrationExecutor(connection)
    executor.migrate([(app_label, migration)])
    try:
        yield
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())
