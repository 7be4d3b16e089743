"""The project's scheduled jobs: declared in code, kept in step with django-q2's Schedule rows.

Each app declares its jobs in its own `<app>/schedules.py` and registers them from its
AppConfig.ready():

    # matching/schedules.py
    SCHEDULES = [daily("prikbord: verlopen berichten", "expire_posts", at=time(0, 20))]

    # matching/apps.py, in ready()
    register_schedules(*schedules.SCHEDULES)

A job is a management command, so cron, tests and people can run the same thing by hand;
times are Amsterdam wall-clock time (TIME_ZONE). `sync_schedules()` (the `sync_schedules`
command, also run after every `migrate` by ops.signal_handlers) makes the Schedule rows match
the declarations: it creates what is missing, updates what changed and removes the rows of
jobs no longer declared. Changing a time is a code change, not a migration.

Which rows are the project's: those named in ManagedSchedule, which the sync fills. A schedule
someone made by hand in the admin is never touched. A row whose next run still falls on the
declared time keeps it, so a sync neither skips nor repeats a run; one whose time changed
gets the next moment at the new time.

A missed run: Q_CLUSTER["catch_up"] is False (cms/settings/base.py), so a nightly job missed
while the cluster was down runs once, not once per missed night.
"""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.utils import timezone
from django_q.models import Schedule

from .models import ManagedSchedule

CALL_COMMAND = "django.core.management.call_command"
# The types a time of day describes. Cron expressions would need croniter, which is not
# installed; nothing here needs more.
SCHEDULE_TYPES = (Schedule.HOURLY, Schedule.DAILY, Schedule.YEARLY)


@dataclass(frozen=True)
class ScheduledCommand:
    """One job: run management command `command` hourly at `at`'s minute, daily at `at`, or
    yearly on `on` (month, day) at `at`. `name` labels the Schedule row in the admin."""

    name: str
    command: str
    schedule_type: str
    at: datetime.time
    on: tuple[int, int] | None = None

    def __post_init__(self):
        if self.schedule_type not in SCHEDULE_TYPES:
            raise ImproperlyConfigured(
                f"{self.name}: schedule type must be one of {SCHEDULE_TYPES}"
            )
        if (self.on is not None) != (self.schedule_type == Schedule.YEARLY):
            raise ImproperlyConfigured(f"{self.name}: a day of the year goes with yearly only")
        if self.on is not None:
            try:
                datetime.date(2001, *self.on)  # not a leap year: every year has the day
            except ValueError as error:
                raise ImproperlyConfigured(f"{self.name}: no such day every year") from error
        if len(self.name) > Schedule._meta.get_field("name").max_length:
            raise ImproperlyConfigured(f"{self.name}: the name is too long for a Schedule")

    def row(self) -> dict:
        """The Schedule fields this declaration decides, next_run apart."""
        return {
            "func": CALL_COMMAND,
            "args": repr(self.command),
            "kwargs": None,
            "hook": None,
            "schedule_type": self.schedule_type,
            "minutes": None,
            "cron": None,
            "repeats": -1,
            "cluster": None,
            "intended_date_kwarg": None,
        }

    def runs_at(self, moment: datetime.datetime | None) -> bool:
        """Whether `moment` falls on this job's time (so a row's next run can stay)."""
        if moment is None:
            return False
        local = timezone.localtime(moment, timezone.get_default_timezone())
        if local.minute != self.at.minute:
            return False
        if self.schedule_type == Schedule.HOURLY:
            return True
        if local.hour != self.at.hour:
            return False
        return self.on is None or (local.month, local.day) == self.on

    def next_run_after(self, now: datetime.datetime) -> datetime.datetime:
        """The first moment after `now` at this job's time."""
        if self.schedule_type == Schedule.HOURLY:
            # Amsterdam's offsets are whole hours: the minute is the same in UTC.
            moment = now.astimezone(datetime.UTC).replace(
                minute=self.at.minute, second=0, microsecond=0
            )
            return moment if moment > now else moment + datetime.timedelta(hours=1)
        zone = timezone.get_default_timezone()
        today = timezone.localtime(now, zone).date()
        if self.on is None:
            days = (today, today + datetime.timedelta(days=1))
        else:
            month, day = self.on
            days = (
                datetime.date(today.year, month, day),
                datetime.date(today.year + 1, month, day),
            )
        first, second = (datetime.datetime.combine(d, self.at, tzinfo=zone) for d in days)
        return first if first > now else second


def hourly(name: str, command: str, *, minute: int) -> ScheduledCommand:
    return ScheduledCommand(name, command, Schedule.HOURLY, datetime.time(0, minute))


def daily(name: str, command: str, *, at: datetime.time) -> ScheduledCommand:
    return ScheduledCommand(name, command, Schedule.DAILY, at)


def yearly(name: str, command: str, *, on: tuple[int, int], at: datetime.time) -> ScheduledCommand:
    return ScheduledCommand(name, command, Schedule.YEARLY, at, on)


_declared: dict[str, ScheduledCommand] = {}


def register_schedules(*schedules: ScheduledCommand) -> None:
    """Declare an app's jobs (from its AppConfig.ready()). Names are unique project-wide."""
    for schedule in schedules:
        known = _declared.get(schedule.name)
        if known is not None and known != schedule:
            raise ImproperlyConfigured(f"Two schedules are named {schedule.name!r}")
        _declared[schedule.name] = schedule


def declared_schedules() -> list[ScheduledCommand]:
    return list(_declared.values())


@dataclass
class SyncResult:
    created: list[str]
    updated: list[str]
    removed: list[str]

    def __bool__(self) -> bool:
        return bool(self.created or self.updated or self.removed)


def sync_schedules(
    schedules: list[ScheduledCommand] | None = None,
    *,
    now: datetime.datetime | None = None,
    using: str = "default",
) -> SyncResult:
    """Make the project's Schedule rows match `schedules` (default: every app's declarations).
    Idempotent: a second run changes nothing."""
    schedules = declared_schedules() if schedules is None else schedules
    now = now or timezone.now()
    result = SyncResult([], [], [])
    rows = Schedule.objects.using(using)
    managed = ManagedSchedule.objects.using(using)
    wanted = {schedule.name for schedule in schedules}
    with transaction.atomic(using=using):
        gone = sorted(set(managed.values_list("name", flat=True)) - wanted)
        rows.filter(name__in=gone).delete()
        managed.filter(name__in=gone).delete()
        result.removed = gone
        for schedule in schedules:
            _sync_one(schedule, rows, now, result)
            managed.get_or_create(name=schedule.name)
    return result


def _sync_one(schedule: ScheduledCommand, rows, now, result: SyncResult) -> None:
    fields = schedule.row()
    # django-q2 does not keep names unique; a twin under a declared name is ours to remove.
    existing = list(rows.filter(name=schedule.name).order_by("pk"))
    if not existing:
        rows.create(name=schedule.name, next_run=schedule.next_run_after(now), **fields)
        result.created.append(schedule.name)
        return
    row, twins = existing[0], existing[1:]
    changed = {key: value for key, value in fields.items() if getattr(row, key) != value}
    if not schedule.runs_at(row.next_run):
        changed["next_run"] = schedule.next_run_after(now)
    if twins:
        rows.filter(pk__in=[twin.pk for twin in twins]).delete()
    if changed or twins:
        rows.filter(pk=row.pk).update(**changed)
        result.updated.append(schedule.name)
