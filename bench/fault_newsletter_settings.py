"""Settings for bench/fault_newsletter.py: those of fault_qcluster.py (2 workers, timeout 10 s,
retry 25 s), with mail recorded to one file per worker process by RecordingBackend."""

from bench.fault_settings import *  # noqa: F403

MAILERS = {"default": {"BACKEND": "bench.fault_newsletter.RecordingBackend"}}
