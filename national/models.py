"""The national site and the interest of municipalities that want to start.

The national site is a Wagtail site of its own whose root is the NationalHomePage: it lists
the participating municipalities (each a HomePage on its own site) with their number of
active streets, national figures that pass the one suppression rule, the national meetings
and the form "Lief & Leed invoeren in uw gemeente?". What that form receives is an
InterestSubmission, read by the national coordinators (streets.NationalCoordinatorAssignment).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock

MAX_MESSAGE = 2000


class NationalHomePage(Page):
    """The national organisation's home page: the root of the national site (one only)."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"), blank=True)
    interest_intro = RichTextField(
        _("tekst bij het aanmeldformulier"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Boven het formulier “Lief & Leed invoeren in uw gemeente?”."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("interest_intro"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    template = "pages/national_home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["network.NewsletterIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = _("landelijke startpagina")
        verbose_name_plural = _("landelijke startpagina's")

    def get_context(self, request, *args, **kwargs):
        from network.newsletters.models import NewsletterIndexPage

        from .forms import InterestForm
        from .services import national_figures, upcoming_national_meetings

        context = super().get_context(request, *args, **kwargs)
        context["figures"] = national_figures()
        context["meetings"] = upcoming_national_meetings()
        context["interest_form"] = InterestForm()
        context["newsletter"] = (
            self.get_children().live().type(NewsletterIndexPage).specific().first()
        )
        return context


class InterestSubmission(models.Model):
    """ "Lief & Leed invoeren in uw gemeente?": someone of a municipality or an organisation
    asks the national organisation to get in touch. Kept for RETENTION_INTEREST_DAYS."""

    name = models.CharField(_("uw naam"), max_length=120)
    organisation = models.CharField(
        _("gemeente of organisatie"),
        max_length=160,
        help_text=_("Bijvoorbeeld: gemeente Zwolle, of welzijnsorganisatie De Schakel."),
    )
    email = models.EmailField(_("e-mailadres"))
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    message = models.TextField(_("uw vraag of toelichting"), max_length=MAX_MESSAGE, blank=True)
    created_at = models.DateTimeField(_("ontvangen op"), default=timezone.now)
    handled_at = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("afgehandeld door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("belangstelling van een gemeente")
        verbose_name_plural = _("belangstelling van gemeenten")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["handled_at", "created_at"])]

    def __str__(self):
        return f"{self.organisation} ({self.created_at:%d-%m-%Y})"
