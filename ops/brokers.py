"""A Redis broker for django-q2 that hands a task out again when no worker acknowledged it.

django-q2's own Redis broker takes a task with BLPOP and forgets it, so a worker or a cluster
killed mid-task loses what it held (bench/README.md, "Faults": `open_pots` lost 238 of 240
ledger entries). This broker keeps every task it hands out in a per-queue sorted set of
leases, scored by the moment it was handed out, until django-q2's monitor acknowledges it
after saving the result. A lease older than Q_CLUSTER["retry"] goes back to the head of the
queue, the way the ORM broker hands out a row whose lock has expired. Delivery is therefore
at least once: every task must be idempotent (a unique key on its side effect, e-mail through
an outbox row), as it must be with the ORM broker.
"""

import time
from functools import cached_property

from django_q.brokers.redis_broker import Redis
from django_q.conf import Conf

# KEYS[1]: the waiting list, KEYS[2]: the leases. ARGV[1]: now, ARGV[2]: leases taken before
# this moment have expired. One script, so two pushers never move or take the same task.
# Expired leases come out oldest first and are pushed in reverse, so the oldest ends up first.
_TAKE_SCRIPT = """
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. ARGV[2])
for i = #expired, 1, -1 do
    redis.call('LPUSH', KEYS[1], expired[i])
    redis.call('ZREM', KEYS[2], expired[i])
end
local task = redis.call('LPOP', KEYS[1])
if task then
    redis.call('ZADD', KEYS[2], ARGV[1], task)
end
return task
"""


class ReliableRedis(Redis):
    """django-q2's Redis broker with acknowledgements and a lease of Q_CLUSTER["retry"] seconds.

    A leased task is its own lease member: the signed package holds a unique task id, so the
    payload identifies the lease and serves as the acknowledgement id.
    """

    # The scores compare the pushers' clocks, which NTP keeps well within the minutes of a
    # retry; a class attribute so tests can move time instead of waiting for it.
    clock = staticmethod(time.time)

    @property
    def lease_key(self) -> str:
        return f"{self.list_key}:leases"

    @cached_property
    def _take(self):
        # register_script sends EVALSHA and loads the script again after a Redis restart.
        return self.connection.register_script(_TAKE_SCRIPT)

    def _lease_cutoff(self) -> float:
        """Leases taken before this moment have expired."""
        return self.clock() - Conf.RETRY

    def dequeue(self):
        now = self.clock()
        task = self._take(keys=[self.list_key, self.lease_key], args=[now, now - Conf.RETRY])
        if task is None:
            # BLPOP cannot take part in a script: poll briefly instead, as the ORM broker does.
            time.sleep(Conf.POLL)
            return None
        return [(task, task)]

    def acknowledge(self, task_id):
        """Forget the lease: the monitor saved the result (or gave up after max_attempts)."""
        return self.connection.zrem(self.lease_key, task_id)

    def fail(self, task_id):
        """Drop a package the pusher cannot read: handing it out again would fail again."""
        return self.acknowledge(task_id)

    def queue_size(self) -> int:
        """Tasks waiting, counting expired leases, which the next dequeue hands out again."""
        expired = self.connection.zcount(self.lease_key, "-inf", f"({self._lease_cutoff()}")
        return self.connection.llen(self.list_key) + expired

    def lock_size(self) -> int:
        """Tasks handed out whose lease still runs."""
        return self.connection.zcount(self.lease_key, self._lease_cutoff(), "+inf")

    def purge_queue(self):
        pipe = self.connection.pipeline()
        pipe.ltrim(self.list_key, 1, 0)
        pipe.delete(self.lease_key)
        return pipe.execute()

    def delete_queue(self):
        return self.connection.delete(self.list_key, self.lease_key)

    def pending_payloads(self) -> list[bytes]:
        """The task at the head of the queue and every leased one, for the queue watchdog:
        a task that kills its worker spends its life leased, hardly ever at the head."""
        pipe = self.connection.pipeline()
        pipe.lindex(self.list_key, 0)
        pipe.zrange(self.lease_key, 0, -1)
        head, leased = pipe.execute()
        return ([head] if head is not None else []) + leased
