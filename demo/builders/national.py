"""Demo data for the national layer (issue 19): a second municipality, Amstelveen, on a site
of its own; the national site with a national coordinator, a national meeting and one
interest form; the toolkit's themes, a document and a video link.

The sites, for `make run` (browsers resolve every *.localhost name to 127.0.0.1):
http://localhost:8000 (Rotterdam, also http://127.0.0.1:8000), http://amstelveen.localhost:8000
and http://landelijk.localhost:8000. Idempotent: everything is found by slug, e-mail or title.
"""

import datetime
import json
import zlib

from django.core.files.base import ContentFile
from django.utils import timezone
from faker import Faker
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from demo.builders import newsletters as newsletters_demo
from demo.builders import streets as streets_demo
from home.models import ArticleIndexPage, ArticlePage, Theme
from national.models import InterestSubmission
from network.models import Audience, Meeting
from network.services import create_meeting
from streets.models import NationalCoordinatorAssignment
from tests.accounts.factories import UserFactory, default_password_hash
from tests.home.factories import HomePageFactory
from tests.national.factories import NationalHomePageFactory
from tests.streets.factories import (
    CoordinatorAssignmentFactory,
    NeighbourhoodPageFactory,
    StreetPageFactory,
)

PORT = 8000
AMSTELVEEN_HOST = "amstelveen.localhost"
NATIONAL_HOST = "landelijk.localhost"
AMSTELVEEN_STREETS = [
    ("Groenelaan", "1186 AA, 1186 AB"),
    ("Dorpsstraat", "1182 JB"),
    ("Zonnestein", "1181 AB"),
]
# The demo logins of this part (the README lists them with the others).
NATIONAL_LOGIN = streets_demo.DemoLogin(
    "landelijk@example.org", "Noor", "Landelijk", "landelijk coördinator"
)
AMSTELVEEN_LOGIN = streets_demo.DemoLogin(
    "coordinator.amstelveen@example.org", "Arjen", "Amstel", "coördinator Amstelveen"
)
NATIONAL_MEETING = "Landelijke gangmakersdag"
THEMES = [
    ("geld en potje", "geld-en-potje", "Het potje: wat mag ervan, en hoe houd je het bij?"),
    ("gangmakers vinden", "gangmakers-vinden", "Hoe vind je een tweede (of nieuwe) gangmaker?"),
    (
        "samenwerken met welzijn",
        "samenwerken-met-welzijn",
        "Wanneer schakel je welzijn in, en hoe?",
    ),
]
# Article slug (demo/builders/home.py) -> its themes.
ARTICLE_THEMES = {
    "hoe-werkt-het": ["geld-en-potje"],
    "ideeen-voor-attenties": ["geld-en-potje"],
    "gangmaker-worden": ["gangmakers-vinden", "samenwerken-met-welzijn"],
}
DOCUMENT_TITLE = "Voorbeeld: kasboekje van het potje"
VIDEO_URL = "https://www.example.org/video/lief-en-leed-gangmakers"


def _site(hostname: str, root: Page, name: str) -> None:
    site = Site.objects.filter(hostname=hostname).first()
    if site is None:
        Site.objects.create(hostname=hostname, port=PORT, root_page=root, site_name=name)
    elif site.root_page_id != root.pk:
        site.root_page = root
        site.save()


def _user(login, password_hash):
    return UserFactory(
        email=login.email,
        first_name=login.first_name,
        last_name=login.last_name,
        password=password_hash,
    )


def _amstelveen(password_hash):
    home = HomePageFactory(
        parent=Page.get_first_root_node(),
        slug="amstelveen",
        title="Lief & Leed Amstelveen",
        municipality_name="Amstelveen",
        intro="<p>In Amstelveen groeien de Lief &amp; Leedstraten via bijeenkomsten. Doet uw straat mee?</p>",
    )
    _site(AMSTELVEEN_HOST, home, "Amstelveen")
    wijk = NeighbourhoodPageFactory(
        parent=home,
        slug="westwijk",
        title="Westwijk",
        intro="<p>De Lief &amp; Leedstraten van de Westwijk.</p>",
    )
    for name, postcodes in AMSTELVEEN_STREETS:
        street = StreetPageFactory(
            parent=wijk,
            slug=name.lower(),
            title=name,
            postcodes=postcodes,
            intro=f"<p>In de {name} letten we op elkaar. Welkom!</p>",
        )
        faker = Faker("nl_NL")
        faker.seed_instance(zlib.crc32(street.slug.encode()))
        streets_demo._street_people(street, password_hash, faker, {})
    CoordinatorAssignmentFactory(user=_user(AMSTELVEEN_LOGIN, password_hash), municipality=home)
    return home


