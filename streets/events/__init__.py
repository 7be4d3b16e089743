"""Street events, one feature in one package: liftkoffie on Tuesdays, samen eten, opzoomerdag.

- `models`: EventPage (a Wagtail page under a StreetPage), EventException (a skipped or
  cancelled date of a series), EventAttendance ("ik kom").
- `choices`, `recurrence`: how a series repeats, expanded in Europe/Amsterdam wall-clock time.
- `services`: the rules and queries: the coming dates below a page (the municipality, wijk and
  street pages list them) and what an event page shows.
- `forms`, `admin_forms`, `views`, `urls`: the gangmakers' pages and the Wagtail editor's form.
- `ical`, `printing`: the agenda feeds and the A5 flyer. `signal_handlers`: the street page
  cache.

A package inside the `streets` app rather than an app of its own: its models keep the app
label `streets`, so no table, content type, Wagtail page type, permission or migration
changes, and EventPage stays where the page tree and the migrations say it is
(`streets.EventPage`). Its templates are in templates/streets/events/, its migrations in
streets/migrations/.

Events build on the rest of streets (the street page, memberships, permissions, the QR code of
streets.printing) and import those from their defining modules. The rest of streets imports
from here only where Django or a page needs it: streets.models (so Django registers the
models, and re-exports them), streets.urls (includes `urls`), StreetsConfig.ready()
(`signal_handlers`), the street card view and the pages' event lists (templatetags/event_tags).
The page models of streets do not import events, and nothing here imports a view of the rest
of streets, so no import circle runs through events and the rest of streets.

This `__init__` imports nothing, so that streets.models can import `models` without pulling in
the services, which import the models.
"""
