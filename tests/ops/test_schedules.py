"""The scheduled jobs: declared by each app in code, synced to django-q2's Schedule rows by one
idempotent command that migrate also runs."""

import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django_q.models import Schedule

from ops.models import ManagedSchedule
from ops.schedules import daily, hourly, sync_schedules, yearly

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
# A winter afternoon, Amsterdam time.
NOW = datetime.datetime(2026, 12, 4, 14, 0, tzinfo=AMSTERDAM)

PROJECT_JOBS = {
    "'expire_posts'": Schedule.DAILY,
    "'expire_proposals'": Schedule.DAILY,
    "'rematch_open_requests'": Schedule.DAILY,
    "'geocode_addresses'": Schedule.DAILY,
    "'remove_closed_posts'": Schedule.DAILY,
    "'send_digests'": Schedule.HOURLY,
    "'remind_rota_helpers'": Schedule.DAILY,
    "'open_pots'": Schedule.YEARLY,
    "'expire_pot_texts'": Schedule.DAILY,
    "'send_pot_reminders'": Schedule.DAILY,
    "'remove_expired_survey_answers'": Schedule.DAILY,
    "'warm_dashboards'": Schedule.HOURLY,
    "'send_newsletters'": Schedule.HOURLY,
    "'forget_newsletter_recipients'": Schedule.DAILY,
    "'remove_old_interest'": Schedule.DAILY,
}


def rows() -> list[tuple]:
    return list(
        Schedule.objects.order_by("pk").values_list(
            "pk", "name", "args", "schedule_type", "next_run"
        )
    )


def local(moment: datetime.datetime) -> datetime.datetime:
    return moment.astimezone(AMSTERDAM)


def test_the_command_creates_exactly_the_jobs_the_apps_declare():
    Schedule.objects.all().delete()
    ManagedSchedule.objects.all().delete()

    call_command("sync_schedules", stdout=StringIO())

    schedules = Schedule.objects.all()
    assert {s.args: s.schedule_type for s in schedules} == PROJECT_JOBS
    assert {s.func for s in schedules} == {"django.core.management.call_command"}
    assert all(s.repeats == -1 and s.cluster is None for s in schedules)


def test_migrate_puts_back_the_declared_jobs():
    Schedule.objects.all().delete()

    call_command("migrate", verbosity=0)

    assert {s.args for s in Schedule.objects.all()} == set(PROJECT_JOBS)


def test_a_second_sync_changes_nothing_even_later_in_the_day():
    before = rows()
    out = StringIO()

    call_command("sync_schedules", stdout=out)
    sync_schedules(now=NOW + datetime.timedelta(hours=5))

    assert rows() == before
    assert "De geplande taken kloppen al." in out.getvalue()


def test_each_job_first_runs_at_its_next_declared_moment():
    jobs = [
        daily("nacht", "expire_posts", at=datetime.time(0, 20)),
        hourly("uur", "send_digests", minute=5),
        yearly("jaar", "open_pots", on=(1, 1), at=datetime.time(0, 5)),
    ]

    sync_schedules(jobs, now=NOW)

    next_run = {
        s.name: local(s.next_run)
        for s in Schedule.objects.filter(name__in=["nacht", "uur", "jaar"])
    }
    assert next_run == {
        "nacht": datetime.datetime(2026, 12, 5, 0, 20, tzinfo=AMSTERDAM),
        "uur": datetime.datetime(2026, 12, 4, 14, 5, tzinfo=AMSTERDAM),
        "jaar": datetime.datetime(2027, 1, 1, 0, 5, tzinfo=AMSTERDAM),
    }


def test_a_changed_time_moves_the_next_run_without_a_migration():
    sync_schedules([daily("nacht", "expire_posts", at=datetime.time(3, 0))], now=NOW)
    pk = Schedule.objects.get(name="nacht").pk

    result = sync_schedules([daily("nacht", "expire_posts", at=datetime.time(4, 45))], now=NOW)

    schedule = Schedule.objects.get(name="nacht")
    assert schedule.pk == pk
    assert local(schedule.next_run) == datetime.datetime(2026, 12, 5, 4, 45, tzinfo=AMSTERDAM)
    assert result.updated == ["nacht"]


def test_a_changed_command_or_type_is_updated_and_a_hand_edit_is_put_back():
    sync_schedules([daily("nacht", "expire_posts", at=datetime.time(3, 0))], now=NOW)
    Schedule.objects.filter(name="nacht").update(repeats=0, cluster="elders")

    sync_schedules([hourly("nacht", "send_digests", minute=0)], now=NOW)

    schedule = Schedule.objects.get(name="nacht")
    assert (schedule.args, schedule.schedule_type) == ("'send_digests'", Schedule.HOURLY)
    assert (schedule.repeats, schedule.cluster) == (-1, None)


def test_a_job_no_longer_declared_goes_and_one_made_by_hand_stays():
    by_hand = Schedule.objects.create(
        name="handmatig: sessies opruimen",
        func="django.core.management.call_command",
        args="'clearsessions'",
        schedule_type=Schedule.DAILY,
    )
    kept = daily("blijft", "expire_posts", at=datetime.time(1, 0))
    dropped = daily("vervalt", "expire_proposals", at=datetime.time(2, 0))
    sync_schedules([kept, dropped], now=NOW)

    result = sync_schedules([kept], now=NOW)

    names = set(Schedule.objects.values_list("name", flat=True))
    assert {"blijft", by_hand.name} <= names
    assert "vervalt" not in names
    assert result.removed == ["vervalt"]


def test_rows_the_old_migrations_made_are_adopted_with_their_next_run():
    Schedule.objects.all().delete()
    ManagedSchedule.objects.all().delete()
    made = Schedule.objects.create(
        name="nacht",
        func="django.core.management.call_command",
        args="'expire_posts'",
        schedule_type=Schedule.DAILY,
        next_run=datetime.datetime(2026, 12, 5, 3, 0, tzinfo=AMSTERDAM),
    )
    twin = Schedule.objects.create(name="nacht", func="x", schedule_type=Schedule.DAILY)
    job = daily("nacht", "expire_posts", at=datetime.time(3, 0))

    sync_schedules([job], now=NOW)
    assert rows() == [(made.pk, "nacht", "'expire_posts'", Schedule.DAILY, made.next_run)]
    assert not Schedule.objects.filter(pk=twin.pk).exists()

    sync_schedules([], now=NOW)
    assert rows() == []


@pytest.mark.parametrize(
    "declare",
    [
        lambda: yearly("jaar", "open_pots", on=(2, 29), at=datetime.time(0, 5)),
        lambda: daily("x" * 101, "expire_posts", at=datetime.time(1, 0)),
    ],
    ids=["a day not in every year", "a name too long for the admin"],
)
def test_a_declaration_django_q_cannot_keep_is_refused_at_start(declare):
    with pytest.raises(ImproperlyConfigured):
        declare()
