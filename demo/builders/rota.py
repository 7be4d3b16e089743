"""Demo data for care rotas: in Zwaanshals a neighbour home from hospital asks for a warm meal
every evening, and five neighbours offer to cook on any evening. The gangmaker makes the rota
(Koppelingen → Zorgrooster maken); the cooks log in as buur10 … buur14.zwaanshals@example.org
to take their evenings. Idempotent: posts are found again by street, author and text.
"""

from matching.models import PostStatus
from streets.models import StreetPage
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory

from .board import _member

EVERY_EVENING = [f"{day}:avond" for day in range(7)]
COOKS = [f"buur{n}.zwaanshals@example.org" for n in range(10, 15)]
PATIENT = "buur15.zwaanshals@example.org"


def build(home, stdout):
    street = StreetPage.objects.descendant_of(home).filter(slug="zwaanshals").first()
    if street is None:
        return
    patient = _member(street, PATIENT)
    cooks = [user for user in (_member(street, email) for email in COOKS) if user]
    if patient is None or not cooks:
        return
    HelpRequestFactory(
        street=street,
        author=patient,
        category="maaltijd",
        description="Ik ben net thuis uit het ziekenhuis. Wie brengt de komende twee weken 's avonds een warme maaltijd?",
        when_slots=EVERY_EVENING,
        status=PostStatus.OPEN,
    )
    for cook in cooks:
        HelpOfferFactory(
            street=street,
            author=cook,
            categories=["maaltijd"],
            description="Ik kook toch al: een bord extra breng ik graag langs.",
            availability=EVERY_EVENING,
            capacity=2,
        )
    stdout.write(
        f"  zorgrooster: een maaltijdvraag en {len(cooks)} koks in Zwaanshals"
        " (het rooster maakt de gangmaker)"
    )
