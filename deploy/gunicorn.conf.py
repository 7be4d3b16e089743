"""gunicorn settings for the web process: `gunicorn -c deploy/gunicorn.conf.py cms.wsgi`.

Every value can be overridden from the environment, so the same file serves the local
rehearsal (2 workers on 127.0.0.1:8015) and a production machine behind nginx.
"""

import multiprocessing
import os

wsgi_app = "cms.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Synchronous workers; the classic rule of thumb (2 × cores + 1) unless WEB_CONCURRENCY says.
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
# A request that takes longer than 30 s is stuck: better a 502 than a worker lost for good.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM (deploy, systemd stop) requests in flight get this long to finish.
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then, so a slow leak never grows into an outage; the jitter keeps
# them from all restarting at once.
max_requests = 1000
max_requests_jitter = 100
# Worker heartbeats go to memory, not to a disk that may stall.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108
# nginx on the same machine sets X-Forwarded-Proto; only trust it from there.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
accesslog = "-"
errorlog = "-"
# Path without the query string: search terms and postcodes stay out of the access log.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'

if os.environ.get("DJANGO_LOG_FORMAT", "json") == "json":
    # The same one-line JSON as Django's own logs (ops/jsonlog.py).
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "ops.jsonlog.JsonFormatter"}},
        "handlers": {
            "console": {"class": "logging.StreamHandler", "formatter": "json"},
        },
        "loggers": {
            "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
            "gunicorn.access": {"handlers": ["console"], "level": "INFO", "propagate": False},
        },
    }
