"""Settings for bench/fault_qcluster.py: the dev settings, slow mail to files, short retries.

The timings are lowered so a killed task comes back within the run, keeping the rule that a
task is handed out again only after it could have finished (else it runs twice with no fault):
retry (25 s) >= timeout * (1 + queue_limit / workers) = 10 * (1 + 2 / 2) = 20 s.
The claim on a notification lasts one task timeout (10 s), so it has expired by the retry.
"""

from cms.settings.dev import *  # noqa: F403

DEBUG = False
LOGGING = {"version": 1, "disable_existing_loggers": False}
MAILERS = {
    "default": {
        "BACKEND": "bench.fault_qcluster.SlowFileBackend",
        "OPTIONS": {
            "file_path": env.str("FAULT_MAIL_DIR", default=str(BASE_DIR / "var" / "fault-mail"))  # noqa: F405
        },
    }
}
Q_CLUSTER = {
    **Q_CLUSTER,  # noqa: F405 - the broker (ORM or Redis) as base.py chose it
    # Its own Redis queue key and ORM queue name, apart from any other cluster on this machine.
    "name": "liefleed-fault",
    "workers": 2,
    "queue_limit": 2,
    "timeout": 10,
    "retry": 25,
    "max_attempts": 3,
    "poll": 0.2,
    # The product's schedules would mix their own runs into the counts; the bench calls the
    # hourly send_digests itself, at a moment it chooses.
    "scheduler": False,
}
