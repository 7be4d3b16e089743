"""Demo data for the safety net: Bea (bewoner@example.org, Zwaanshals 12) gave consent; a
neighbour keeps her spare key, her daughter is her emergency contact. Wijk Noord gets its
welzijn contact, and Gerda's question to welzijn has an answer.

Idempotent: the net is found by person and street, keys and contacts by what they hold.
"""

from accounts.models import User
from demo.builders.streets import LOGINS
from insights.models import WelzijnQuestion
from insights.services import answer_question
from streets.choices import MemberRole, MembershipStatus
from streets.models import EmergencyContact, StreetPage
from streets.safety.choices import ContactKind, SafetyConsentMethod
from streets.safety.services import add_emergency_contact, add_spare_key, give_consent

DEMO_STREET = "zwaanshals"
QUESTION = "Ik maak me zorgen om een buurvrouw die sinds kort alleen is. Wat kan ik doen?"


def build(home, stdout):
    street = StreetPage.objects.descendant_of(home).filter(slug=DEMO_STREET).first()
    if street is None:
        return
    bea = User.objects.get(email=LOGINS["bewoner"].email)
    gangmaker = User.objects.get(email=LOGINS["gangmaker"].email)
    welzijn = User.objects.get(email=LOGINS["welzijn"].email)
    # The key holder: the first online neighbour of the street (not Bea, not a gangmaker).
    holder = (
        User.objects.filter(
            memberships__street=street,
            memberships__status=MembershipStatus.APPROVED,
            memberships__role=MemberRole.BEWONER,
            is_offline=False,
        )
        .exclude(pk=bea.pk)
        .order_by("pk")
        .first()
    )
    net = give_consent(bea, street, SafetyConsentMethod.ONLINE)
    if holder is not None and not net.spare_keys.filter(holder=holder).exists():
        add_spare_key(net, holder=holder)
    if not EmergencyContact.objects.filter(net=net, kind=ContactKind.FAMILY).exists():
        add_emergency_contact(net, ContactKind.FAMILY, "Dochter Sanne Bewoner", "06 12345678")

    wijk = street.get_parent().specific
    if not wijk.welzijn_contact_name:
        wijk.welzijn_contact_name = f"{welzijn.first_name} {welzijn.last_name}"
        wijk.welzijn_contact_phone = "010 123 45 67"
        wijk.welzijn_contact_hours = "maandag tot en met donderdag, 9 tot 12 uur"
        wijk.save_revision().publish()
    if not WelzijnQuestion.objects.filter(street=street, question=QUESTION).exists():
        asked = WelzijnQuestion.objects.create(street=street, asked_by=gangmaker, question=QUESTION)
        answer_question(
            asked,
            welzijn,
            "Ga gerust eens langs met een kaartje. Wilt u dat wij meekijken, bel mij dan.",
        )
    stdout.write("  sleutels en noodcontacten van Bea, welzijnscontact van Noord")
