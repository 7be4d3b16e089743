"""Structured logs: every record is one line of JSON a log collector can read."""

import json
import logging

from ops.jsonlog import JsonFormatter


def _record(message: str, *args, exc_info=None, **extra) -> logging.LogRecord:
    record = logging.LogRecord("matching", logging.WARNING, __file__, 1, message, args, exc_info)
    record.__dict__.update(extra)
    return record


def test_a_record_becomes_one_line_of_json_with_time_level_logger_and_message():
    line = JsonFormatter().format(_record("%s taken wachten", 3))

    assert "\n" not in line
    entry = json.loads(line)
    assert entry["level"] == "WARNING"
    assert entry["logger"] == "matching"
    assert entry["message"] == "3 taken wachten"
    assert entry["time"].endswith("+00:00")


def test_extra_fields_are_kept_and_values_json_cannot_hold_do_not_break_the_line():
    entry = json.loads(JsonFormatter().format(_record("klaar", street_id=7, request=object())))

    assert entry["street_id"] == 7
    assert entry["request"].startswith("<object object")


def test_an_exception_travels_inside_the_same_line():
    try:
        raise ValueError("kapot")
    except ValueError:
        import sys

        line = JsonFormatter().format(_record("mislukt", exc_info=sys.exc_info()))

    assert "\n" not in line
    assert "ValueError: kapot" in json.loads(line)["exc_info"]


def test_dutch_text_stays_readable():
    assert "Rösener Manzstraat" in JsonFormatter().format(_record("Rösener Manzstraat"))
