"""What operations keeps in the database: proof that a worker took a task off the queue, and
which of django-q2's schedules the code declares."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Heartbeat(models.Model):
    """A probe task that went through the queue: enqueued by the health endpoint, written by
    whichever worker ran it. The token makes a re-run of the same task a no-op."""

    token = models.CharField(
        _("kenmerk"),
        max_length=64,
        unique=True,
        help_text=_("Uniek kenmerk van de taak, zodat een herhaalde taak geen tweede rij maakt."),
    )
    processed_at = models.DateTimeField(
        _("verwerkt op"), auto_now_add=True, help_text=_("Wanneer een worker de taak uitvoerde.")
    )
    worker_host = models.CharField(
        _("machine"), max_length=255, help_text=_("De machine waarop de worker draaide.")
    )
    worker_pid = models.PositiveIntegerField(
        _("proces"), help_text=_("Het procesnummer van de worker.")
    )

    class Meta:
        verbose_name = _("hartslag van de takenrij")
        verbose_name_plural = _("hartslagen van de takenrij")
        ordering = ["-processed_at"]
        indexes = [models.Index(fields=["processed_at"], name="ops_heartbeat_processed")]

    def __str__(self):
        return f"{self.worker_host}:{self.worker_pid} {self.processed_at:%Y-%m-%d %H:%M:%S}"


class ManagedSchedule(models.Model):
    """A django-q2 Schedule that `sync_schedules` keeps in step with the apps' declarations
    (ops/schedules.py), by name. A schedule made by hand in the admin has no row here, so the
    sync never changes or removes it."""

    name = models.CharField(
        _("naam"),
        max_length=100,
        unique=True,
        help_text=_("De naam van de geplande taak, zoals een app die in schedules.py noemt."),
    )

    class Meta:
        verbose_name = _("geplande taak uit de code")
        verbose_name_plural = _("geplande taken uit de code")
        ordering = ["name"]

    def __str__(self):
        return self.name
