"""The municipality's home page, the toolkit and news articles, and the public forms."""

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from .blocks import BodyBlock
from .forms import SpamProtectedFormBuilder


class HomePage(Page):
    """One municipality (a Wagtail site of its own): its wijken, articles and forms."""

    municipality_name = models.CharField(
        _("gemeente"), max_length=100, help_text=_("Bijvoorbeeld: Rotterdam")
    )
    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("municipality_name"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "streets.NeighbourhoodPage",
        "home.ArticleIndexPage",
        "home.FormPage",
        "network.NewsletterIndexPage",
    ]

    class Meta:
        verbose_name = _("gemeente (startpagina)")
        verbose_name_plural = _("gemeenten")

    def get_context(self, request, *args, **kwargs):
        # streets imports home's blocks; importing it at call time keeps the apps acyclic.
        # The coming events come from the template (streets' event_tags).
        from streets.models import NeighbourhoodPage

        context = super().get_context(request, *args, **kwargs)
        context["wijken"] = (
            NeighbourhoodPage.objects.child_of(self).live().public().order_by("title")
        )
        context["articles"] = (
            ArticlePage.objects.descendant_of(self).live().public().order_by("-date")[:3]
        )
        return context

    def serve(self, request, *args, **kwargs):
        # The same for every visitor: kept under the site version, which any change to a
        # street, an event or a published page replaces (streets.page_cache).
        from streets.page_cache import SITE, is_cacheable, serve_cached

        if is_cacheable(request):
            return serve_cached(
                request, SITE, lambda: super(HomePage, self).serve(request, *args, **kwargs)
            )
        return super().serve(request, *args, **kwargs)


@register_snippet
class Theme(models.Model):
    """A theme of the toolkit ("geld en potje", "gangmakers vinden", ...): articles carry one
    or more, and every toolkit has an index per theme."""

    name = models.CharField(_("naam"), max_length=80, unique=True)
    slug = models.SlugField(
        _("in het adres"),
        max_length=80,
        unique=True,
        allow_unicode=False,
        help_text=_("Bijvoorbeeld: geld-en-potje"),
    )
    description = models.CharField(_("korte uitleg"), max_length=250, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["name"]

    def __str__(self):
        return self.name


class ArticleIndexPage(RoutablePageMixin, Page):
    """The toolkit or the news: a list of articles, and one index per theme
    (`<toolkit>/thema/<slug>/`)."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    template = "pages/article_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ArticlePage"]

    class Meta:
        verbose_name = _("artikeloverzicht")
        verbose_name_plural = _("artikeloverzichten")

    def live_articles(self):
        return ArticlePage.objects.child_of(self).live().public().order_by("-date")

    def themes_in_use(self):
        """The themes at least one of this index's live articles carries, by name."""
        return Theme.objects.filter(
            pk__in=ArticlePage.themes.through.objects.filter(
                articlepage__in=self.live_articles()
            ).values("theme_id")
        ).order_by("name")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.setdefault("articles", self.live_articles())
        context["themes"] = self.themes_in_use()
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request)

    @path("thema/<slug:slug>/", name="theme")
    def theme_route(self, request, slug):
        theme = get_object_or_404(Theme, slug=slug)
        return self.render(
            request,
            context_overrides={
                "theme": theme,
                "articles": self.live_articles().filter(themes=theme).distinct(),
            },
            template="pages/article_theme_index.html",
        )


class ArticlePage(Page):
    """A toolkit article ("hoe werkt het", "ideeën voor attenties") or a news item."""

    date = models.DateField(_("datum"))
    intro = models.TextField(_("samenvatting"), max_length=400, blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)
    themes = ParentalManyToManyField(
        Theme, verbose_name=_("thema's"), blank=True, related_name="articles"
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    template = "pages/article_page.html"
    parent_page_types = ["home.ArticleIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("artikel")
        verbose_name_plural = _("artikelen")


class FormField(AbstractFormField):
    page = ParentalKey("FormPage", on_delete=models.CASCADE, related_name="form_fields")


class FormPage(AbstractEmailForm):
    """Contact, or "ook een Lief & Leedstraat?": built in the admin, protected against spam."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(
        _("bedankttekst"), blank=True, features=["bold", "italic", "link"]
    )
    form_builder = SpamProtectedFormBuilder

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Velden")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("from_address", classname="col6"),
                        FieldPanel("to_address", classname="col6"),
                    ]
                ),
                FieldPanel("subject"),
            ],
            _("E-mail"),
        ),
    ]

    template = "pages/form_page.html"
    landing_page_template = "pages/form_page_landing.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("formulier")
        verbose_name_plural = _("formulieren")

    def send_mail(self, form):
        """The submission to `to_address`, as Wagtail writes it, through Django's default mailer.

        Wagtail 8.0's own `send_mail` still opens the connection with `get_connection()`,
        which Django 6.1 deprecates in favour of MAILERS.
        """
        message = EmailMessage(
            self.subject,
            self.render_email(form),
            self.from_address or settings.DEFAULT_FROM_EMAIL,
            [address.strip() for address in self.to_address.split(",")],
            headers={"Auto-Submitted": "auto-generated"},
        )
        message.send()


@register_setting(icon="site")
class MunicipalitySettings(BaseSiteSetting):
    """Per site: how the municipality's programme can be reached."""

    contact_email = models.EmailField(_("e-mailadres voor vragen"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer voor vragen"), max_length=30, blank=True)

    panels = [FieldPanel("contact_email"), FieldPanel("contact_phone")]

    class Meta:
        verbose_name = _("gemeente-instellingen")
