import factory
import wagtail_factories
from wagtail.models import Page, Site

from national.models import InterestSubmission, NationalHomePage


class NationalHomePageFactory(wagtail_factories.PageFactory):
    title = "Lief & Leed Nederland"
    slug = "landelijk"
    parent = factory.LazyFunction(Page.get_first_root_node)

    class Meta:
        model = NationalHomePage
        django_get_or_create = ("parent", "slug")


class InterestSubmissionFactory(factory.django.DjangoModelFactory):
    name = "Ingrid de Vries"
    organisation = "Gemeente Zwolle"
    email = factory.Sequence(lambda n: f"ingrid{n}@zwolle.example")

    class Meta:
        model = InterestSubmission


def national_site(hostname: str = "landelijk.localhost") -> NationalHomePage:
    """The national home page on a Wagtail site of its own."""
    page = NationalHomePageFactory()
    Site.objects.get_or_create(
        hostname=hostname, port=80, defaults={"root_page": page, "site_name": "Landelijk"}
    )
    return page
