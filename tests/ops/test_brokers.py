"""The Redis broker with acknowledgements: a task nobody acknowledged comes back, others never.

These run against the real Redis on 127.0.0.1:6379 (database 12, a queue name per test) and
move the broker's clock instead of waiting for a lease to expire.
"""

import os
import subprocess
import sys
import threading
import uuid
from datetime import timedelta
from multiprocessing import Event, Queue, Value
from pathlib import Path

import pytest
import redis
from django.utils import timezone
from django_q.conf import Conf
from django_q.models import Task
from django_q.monitor import monitor
from django_q.pusher import pusher
from django_q.signing import SignedPackage
from django_q.tasks import async_task
from django_q.worker import worker

from ops import health
from ops.brokers import ReliableRedis

REDIS_URL = "redis://127.0.0.1:6379/12"
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def make_broker(monkeypatch):
    """Brokers on one queue of their own, which is deleted afterwards."""
    try:
        redis.from_url(REDIS_URL, socket_connect_timeout=1).ping()
    except redis.ConnectionError:
        pytest.skip("Redis does not answer on 127.0.0.1:6379")
    monkeypatch.setattr(Conf, "REDIS", REDIS_URL)
    monkeypatch.setattr(Conf, "DJANGO_REDIS", None)
    monkeypatch.setattr(Conf, "POLL", 0.01)
    queue_name = f"test-brokers-{uuid.uuid4().hex}"
    brokers = []

    def _make(now: float = 1_000_000.0) -> ReliableRedis:
        broker = ReliableRedis(list_key=queue_name)
        broker.clock = lambda: now
        brokers.append(broker)
        return broker

    yield _make
    brokers[0].delete_queue()
    assert brokers[0].connection.keys(f"*{queue_name}*") == []


def _package(name: str, age: timedelta = timedelta(0)) -> bytes:
    return SignedPackage.dumps({"name": name, "started": timezone.now() - age}).encode()


def _take(broker: ReliableRedis) -> bytes | None:
    taken = broker.dequeue()
    return taken[0][1] if taken else None


def test_a_task_that_was_never_acknowledged_is_handed_out_again_after_the_retry_time(
    make_broker,
):
    broker = make_broker(now=1_000_000.0)
    broker.enqueue(_package("open_pots"))
    taken = broker.dequeue()

    within_lease = make_broker(now=1_000_000.0 + Conf.RETRY - 1)
    after_lease = make_broker(now=1_000_000.0 + Conf.RETRY + 1)

    assert within_lease.dequeue() is None
    assert after_lease.dequeue() == taken


def test_a_task_handed_out_again_goes_before_the_tasks_that_waited_behind_it(make_broker):
    broker = make_broker(now=1_000_000.0)
    broker.enqueue(_package("first"))
    first = _take(broker)
    broker.enqueue(_package("second"))

    later = make_broker(now=1_000_000.0 + Conf.RETRY + 1)

    assert _take(later) == first
    assert SignedPackage.loads(_take(later))["name"] == "second"


def test_an_acknowledged_task_never_comes_back(make_broker):
    broker = make_broker(now=1_000_000.0)
    broker.enqueue(_package("send_notification"))
    [(ack_id, _payload)] = broker.dequeue()

    broker.acknowledge(ack_id)
    much_later = make_broker(now=1_000_000.0 + 10 * Conf.RETRY)

    assert much_later.dequeue() is None
    assert (much_later.queue_size(), much_later.lock_size()) == (0, 0)


def test_a_package_the_pusher_cannot_read_is_dropped_not_handed_out_forever(make_broker):
    broker = make_broker(now=1_000_000.0)
    broker.enqueue(b"not a signed package")
    [(ack_id, _payload)] = broker.dequeue()

    broker.fail(ack_id)

    assert make_broker(now=1_000_000.0 + 10 * Conf.RETRY).dequeue() is None


def test_two_consumers_never_get_the_same_task_within_its_lease(make_broker):
    producer = make_broker()
    sent = {_package(f"task-{number}") for number in range(200)}
    for payload in sent:
        producer.enqueue(payload)
    received = {"a": [], "b": []}

    def consume(name: str) -> None:
        # Its own broker, so its own connection, as each cluster's pusher has.
        broker = make_broker()
        while (payload := _take(broker)) is not None:
            received[name].append(payload)

    threads = [threading.Thread(target=consume, args=(name,)) for name in received]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    everything = received["a"] + received["b"]
    assert len(everything) == len(set(everything)) == len(sent)
    assert set(everything) == sent


def test_queue_size_counts_waiting_tasks_and_expired_leases_lock_size_the_running_ones(
    make_broker,
):
    broker = make_broker(now=1_000_000.0)
    for name in ("a", "b", "c"):
        broker.enqueue(_package(name))
    broker.dequeue()
    make_broker(now=1_000_000.0 + Conf.RETRY - 1).dequeue()
    later = make_broker(now=1_000_000.0 + Conf.RETRY + 1)

    assert (broker.queue_size(), broker.lock_size()) == (1, 2)
    # Later, "a"'s lease has expired, "b"'s still runs, and "c" waits.
    assert (later.queue_size(), later.lock_size()) == (2, 1)


@pytest.mark.parametrize("clear", ["purge_queue", "delete_queue"])
def test_purging_or_deleting_the_queue_clears_waiting_and_leased_tasks(make_broker, clear):
    broker = make_broker(now=1_000_000.0)
    broker.enqueue(_package("leased"))
    broker.dequeue()
    broker.enqueue(_package("waiting"))

    getattr(broker, clear)()

    assert make_broker(now=1_000_000.0 + 10 * Conf.RETRY).dequeue() is None
    assert broker.connection.exists(broker.list_key, broker.lease_key) == 0


def test_the_queue_watchdog_sees_a_leased_task_older_than_the_head_of_the_queue(make_broker):
    broker = make_broker()
    # A task that kills its worker is leased again and again; it was enqueued an hour ago.
    broker.enqueue(_package("kills its worker", age=timedelta(hours=1)))
    broker.dequeue()
    broker.enqueue(_package("fresh"))

    assert health.oldest_queued_task_age(broker) >= 3600


def _run_once_through_the_cluster(broker: ReliableRedis) -> None:
    """django-q2's own pusher, worker and monitor, in this process, for one task."""
    tasks, results, stop_after_one = Queue(), Queue(), Event()
    stop_after_one.set()
    pusher(tasks, stop_after_one, broker=broker)
    tasks.put("STOP")
    worker(tasks, results, Value("f", -1))
    results.put("STOP")
    monitor(results, broker=broker)


@pytest.mark.parametrize(("argument", "succeeds"), [(4, True), (-1, False)])
def test_the_cluster_acknowledges_a_task_once_its_result_is_saved_but_not_a_failed_one(
    db, make_broker, argument, succeeds
):
    broker = make_broker()
    task_id = async_task("math.sqrt", argument, broker=broker, sync=False)

    _run_once_through_the_cluster(broker)

    assert Task.objects.get(id=task_id).success is succeeds
    # A failed task stays leased, so it runs again after the retry (up to max_attempts).
    assert broker.lock_size() == (0 if succeeds else 1)


def test_with_a_redis_url_the_task_queue_uses_the_broker_that_hands_tasks_out_again():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
        "REDIS_URL": REDIS_URL,
    }
    script = "from django_q.brokers import get_broker; print(type(get_broker()).__name__)"

    result = subprocess.run(  # noqa: S603 - our own manage.py with a fixed argument list
        [sys.executable, "manage.py", "shell", "--verbosity", "0", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ReliableRedis"]
