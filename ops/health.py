"""Health checks for the load balancer and monitoring: database, cache and task queue.

Each check is cheap (one query, one cache round trip, a look at the head of the queue), so
`/gezondheid/` answers in milliseconds. The answer holds statuses and timings only: no names,
no hosts, no error texts (those go to the log).

An idle queue with dead workers looks like a healthy empty queue. So the endpoint also puts a
heartbeat task on the queue, at most once per HEARTBEAT_INTERVAL across all web processes: if
no worker picks it up, it becomes the oldest queued task and the queue check fails once it is
older than 2 × Q_CLUSTER["retry"]: a task waits that long only when no worker is taking tasks,
or when one task keeps killing its worker and is retried forever (django-q2 issue #327).
"""

import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.cache import cache
from django.db import connection, transaction
from django.utils import timezone
from django_q.brokers import Broker, get_broker
from django_q.brokers.orm import ORM
from django_q.conf import Conf
from django_q.models import OrmQ
from django_q.signing import SignedPackage
from django_q.tasks import async_task

from ops.brokers import ReliableRedis
from ops.models import Heartbeat

logger = logging.getLogger(__name__)

HEARTBEAT_INTERVAL = 60  # seconds between two heartbeat tasks, cluster-wide
HEARTBEAT_KEEP = timedelta(days=1)
_HEARTBEAT_LOCK = "ops:heartbeat"
_PROBE_KEY = "ops:health-probe"


@dataclass
class CheckResult:
    """The outcome of one check, as it appears in the JSON answer."""

    ok: bool
    ms: float
    details: dict = field(default_factory=dict)

    def as_dict(self) -> dict:
        return {"status": "ok" if self.ok else "error", "ms": round(self.ms, 1), **self.details}


def _timed(name: str, check: Callable[[], dict]) -> CheckResult:
    """Run `check`; any exception means the check failed (logged with its cause, not shown)."""
    start = time.perf_counter()
    try:
        details = check()
        ok = details.pop("ok", True)
    except Exception:
        logger.exception("health check %s failed", name)
        ok, details = False, {}
    return CheckResult(ok=ok, ms=(time.perf_counter() - start) * 1000, details=details)


def _check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {}


def _check_cache() -> dict:
    # A unique value proves a round trip, not a stale hit left by another process.
    value = uuid.uuid4().hex
    cache.set(_PROBE_KEY, value, timeout=30)
    return {"ok": cache.get(_PROBE_KEY) == value}


def oldest_queued_task_age(broker: Broker) -> float | None:
    """Seconds since the oldest task in the queue (waiting, or handed out and not yet
    acknowledged) was enqueued, None if the queue is empty or the broker type cannot tell."""
    if isinstance(broker, ReliableRedis):
        # The head of the list is the oldest waiting task; a leased one may be older still.
        payloads = broker.pending_payloads()
    elif isinstance(broker, ORM):
        head = OrmQ.objects.using(Conf.ORM).filter(key=broker.list_key).order_by("pk").first()
        payloads = [head.payload] if head else []
    else:
        return None
    if not payloads:
        return None
    started = min(SignedPackage.loads(payload)["started"] for payload in payloads)
    return (timezone.now() - started).total_seconds()


def _check_queue() -> dict:
    broker = get_broker()
    if broker.ping() is False:
        return {"ok": False}
    age = oldest_queued_task_age(broker)
    last = Heartbeat.objects.order_by("-processed_at").values_list("processed_at", flat=True)
    last_heartbeat = last.first()
    return {
        "ok": age is None or age <= 2 * Conf.RETRY,
        "queued": broker.queue_size(),
        "oldest_age_s": None if age is None else round(age),
        "last_heartbeat_age_s": (
            None
            if last_heartbeat is None
            else round((timezone.now() - last_heartbeat).total_seconds())
        ),
    }


def enqueue_heartbeat() -> bool:
    """Put a heartbeat task on the queue unless one went out in the last HEARTBEAT_INTERVAL.

    Returns whether this call enqueued one. The cache's atomic add() is the cluster-wide lock.
    """
    token = uuid.uuid4().hex
    try:
        if not cache.add(_HEARTBEAT_LOCK, token, timeout=HEARTBEAT_INTERVAL):
            return False
    except Exception:
        # The cache check reports this; the heartbeat simply waits for a working cache.
        logger.exception("heartbeat lock unavailable")
        return False
    transaction.on_commit(lambda: _send_heartbeat(token))
    return True


def _send_heartbeat(token: str) -> None:
    try:
        # save=False: a heartbeat a minute would push real tasks out of the result history
        # (Q_CLUSTER's save_limit); a failed heartbeat is still recorded.
        async_task("ops.tasks.record_heartbeat", token, task_name=f"hartslag-{token}", save=False)
    except Exception:
        # The next probe's queue check reports a broker that is down; this one already answered.
        logger.exception("heartbeat could not be enqueued")


def run_checks() -> tuple[bool, dict]:
    """Run every check. Returns (healthy, the JSON-ready answer)."""
    results = {
        "database": _timed("database", _check_database),
        "cache": _timed("cache", _check_cache),
        "queue": _timed("queue", _check_queue),
    }
    healthy = all(result.ok for result in results.values())
    if results["queue"].ok:
        enqueue_heartbeat()
    answer = {
        "status": "ok" if healthy else "error",
        "checks": {name: result.as_dict() for name, result in results.items()},
    }
    return healthy, answer


@transaction.atomic
def record_heartbeat(token: str) -> Heartbeat:
    """Note that a worker ran heartbeat `token` (idempotent), and forget day-old heartbeats."""
    heartbeat, _created = Heartbeat.objects.get_or_create(
        token=token,
        defaults={"worker_host": socket.gethostname()[:255], "worker_pid": os.getpid()},
    )
    Heartbeat.objects.filter(processed_at__lt=timezone.now() - HEARTBEAT_KEEP).delete()
    return heartbeat
