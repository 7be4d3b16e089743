"""Logging filters: a safety net so that no e-mail address reaches the logs.

The project's own log calls name users by id; this filter catches what a library logs anyway
(an SMTP error quoting the recipient, a failed lookup quoting its arguments).
"""

import logging
import re

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
MASK = "[e-mailadres]"


def mask_emails(text: str) -> str:
    """Replace every e-mail address in `text`."""
    return EMAIL.sub(MASK, text)


class MaskEmailFilter(logging.Filter):
    """Render the message with its arguments, mask e-mail addresses, keep the record."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a broken format string must not lose the record
            return True
        masked = mask_emails(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_info and record.exc_info[1] is not None:
            trace = logging.Formatter().formatException(record.exc_info)
            masked_trace = mask_emails(trace)
            if masked_trace != trace:
                # Every formatter (plain or ops' JSON) would print the traceback from exc_info
                # again; fold the masked one into the message and drop the original.
                record.msg, record.args = f"{record.getMessage()}\n{masked_trace}", None
                record.exc_info, record.exc_text = None, None
        return True
