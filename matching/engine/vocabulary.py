"""The engine's copy of the words in matching/choices.py and streets/vocabulary.py (the
dagdelen), and how it says them in Dutch.

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
WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag")

NORMAL = "normaal"
SOON = "snel"
URGENT = "dringend"
URGENCIES = (NORMAL, SOON, URGENT)

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

# What a neighbour reads about the helper: "helpt graag met boodschappen". An offer's category
# "anders" only ever meets a request "anders", so its sentence stays vague on purpose.
CATEGORY_REASONS = {
    BOODSCHAPPEN: "helpt graag met boodschappen",
    HONDJE_UITLATEN: "laat graag een hondje uit",
    KLUSJE: "helpt graag met een klusje in huis",
    GEZELSCHAP: "komt graag langs voor een praatje",
    VERVOER: "rijdt graag mee naar de arts of het ziekenhuis",
    MAALTIJD: "kookt graag een maaltijd mee",
    SLEUTEL: "bewaart graag een sleutel",
    COMPUTER: "helpt graag met computer en telefoon",
    TUIN: "helpt graag in de tuin",
    ADMINISTRATIE: "helpt graag met post en administratie",
    ANDERS: "biedt ook andere hulp aan",
}
