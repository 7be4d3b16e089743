"""No e-mail addresses in the logs: the filter masks them in messages and tracebacks."""

import logging

from accounts.logfilters import MaskEmailFilter


def _record(msg, args=(), exc_info=None):
    return logging.LogRecord("x", logging.ERROR, __file__, 1, msg, args, exc_info)


def test_an_email_address_in_a_log_message_is_masked():
    record = _record("mail to %s failed", ("anna@example.org",))
    MaskEmailFilter().filter(record)
    assert record.getMessage() == "mail to [e-mailadres] failed"


def test_an_email_address_in_a_traceback_is_masked():
    try:
        raise ValueError("refused: anna@example.org")
    except ValueError as error:
        record = _record("send failed", exc_info=(type(error), error, error.__traceback__))
    MaskEmailFilter().filter(record)
    assert "anna@example.org" not in logging.Formatter().format(record)
    assert "[e-mailadres]" in logging.Formatter().format(record)
