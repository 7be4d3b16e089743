"""Logging filters: a safety net so that no e-mail address or home address reaches the logs.

The project's own log calls name users by id; MaskEmailFilter catches what a library logs
anyway (an SMTP error quoting the recipient, a failed lookup quoting its arguments), and
WithoutArgumentsFilter keeps a chatty library's values (geopy's queries) out altogether.
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


PLACEHOLDER = re.compile(r"%(?:\([^)]*\))?[-#0 +]*\d*(?:\.\d+)?[sdrfi]")
LEFT_OUT = "[weggelaten]"


class WithoutArgumentsFilter(logging.Filter):
    """Keep a library's message templates, drop every value put into them.

    For a logger whose arguments are personal data (geopy logs the address it looks up, the
    URL holding it, and an error page that may echo it): the record keeps its level, logger
    and wording, the arguments become a placeholder and a traceback only its exception class.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = PLACEHOLDER.sub(LEFT_OUT, str(record.msg)) if record.args else str(record.msg)
        if record.exc_info and record.exc_info[0] is not None:
            message = f"{message} ({record.exc_info[0].__name__})"
        record.msg, record.args = message, None
        record.exc_info, record.exc_text = None, None
        return True
