"""The demo municipality: `manage.py seed_demo` and the builder of each app's demo data.

Installed in the dev and test settings only (and in `cms.settings.rehearsal` for
`make prod-local`), never in production. It sits on top of every other app and is the one
package outside `tests/` that may use the test factories, so the demo and the tests share one
source of fake data while no runtime module imports `tests/`.
"""
