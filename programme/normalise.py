"""One street, however a neighbour spells it: the key that joins two applications.

Pure functions, no Django: "Gerrit van der Veenstr." and "gerrit van der veenstraat "
are the same street.
"""

import re
import unicodedata

_ABBREVIATIONS = {
    "str": "straat",
    "ln": "laan",
    "pln": "plein",
    "wg": "weg",
    "kd": "kade",
}


def street_key(name: str) -> str:
    """Lower case, no accents or punctuation, single spaces, common abbreviations spelled out."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^0-9a-z]+", " ", text).strip()
    words = text.split()
    if not words:
        return ""
    last = words[-1]
    if last in _ABBREVIATIONS:
        words[-1] = _ABBREVIATIONS[last]
    elif last.endswith("str") and len(last) > 5:
        # "Veenstr." is the Veenstraat.
        words[-1] = last[:-3] + "straat"
    return " ".join(words)
