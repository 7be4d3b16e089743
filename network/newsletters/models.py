"""The newsletter's pages and its mailing list.

Scope: a NewsletterIndexPage under a municipality's HomePage is that municipality's newsletter;
one under the national site's root (no HomePage above it) is the national newsletter. Its
subscribers belong to the index page, so two newsletters never share a list.

Sending state is not kept on the NewsletterPage: Wagtail restores a page's fields from the
revision it publishes, so a flag on the page would be reset by publishing a correction after
the send. A Dispatch row (one per issue, a unique key) records that an issue was sent.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from accounts.languages import language_choices
from home.blocks import BodyBlock

from .choices import SubscriberStatus


class NewsletterIndexPage(Page):
    """The archive of sent issues, with the subscribe form."""

    intro = RichTextField(
        _("inleiding"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Waar gaat de nieuwsbrief over en hoe vaak verschijnt hij?"),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    template = "pages/newsletter_index_page.html"
    # The merger of the national layer adds the national root's page type here.
    # A municipality's newsletter, or the national one under the national site's root.
    parent_page_types = ["home.HomePage", "national.NationalHomePage"]
    subpage_types = ["network.NewsletterPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("nieuwsbrief (archief en aanmelden)")
        verbose_name_plural = _("nieuwsbrieven")

    @property
    def municipality(self):
        """The HomePage above this newsletter, or None for the national newsletter."""
        from home.models import HomePage

        return HomePage.objects.ancestor_of(self).first()

    def sent_issues(self):
        return (
            NewsletterPage.objects.child_of(self)
            .live()
            .public()
            .filter(dispatch__isnull=False)
            .select_related("dispatch")
            .order_by("-dispatch__started_at")
        )

    def get_context(self, request, *args, **kwargs):
        from .forms import SubscribeForm

        context = super().get_context(request, *args, **kwargs)
        context["issues"] = self.sent_issues()
        context["form"] = SubscribeForm()
        return context


class NewsletterPage(Page):
    """One issue. Public once it was sent; before that only its editors preview it."""

    intro = models.TextField(
        _("samenvatting"),
        max_length=400,
        blank=True,
        help_text=_("Een of twee zinnen bovenaan de mail en in het archief."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("inhoud"))

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    preview_modes = [("", _("Webpagina")), ("email", _("Zoals in de mail"))]
    # Not in site search: a published issue that was not sent yet must not be found there.
    # The archive page lists the sent ones.
    search_fields = []

    template = "pages/newsletter_page.html"
    parent_page_types = ["network.NewsletterIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("nieuwsbrief (uitgave)")
        verbose_name_plural = _("uitgaven van de nieuwsbrief")

    @property
    def newsletter(self) -> NewsletterIndexPage:
        return NewsletterIndexPage.objects.get(pk=self.get_parent().pk)

    @property
    def is_sent(self) -> bool:
        return Dispatch.objects.filter(issue_id=self.pk).exists()

    def serve(self, request, *args, **kwargs):
        # An issue that was not sent is a draft, even when it is live: nobody reads it on the
        # site before the subscribers got it.
        if not self.is_sent and not getattr(request, "is_preview", False):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            from .mail import preview_html

            return HttpResponse(preview_html(self, request.user))
        return super().serve_preview(request, mode_name)


class Subscriber(models.Model):
    """Someone who asked for the newsletter, or a gangmaker who unsubscribed from it.

    Gangmakers of the municipality get the newsletter without a row here; a row with status
    `unsubscribed` (and `user` set) is their opt-out. The address is stored in lower case.
    """

    newsletter = models.ForeignKey(
        NewsletterIndexPage, on_delete=models.CASCADE, related_name="newsletter_subscribers"
    )
    email = models.EmailField(_("e-mailadres"))
    name = models.CharField(_("naam"), max_length=100, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="newsletter_subscriptions",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
    )
    # The language the site was in when they subscribed: the confirmation and the words around
    # each issue are written in it (an account's own choice wins).
    language = models.CharField(
        _("taal"), max_length=8, choices=language_choices, default=settings.LANGUAGE_CODE
    )
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("abonnee van de nieuwsbrief")
        verbose_name_plural = _("abonnees van de nieuwsbrief")
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "email"], name="one_subscriber_per_newsletter_email"
            ),
        ]

    def __str__(self):
        return f"{self.newsletter_id}: {self.status}"


class Dispatch(models.Model):
    """The one send of an issue: who started it, when, to how many, and what the mail says.

    The subject and body are rendered once when sending starts, so every batch sends the same
    text even if an editor changes the page while the mail goes out.
    """

    issue = models.OneToOneField(NewsletterPage, on_delete=models.CASCADE, related_name="dispatch")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    total = models.PositiveIntegerField(default=0)
    subject = models.CharField(max_length=255)
    body_html = models.TextField()
    body_text = models.TextField()
    finished_at = models.DateTimeField(null=True, blank=True)
    # Counted when the recipients were forgotten (RETENTION_NEWSLETTER_DELIVERIES_DAYS after
    # the send finished); until then the delivery rows are counted.
    sent = models.PositiveIntegerField(null=True, blank=True, editable=False)
    failed = models.PositiveIntegerField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("verzending van een nieuwsbrief")
        verbose_name_plural = _("verzendingen van nieuwsbrieven")

    def __str__(self):
        return f"{self.issue_id}: {self.total}"


class Delivery(models.Model):
    """One recipient of one issue: the outbox row the batches claim, send and mark."""

    dispatch = models.ForeignKey(Dispatch, on_delete=models.CASCADE, related_name="deliveries")
    email = models.EmailField()
    name = models.CharField(max_length=100, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    # The subscriber's language when the issue went out (an account's own choice wins).
    language = models.CharField(max_length=8, default=settings.LANGUAGE_CODE)
    # Set by the batch that sends this row now; a claim older than a task may live belongs to
    # a batch that was killed and is taken over (sending.py).
    claim = models.UUIDField(null=True, blank=True, editable=False)
    claimed_at = models.DateTimeField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(null=True, blank=True)
    failed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("verzonden nieuwsbrief")
        verbose_name_plural = _("verzonden nieuwsbrieven")
        constraints = [
            models.UniqueConstraint(fields=["dispatch", "email"], name="one_delivery_per_email"),
        ]
        indexes = [models.Index(fields=["dispatch", "sent_at"])]

    def __str__(self):
        return f"{self.dispatch_id}: {self.pk}"

    @property
    def message_id(self) -> str:
        """The same Message-ID for every attempt, so a receiver can drop a second copy."""
        host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
        return f"<nieuwsbrief-{self.dispatch_id}-{self.pk}@{host}>"
