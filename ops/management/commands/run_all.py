"""The whole product in one command (`make run`): the web server and a qcluster together.

Without a worker nothing that is queued ever runs: no proposals for a new help request, no
e-mail, no heartbeat, and `/gezondheid/` soon reports the queue in error. So the development
server never runs alone here. Each child leads its own process group, so Ctrl-C reaches this
command only, and it stops both children in the order they need:

- runserver gets SIGTERM on its whole group (its autoreloader forks a child that serves);
  not SIGINT, which a shell leaves ignored in a program it starts in the background;
- qcluster gets SIGTERM on its leader only: the sentinel stops its workers and finishes the
  task in hand (a signal to the whole group makes it hang).

Whatever is still alive after STOP_TIMEOUT seconds is killed. When one child dies on its own
(a port in use, a crash), the other is stopped too and the command exits with an error.
"""

import contextlib
import os
import signal
import subprocess
import sys
import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

STOP_TIMEOUT = 20  # seconds a child gets to stop before it is killed
POLL_INTERVAL = 0.5


class Command(BaseCommand):
    help = (
        "Start de webserver (runserver) en de achtergrondwerker (qcluster) samen; "
        "Ctrl-C stopt beide."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "addrport", nargs="?", default="127.0.0.1:8000", help="Adres en poort van runserver."
        )
        parser.add_argument(
            "--noreload",
            action="store_true",
            help="Zonder automatisch herladen bij een gewijzigd bestand.",
        )

    def handle(self, *args, addrport, noreload, **options):
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        web_command = [*manage, "runserver", addrport, *(["--noreload"] if noreload else [])]
        children = {
            "web": self._start(web_command),
            "worker": self._start([*manage, "qcluster"]),
        }
        stop_requested = []

        def request_stop(signum, frame):
            stop_requested.append(signum)

        previous = {
            signum: signal.signal(signum, request_stop)
            for signum in (signal.SIGINT, signal.SIGTERM)
        }
        self.stderr.write(
            f"run_all: webserver op http://{addrport}/ en een qcluster (achtergrondtaken); "
            "Ctrl-C stopt beide."
        )
        try:
            while not stop_requested and all(p.poll() is None for p in children.values()):
                time.sleep(POLL_INTERVAL)
        finally:
            ended = [name for name, p in children.items() if p.poll() is not None]
            self.stderr.write("run_all: stoppen…")
            self._stop(children["web"], signal.SIGTERM, whole_group=True)
            self._stop(children["worker"], signal.SIGTERM, whole_group=False)
            for signum, handler in previous.items():
                signal.signal(signum, handler)
        if ended and not stop_requested:
            raise CommandError(f"run_all: {', '.join(ended)} stopte onverwacht.")

    @staticmethod
    def _start(command: list[str]) -> subprocess.Popen:
        # Its own session: a Ctrl-C in the terminal reaches this command only.
        return subprocess.Popen(command, cwd=settings.BASE_DIR, start_new_session=True)  # noqa: S603

    @staticmethod
    def _stop(process: subprocess.Popen, signum: int, *, whole_group: bool) -> None:
        """Ask a child to stop, wait for it, then kill whatever is left of its group."""
        # ProcessLookupError: the process or its group is already gone.
        with contextlib.suppress(ProcessLookupError):
            if process.poll() is None:
                if whole_group:
                    os.killpg(process.pid, signum)
                else:
                    process.send_signal(signum)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=STOP_TIMEOUT)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
