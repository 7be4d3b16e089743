import factory

from programme.models import Applicant, GangmakerCandidate, StreetApplication
from programme.normalise import street_key
from tests.home.factories import HomePageFactory


class StreetApplicationFactory(factory.django.DjangoModelFactory):
    municipality = factory.SubFactory(HomePageFactory)
    street_name = factory.Sequence(lambda n: f"Nieuwe Straat {n}")
    street_key = factory.LazyAttribute(lambda o: street_key(o.street_name))
    postcodes = "3035AA"
    motivation = "Wij willen meer naar elkaar omkijken."

    class Meta:
        model = StreetApplication


class ApplicantFactory(factory.django.DjangoModelFactory):
    application = factory.SubFactory(StreetApplicationFactory)
    name = factory.Sequence(lambda n: f"Aanmelder {n}")
    email = factory.Sequence(lambda n: f"aanmelder{n}@example.org")
    house_number = "5"

    class Meta:
        model = Applicant


class GangmakerCandidateFactory(factory.django.DjangoModelFactory):
    application = factory.SubFactory(StreetApplicationFactory)
    name = factory.Sequence(lambda n: f"Kandidaat {n}")
    email = factory.Sequence(lambda n: f"kandidaat{n}@example.org")
    house_number = "7"

    class Meta:
        model = GangmakerCandidate


def application_with_people(municipality, street_name="Bloemkweekstraat", **kwargs):
    """An application as the public form makes it: one applicant, two candidate gangmakers
    (one with e-mail, one without)."""
    from programme.choices import ApplicationState
    from programme.models import StateChange

    application = StreetApplicationFactory(
        municipality=municipality, street_name=street_name, **kwargs
    )
    StateChange.objects.create(application=application, to_state=ApplicationState.APPLIED)
    ApplicantFactory(application=application, name="Ria Bos", email="ria@example.org")
    GangmakerCandidateFactory(
        application=application, name="Ria Bos", email="ria@example.org", house_number="5"
    )
    GangmakerCandidateFactory(
        application=application, name="Henk Smit", email="", phone="010 1234567", house_number="9"
    )
    return application
