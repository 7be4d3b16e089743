"""Dutch postcodes: "3072 ab", "3072AB" and " 3072  AB " are the same postcode."""

import re

_POSTCODE = re.compile(r"^\s*([1-9][0-9]{3})\s*([A-Za-z]{2})?\s*$")


def normalise_postcode(value: str) -> str | None:
    """Return "3072AB" (or "3072" for the digits alone), or None if it is not a postcode."""
    match = _POSTCODE.match(value or "")
    if not match:
        return None
    digits, letters = match.groups()
    return digits + (letters or "").upper()


def format_postcode(value: str) -> str:
    """ "3072AB" -> "3072 AB", the way it is written on an envelope."""
    return f"{value[:4]} {value[4:]}".strip()


def parse_postcode_list(value: str) -> list[str]:
    """Split "3072 AB, 3072AC" into normalised postcodes; raises ValueError on a bad one."""
    result = []
    for part in re.split(r"[,;\n]+", value or ""):
        if not part.strip():
            continue
        postcode = normalise_postcode(part)
        if postcode is None or len(postcode) != 6:
            raise ValueError(part.strip())
        if postcode not in result:
            result.append(postcode)
    return result
