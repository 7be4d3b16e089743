"""Demo data, part 1: the municipality's site, its toolkit articles and its forms."""

import datetime

from wagtail.models import Page, Site

from tests.home.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    FormFieldFactory,
    FormPageFactory,
    HomePageFactory,
)

ARTICLES = [
    (
        "hoe-werkt-het",
        "Hoe werkt een Lief & Leedstraat?",
        "Een paar buren houden een klein potje bij voor attenties: bloemen bij ziekte, een kaart bij rouw, een taart voor nieuwe buren.",
    ),
    (
        "ideeen-voor-attenties",
        "Ideeën voor attenties",
        "Van een bos tulpen tot een kop koffie: kleine gebaren die laten zien dat de straat aan iemand denkt.",
    ),
    (
        "gangmaker-worden",
        "Zo word je gangmaker",
        "Gangmakers zijn bewoners die het voortouw nemen. Je hoeft het niet alleen te doen.",
    ),
]


def build(stdout) -> Page:
    """Create (or find) the Rotterdam site; returns its home page."""
    root = Page.get_first_root_node()
    home = HomePageFactory(
        parent=root,
        slug="rotterdam",
        title="Lief & Leed Rotterdam",
        municipality_name="Rotterdam",
        intro="<p>In ruim honderd Rotterdamse straten letten buren op elkaar. Zoek uw straat en doe mee.</p>",
    )
    # The demo municipality is the default site, so http://127.0.0.1:8000/ shows it.
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Rotterdam",
        )
    elif site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Rotterdam"
        site.save()
        # Wagtail's "Welcome to your new Wagtail site" page, if still there, is not needed.
        if type(old_root.specific) is Page and old_root.slug == "home":
            old_root.delete()

    toolkit = ArticleIndexPageFactory(parent=home, slug="toolkit", title="Toolkit")
    for days_ago, (slug, title, intro) in enumerate(ARTICLES):
        ArticlePageFactory(
            parent=toolkit,
            slug=slug,
            title=title,
            intro=intro,
            date=datetime.date(2026, 9, 1) - datetime.timedelta(days=days_ago * 14),
        )

    contact = FormPageFactory(parent=home, slug="contact", title="Contact")
    if not contact.form_fields.exists():
        FormFieldFactory(page=contact, label="Uw naam", field_type="singleline", sort_order=0)
        FormFieldFactory(page=contact, label="Uw e-mailadres", field_type="email", sort_order=1)
        FormFieldFactory(page=contact, label="Uw vraag", field_type="multiline", sort_order=2)
    join = FormPageFactory(
        parent=home, slug="ook-een-lief-en-leedstraat", title="Ook een Lief & Leedstraat?"
    )
    if not join.form_fields.exists():
        FormFieldFactory(page=join, label="Uw naam", field_type="singleline", sort_order=0)
        FormFieldFactory(page=join, label="Uw e-mailadres", field_type="email", sort_order=1)
        FormFieldFactory(
            page=join, label="Straatnaam en postcode", field_type="singleline", sort_order=2
        )
        FormFieldFactory(
            page=join,
            label="Wie doen er nog meer mee?",
            field_type="multiline",
            required=False,
            sort_order=3,
        )
    stdout.write("  gemeente, toolkit en formulieren")
    return home
