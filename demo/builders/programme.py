"""Demo data for the programme: a few streets that want to join, at different steps.

The Bloemkweekstraat was applied for by two neighbours (one application, two applicants) and
waits for the coordinator; the Vlietlaan had its kennismaking; the Korte Hoogstraat is on the
waiting list. Nothing is started here, so the demo's coordinator can start a street. The Bentincklaan
(Noord) has gone quiet: started months ago, no post, attention, event, new member or login
by its gangmaker since; the coordinator called once and did not reach him, so it stands in
the growth view's quiet streets with that call in its follow-up log.
Idempotent: applications are found by (municipality, street name) through the service.
"""

import datetime

from django.utils import timezone

from accounts.models import User
from programme.choices import ApplicationState, FollowUpOutcome
from programme.models import StarterPack, StreetApplication, StreetFollowUp
from programme.services import change_state, submit_application
from streets.models import NeighbourhoodPage, StreetPage
from tests.accounts.factories import UserFactory
from tests.streets.factories import GangmakerMembershipFactory, StreetPageFactory

# street, wijk slug, postcodes, applicants, candidate gangmakers, motivation
APPLICATIONS = [
    (
        "Bloemkweekstraat",
        "noord",
        "3035 HA",
        [("Ria Bos", "ria.bos@example.org", "", "5"), ("Jan Kok", "", "06 12345678", "18")],
        [("Ria Bos", "ria.bos@example.org", "", "5"), ("Henk Smit", "", "010 1234567", "9")],
        "Veel ouderen in de straat, en de buurtwhatsapp is te druk.",
    ),
    (
        "Vlietlaan",
        "feijenoord",
        "3074 AA",
        [("Samira El Idrissi", "samira@example.org", "", "12")],
        [("Samira El Idrissi", "samira@example.org", "", "12")],
        "Nieuwe buren leren elkaar nauwelijks kennen.",
    ),
    (
        "Korte Hoogstraat",
        "",
        "",
        [("Piet de Wit", "piet.dewit@example.org", "", "3")],
        [],
        "",
    ),
]


def _person(name, email, phone, house_number):
    return {"name": name, "email": email, "phone": phone, "house_number": house_number}


def _quiet_street(home, coordinator):
    """A street that started months ago and has been quiet since, with one call logged."""
    wijk = NeighbourhoodPage.objects.child_of(home).filter(slug="noord").first()
    if wijk is None or StreetPage.objects.child_of(wijk).filter(slug="bentincklaan").exists():
        return
    long_ago = timezone.now() - datetime.timedelta(weeks=20)
    street = StreetPageFactory(
        parent=wijk,
        slug="bentincklaan",
        title="Bentincklaan",
        postcodes="3039 KE",
        intro="<p>In de Bentincklaan letten we op elkaar.</p>",
    )
    StreetPage.objects.filter(pk=street.pk).update(
        first_published_at=long_ago, last_published_at=long_ago
    )
    gangmaker = UserFactory(
        first_name="Henk",
        last_name="Bosman",
        email="henk.bosman@example.org",
        last_login=long_ago,
    )
    GangmakerMembershipFactory(street=street, user=gangmaker, house_number="7", decided_at=long_ago)
    StreetFollowUp.objects.create(
        street=street,
        called_by=coordinator,
        gangmaker=gangmaker,
        contact_name="Henk Bosman",
        called_on=timezone.localdate() - datetime.timedelta(days=10),
        outcome=FollowUpOutcome.NO_ANSWER,
        note="Voicemail ingesproken; volgende week opnieuw bellen.",
    )


def build(home, stdout):
    coordinator = User.objects.filter(email="coordinator@example.org").first()
    _quiet_street(home, coordinator)
    made = 0
    for street, wijk_slug, postcodes, applicants, candidates, why in APPLICATIONS:
        if StreetApplication.objects.filter(municipality=home, street_name=street).exists():
            continue
        wijk = NeighbourhoodPage.objects.child_of(home).filter(slug=wijk_slug).first()
        application = None
        for i, applicant in enumerate(applicants):
            application, _joined = submit_application(
                home,
                street_name=street,
                postcodes=postcodes,
                wijk=wijk,
                motivation=why if i == 0 else "",
                applicant=_person(*applicant),
                candidates=[_person(*c) for c in candidates] if i == 0 else [],
            )
        made += 1
        if street == "Vlietlaan":
            change_state(application, ApplicationState.INTRODUCTION, coordinator)
        elif street == "Korte Hoogstraat":
            change_state(
                application, ApplicationState.WAITLIST, coordinator, "Eerst een tweede gangmaker"
            )
    # Every demo street got its startpakket this year; Zwaanshals' is not sent yet.
    year = timezone.localdate().year
    for street in StreetPage.objects.live().descendant_of(home):
        StarterPack.objects.get_or_create(
            street=street,
            year=year,
            defaults={
                "sent_on": None if street.slug == "zwaanshals" else timezone.localdate(),
                "sent_by": None if street.slug == "zwaanshals" else coordinator,
                "recipient": "De gangmakers",
            },
        )
    stdout.write(f"  programma: {made} aanmeldingen van straten")
