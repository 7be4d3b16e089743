"""Django's database session store with a cheaper read (SESSION_ENGINE without Redis).

Every request with a session cookie reads its session row. Django builds that query through the
ORM each time (a filter, a lookup, the SQL compiled anew), which on a logged-in page costs more
than the query itself. This store sends the same SELECT as prepared SQL: the row with this key
that has not expired yet. Everything else (saving, creating, flushing, clearing expired rows) is
Django's own.
"""

import functools

from django.contrib.sessions.backends import db
from django.db import connections, router
from django.utils import timezone


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        model = self.model
        connection = connections[router.db_for_read(model)]
        # The key is checked by the base class (a malformed one is None: no row).
        session_key = self.session_key
        if session_key is None:
            return None
        with connection.cursor() as cursor:
            cursor.execute(
                _select_sql(connection.alias, model),
                [
                    session_key,
                    connection.ops.adapt_datetimefield_value(timezone.now()),
                ],
            )
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return None
        return model(session_key=session_key, session_data=row[0])


@functools.cache
def _select_sql(alias: str, model) -> str:
    """Made once per database and session model: only names from the model, never a value."""
    quote = connections[alias].ops.quote_name
    field = model._meta.get_field
    # Only the model's own table and column names, quoted; the values go as parameters.
    table = quote(model._meta.db_table)
    data, key, expires = (
        quote(field(name).column) for name in ("session_data", "session_key", "expire_date")
    )
    return f"SELECT {data} FROM {table} WHERE {key} = %s AND {expires} > %s"  # noqa: S608
