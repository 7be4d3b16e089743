"""The engine's copy of the words in matching/choices.py and streets/vocabulary.py (the
dagdelen). How a person reads them is the site's business (matching/reasons.py).

The engine may not import Django, so the string values of Category, Dagdeel and Urgency are
repeated here; tests/matching/test_engine.py fails as soon as the two drift apart.
"""

BOODSCHAPPEN = "boodschappen"
HONDJE_UITLATEN = "hondje_uitlaten"
KLUSJE = "klusje"
GEZELSCHAP = "gezelschap"
VERVOER = "vervoer"
MAALTIJD = "maaltijd"
SLEUTEL = "sleutel"
COMPUTER = "computer"
TUIN = "tuin"
ADMINISTRATIE = "administratie"
ANDERS = "anders"

CATEGORIES = (
    BOODSCHAPPEN,
    HONDJE_UITLATEN,
    KLUSJE,
    GEZELSCHAP,
    VERVOER,
    MAALTIJD,
    SLEUTEL,
    COMPUTER,
    TUIN,
    ADMINISTRATIE,
    ANDERS,
)

DAGDELEN = ("ochtend", "middag", "avond")

NORMAL = "normaal"
SOON = "snel"
URGENT = "dringend"
URGENCIES = (NORMAL, SOON, URGENT)
