#!/usr/bin/env bash
# Local production rehearsal (make prod-local): production settings, PostgreSQL, Redis, two
# gunicorn workers on http://localhost:8015 and a separate qcluster, in the foreground.
# Ctrl-C stops both and waits for them. Safe to repeat: the database is created only when
# missing, and migrate and the demo only add what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

PG_HOST=${PG_HOST:-127.0.0.1}
PG_DB=${PROD_LOCAL_DB:-liefleed_prod}
PORT=${PROD_LOCAL_PORT:-8015}
STATE=var/prod-local
mkdir -p "$STATE"

export DJANGO_SETTINGS_MODULE=cms.settings.production
export DATABASE_URL=${PROD_LOCAL_DATABASE_URL:-postgres://postgres@$PG_HOST:5432/$PG_DB}
export REDIS_URL=${PROD_LOCAL_REDIS_URL:-redis://127.0.0.1:6379/5?socket_connect_timeout=2&socket_timeout=5}
export DJANGO_ALLOWED_HOSTS=localhost,127.0.0.1
# No TLS on this machine: no redirect to https. Browsers accept secure cookies on localhost.
export DJANGO_SECURE_SSL_REDIRECT=false
export DJANGO_LOG_FORMAT=${DJANGO_LOG_FORMAT:-plain}
export DJANGO_STATIC_ROOT=$STATE/static
export DJANGO_MEDIA_ROOT=$STATE/media
export DJANGO_BACKUP_DIR=$STATE/backups
export WAGTAILADMIN_BASE_URL=http://localhost:$PORT
export GUNICORN_BIND=127.0.0.1:$PORT
export WEB_CONCURRENCY=2
# Mail is printed, not sent: there is no mail server in a rehearsal.
export EMAIL_URL=consolemail://
# A stable secret, so sessions survive a restart; readable by this user only.
if [ ! -s "$STATE/secret-key" ]; then
    (umask 077 && .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(50))' >"$STATE/secret-key")
fi
DJANGO_SECRET_KEY=$(cat "$STATE/secret-key")
export DJANGO_SECRET_KEY

if ! psql -h "$PG_HOST" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" | grep -q 1; then
    createdb -h "$PG_HOST" -U postgres "$PG_DB"
fi
.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py collectstatic --noinput --verbosity 0
# The catalogues are sources in git; production compiles them (make locale does it too).
.venv/bin/python manage.py compilemessages --ignore=.venv --ignore=node_modules --verbosity 0
# The demo app is not in the production settings: the rehearsal settings add it for this one
# command, so web and worker below run on the production settings themselves.
DJANGO_SETTINGS_MODULE=cms.settings.rehearsal .venv/bin/python manage.py seed_demo

.venv/bin/gunicorn -c deploy/gunicorn.conf.py cms.wsgi &
web=$!
.venv/bin/python manage.py qcluster &
worker=$!

stop() {
    trap - INT TERM
    echo "prod-local: stoppen…" >&2
    kill -TERM "$web" "$worker" 2>/dev/null || true
    wait "$web" "$worker" 2>/dev/null || true
}
trap 'stop; exit 0' INT TERM

echo "prod-local: http://localhost:$PORT (gezondheid: http://localhost:$PORT/gezondheid/); Ctrl-C stopt." >&2
# Whichever process ends first (a crash) takes the other one down too.
status=0
wait -n "$web" "$worker" || status=$?
stop
exit "$status"
