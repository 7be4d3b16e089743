"""The municipality's home page, the toolkit and news articles, and the public forms."""

from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

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
    subpage_types = ["streets.NeighbourhoodPage", "home.ArticleIndexPage", "home.FormPage"]

    class Meta:
        verbose_name = _("gemeente (startpagina)")
        verbose_name_plural = _("gemeenten")

    def get_context(self, request, *args, **kwargs):
        # streets imports home's blocks; importing it at call time keeps the apps acyclic.
        from streets.models import NeighbourhoodPage

        context = super().get_context(request, *args, **kwargs)
        context["neighbourhoods"] = (
            NeighbourhoodPage.objects.child_of(self).live().public().order_by("title")
        )
        context["upcoming_events"] = self.upcoming_events()
        context["articles"] = (
            ArticlePage.objects.descendant_of(self).live().public().order_by("-date")[:3]
        )
        return context

    def upcoming_events(self, limit: int = 6) -> list:
        """The next `limit` dates of the municipality's events, as upcoming_events_below gives
        them, but reading only the events that can be among them.

        upcoming_events_below expands every coming event below a page: at 1/10 of Rotterdam
        some 370 events, most of the home's time (bench/scale/profile_board.py). A one-off
        event has one date, its start, so of those surely listed (not over, no skipped date)
        only the `limit` earliest, and any at the same moment, can make the list. Series and
        one-offs with a skipped date are few and are all expanded as before.
        """
        from streets.events.choices import ExceptionKind, Repeat
        from streets.events.recurrence import OPEN_END, upcoming
        from streets.models import EventException, EventPage

        now = timezone.now()
        events = EventPage.objects.descendant_of(self).live().public()
        series = ~Q(repeat=Repeat.NEVER) & (
            Q(repeat_until__isnull=True) | Q(repeat_until__gte=timezone.localdate())
        )
        # Exactly when recurrence.upcoming lists a one-off: it has not ended (or, without an
        # end, began less than OPEN_END ago).
        one_off = Q(repeat=Repeat.NEVER) & (
            Q(end__gt=now) | Q(end__isnull=True, start__gt=now - OPEN_END)
        )
        skips = Exists(
            EventException.objects.filter(event=OuterRef("pk"), kind=ExceptionKind.SKIPPED)
        )
        last_start = list(
            events.filter(one_off & ~skips)
            .order_by("start")
            .values_list("start", flat=True)[limit - 1 : limit]
        )
        if last_start:
            one_off &= skips | Q(start__lte=last_start[0])
        candidates = events.filter(series | one_off).prefetch_related("exceptions")
        return upcoming(candidates, now, limit=limit)


class ArticleIndexPage(Page):
    """The toolkit or the news: a list of articles."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    template = "pages/article_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ArticlePage"]

    class Meta:
        verbose_name = _("artikeloverzicht")
        verbose_name_plural = _("artikeloverzichten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = ArticlePage.objects.child_of(self).live().public().order_by("-date")
        return context


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

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("intro"),
        FieldPanel("image"),
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


@register_setting(icon="site")
class MunicipalitySettings(BaseSiteSetting):
    """Per site: how the municipality's programme can be reached."""

    contact_email = models.EmailField(_("e-mailadres voor vragen"), blank=True)
    contact_phone = models.CharField(_("telefoonnummer voor vragen"), max_length=30, blank=True)

    panels = [FieldPanel("contact_email"), FieldPanel("contact_phone")]

    class Meta:
        verbose_name = _("gemeente-instellingen")