def _national(password_hash):
    page = NationalHomePageFactory(
        parent=Page.get_first_root_node(),
        slug="landelijk",
        title="Lief & Leed Nederland",
        intro="<p>Een landelijk netwerk van Lief &amp; Leedsteden: buren letten op elkaar, "
        "gangmakers wisselen ervaringen en tips uit.</p>",
    )
    _site(NATIONAL_HOST, page, "Landelijk")
    coordinator = _user(NATIONAL_LOGIN, password_hash)
    NationalCoordinatorAssignment.objects.get_or_create(user=coordinator)
    if not Meeting.objects.filter(title=NATIONAL_MEETING, municipality=None).exists():
        start = timezone.localtime().replace(hour=10, minute=0, second=0, microsecond=0)
        start += datetime.timedelta(days=30)
        create_meeting(
            coordinator,
            municipality=None,
            wijk=None,
            title=NATIONAL_MEETING,
            start=start,
            end=start + datetime.timedelta(hours=6),
            location="Utrecht, Stadsschouwburg (foyer)",
            description="Gangmakers uit het hele land delen wat werkt: van welkomstpakketten "
            "tot de feestdagen.",
            audience=Audience.GANGMAKERS,
        )
    InterestSubmission.objects.get_or_create(
        email="beleid@zwolle.example",
        defaults={
            "name": "Ingrid de Vries",
            "organisation": "Gemeente Zwolle",
            "phone": "038 498 91 11",
            "message": "Wij willen volgend jaar in twee wijken beginnen. Wie kan ons vertellen "
            "hoe Rotterdam het aanpakte?",
        },
    )
    return page


def _document():
    Document = get_document_model()
    document = Document.objects.filter(title=DOCUMENT_TITLE).first()
    if document is None:
        document = Document(title=DOCUMENT_TITLE)
        # A small text file: the demo ships no binary; the block shows its type and size.
        text = "Datum;Waarvoor;Bedrag\n01-09;Bloemen voor nr. 14;12,50\n"
        document.file.save("kasboekje-potje.csv", ContentFile(text.encode()), save=False)
        document.file_size = len(text.encode())
        document.save()
    return document


def _toolkit(home):
    themes = {}
    for name, slug, description in THEMES:
        themes[slug], _created = Theme.objects.get_or_create(
            slug=slug, defaults={"name": name, "description": description}
        )
    toolkit = ArticleIndexPage.objects.child_of(home).filter(slug="toolkit").first()
    if toolkit is None:
        return
    for article in ArticlePage.objects.child_of(toolkit):
        wanted = ARTICLE_THEMES.get(article.slug, [])
        changed = False
        if wanted and not article.themes.exists():
            article.themes.set([themes[slug] for slug in wanted])
            changed = True
        if article.slug == "hoe-werkt-het" and not article.body.raw_data:
            article.body = json.dumps(
                [
                    {
                        "type": "paragraph",
                        "value": "<p>Een kasboekje houdt bij wat er in en uit het potje gaat.</p>",
                    },
                    {"type": "document", "value": {"document": _document().pk, "title": ""}},
                    {
                        "type": "video_link",
                        "value": {
                            "url": VIDEO_URL,
                            "title": "Gangmakers vertellen",
                            "description": "Drie gangmakers over hun eerste jaar (een link: "
                            "de video staat op een andere website).",
                        },
                    },
                ]
            )
            changed = True
        if changed:
            article.save_revision().publish()


def build(home, stdout):
    """`home` is Rotterdam (the default site); its site is reached on port 8000 too."""
    password_hash = default_password_hash()
    rotterdam_site = Site.objects.filter(root_page=home).first()
    if rotterdam_site is not None and rotterdam_site.port != PORT:
        # So links from the other demo sites to Rotterdam carry the demo's port.
        rotterdam_site.port = PORT
        rotterdam_site.save()
    _amstelveen(password_hash)
    national_home = _national(password_hash)
    newsletters_demo.build_national(national_home, stdout)
    _toolkit(home)
    stdout.write(
        "  landelijk: Amstelveen (http://amstelveen.localhost:8000), de landelijke site "
        "(http://landelijk.localhost:8000), thema's in de toolkit"
    )
