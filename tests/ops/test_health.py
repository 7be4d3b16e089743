"""Health checks: the queue watchdog and the heartbeat that proves a worker is alive."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone
from django_q.brokers import get_broker
from django_q.conf import Conf
from django_q.models import OrmQ, Task
from django_q.signing import SignedPackage

from ops import health
from ops.models import Heartbeat


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


def _queue_task(age: timedelta) -> OrmQ:
    """A task that has waited `age` in the ORM broker's queue (tests run tasks inline, so
    nothing else puts one there)."""
    package = SignedPackage.dumps(
        {
            "id": "x",
            "name": "x",
            "func": "ops.tasks.record_heartbeat",
            "args": ("t",),
            "kwargs": {},
            "started": timezone.now() - age,
        }
    )
    return OrmQ.objects.create(key=Conf.CLUSTER_NAME, payload=package, lock=timezone.now())


def test_an_empty_queue_is_healthy(db):
    healthy, answer = health.run_checks()

    assert healthy
    assert answer["checks"]["queue"]["oldest_age_s"] is None


def test_a_task_waiting_less_than_twice_the_retry_time_is_healthy(db):
    _queue_task(timedelta(seconds=Conf.RETRY))

    healthy, answer = health.run_checks()

    assert healthy
    assert answer["checks"]["queue"]["oldest_age_s"] == pytest.approx(Conf.RETRY, abs=2)


def test_a_task_waiting_longer_than_twice_the_retry_time_marks_the_queue_unhealthy(db):
    _queue_task(timedelta(seconds=2 * Conf.RETRY + 5))

    healthy, answer = health.run_checks()

    assert not healthy
    assert answer["checks"]["queue"]["status"] == "error"
    assert answer["checks"]["database"]["status"] == "ok"


def test_the_oldest_task_decides_not_the_newest(db):
    _queue_task(timedelta(hours=1))
    _queue_task(timedelta(seconds=1))

    assert health.oldest_queued_task_age(get_broker()) >= 3600


def test_a_health_check_sends_a_heartbeat_that_a_worker_records(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        health.run_checks()

    heartbeat = Heartbeat.objects.get()
    assert heartbeat.worker_pid > 0
    _healthy, answer = health.run_checks()
    assert answer["checks"]["queue"]["last_heartbeat_age_s"] == 0


def test_many_health_checks_send_one_heartbeat_per_interval(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(5):
            health.run_checks()

    assert Heartbeat.objects.count() == 1


def test_heartbeats_stay_out_of_the_task_history(db, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        health.run_checks()

    assert Heartbeat.objects.count() == 1
    assert not Task.objects.exists()


def test_a_heartbeat_run_twice_is_recorded_once(db):
    health.record_heartbeat("same-token")
    health.record_heartbeat("same-token")

    assert Heartbeat.objects.filter(token="same-token").count() == 1


def test_heartbeats_older_than_a_day_are_forgotten(db):
    old = health.record_heartbeat("old")
    Heartbeat.objects.filter(pk=old.pk).update(processed_at=timezone.now() - timedelta(days=2))

    health.record_heartbeat("new")

    assert list(Heartbeat.objects.values_list("token", flat=True)) == ["new"]


def test_no_heartbeat_is_sent_while_the_queue_is_stuck(db, django_capture_on_commit_callbacks):
    _queue_task(timedelta(hours=1))

    with django_capture_on_commit_callbacks(execute=True):
        health.run_checks()

    assert not Heartbeat.objects.exists()
