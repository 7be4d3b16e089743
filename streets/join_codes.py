"""The street card's join code: easy to read aloud, to type and to copy from paper.

    >>> format_join_code("K7WM4QHT")
    'K7WM-4QHT'
    >>> normalise_join_code(" k7wm 4qht ")
    'K7WM4QHT'

Codes use capitals and digits without the ones people mix up (I, L and 1; O and 0; no
punctuation such as _ or -), eight of them, printed in two groups of four. They are stored
without the dash; whatever a person types (small letters, spaces, a dash) is normalised
before the lookup. Codes of before this change (random URL-safe text) stay valid: the street
keeps its old code as `legacy_join_code`, so cards in letterboxes still work.
"""

import re
import secrets

__all__ = ["ALPHABET", "CODE_LENGTH", "format_join_code", "new_join_code", "normalise_join_code"]

ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
GROUP = 4
_READABLE = re.compile(rf"^[{ALPHABET}]{{{CODE_LENGTH}}}$")


def new_join_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def is_readable(code: str) -> bool:
    return bool(_READABLE.match(code or ""))


def format_join_code(code: str) -> str:
    """A readable code in groups ("K7WM-4QHT"); an old code as it was."""
    if not is_readable(code):
        return code
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise_join_code(typed: str) -> str:
    """What a person typed, as stored: capitals, no spaces or dashes."""
    return re.sub(r"[\s\-]", "", typed or "").upper()
