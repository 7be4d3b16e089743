import datetime

import factory
import wagtail_factories
from wagtail.models import Page

from home.models import ArticleIndexPage, ArticlePage, FormField, FormPage, HomePage, Theme


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Lief & Leed Rotterdam"
    slug = "rotterdam"
    municipality_name = "Rotterdam"
    parent = factory.LazyFunction(lambda: Page.get_first_root_node())

    class Meta:
        model = HomePage
        django_get_or_create = ("parent", "slug")


class ArticleIndexPageFactory(wagtail_factories.PageFactory):
    title = "Toolkit"
    slug = "toolkit"

    class Meta:
        model = ArticleIndexPage
        django_get_or_create = ("parent", "slug")


class ArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Artikel {n}")
    date = factory.LazyFunction(datetime.date.today)
    intro = "Zo werkt het."

    class Meta:
        model = ArticlePage
        django_get_or_create = ("parent", "slug")


class FormPageFactory(wagtail_factories.PageFactory):
    title = "Contact"
    slug = "contact"
    to_address = "lief-en-leed@example.org"
    subject = "Bericht via de website"

    class Meta:
        model = FormPage
        django_get_or_create = ("parent", "slug")


class FormFieldFactory(factory.django.DjangoModelFactory):
    label = "Uw vraag"
    field_type = "multiline"
    required = True

    class Meta:
        model = FormField


class ThemeFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")

    class Meta:
        model = Theme
        django_get_or_create = ("slug",)
