"""Street events (Wagtail pages), their skipped or cancelled dates, and "ik kom".

Registered under the app label `streets` (the app that contains this module), so the tables,
content types and Wagtail page type are those the events always had; streets.models
re-exports these classes. Nothing of the rest of streets is imported here: an event page's
place is named by string (`parent_page_types`), and its context comes from
streets.events.services.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .admin_forms import EventPageAdminForm
from .choices import ExceptionKind, Repeat
from .recurrence import (
    MAX_COUNT,
    MAX_INTERVAL,
    check_recurrence,
    parse_weekdays,
    validate_weekdays,
)


class EventPage(Page):
    """Something the street does together: liftkoffie, samen eten, opzoomerdag.

    One page is one event, or a series ("elke dinsdag 10:00") described by the repeat fields
    and expanded in local time by streets.events.recurrence. Dates can be skipped or
    cancelled one by one (EventException); the whole event can be cancelled too.
    """

    start = models.DateTimeField(_("begint om"), help_text=_("Bij een herhaling: de eerste keer."))
    end = models.DateTimeField(
        _("eindigt om"),
        null=True,
        blank=True,
        help_text=_("Bij een herhaling: het einde van de eerste keer."),
    )
    location = models.CharField(_("plaats"), max_length=200, blank=True)
    description = RichTextField(_("beschrijving"), blank=True, features=["bold", "italic", "link"])
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    repeat = models.CharField(
        _("herhalen"), max_length=10, choices=Repeat.choices, default=Repeat.NEVER
    )
    interval = models.PositiveSmallIntegerField(
        _("om de hoeveel weken of maanden"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_INTERVAL)],
        help_text=_("1 = elke week (of maand), 2 = om de week, enzovoort."),
    )
    weekdays = models.CharField(
        _("op welke dagen"),
        max_length=20,
        blank=True,
        validators=[validate_weekdays],
        help_text=_("Bij wekelijks: leeg laten voor de dag van de eerste keer."),
    )
    repeat_until = models.DateField(
        _("herhalen tot en met"),
        null=True,
        blank=True,
        help_text=_("Leeg laten als de herhaling doorgaat, of als u een aantal keren kiest."),
    )
    repeat_count = models.PositiveSmallIntegerField(
        _("aantal keren"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_COUNT)],
    )
    cancelled = models.BooleanField(
        _("gaat niet door"),
        default=False,
        help_text=_("De activiteit blijft zichtbaar, met de melding dat ze niet doorgaat."),
    )
    cancellation_note = models.CharField(_("bericht bij het afzeggen"), max_length=300, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("start"),
        FieldPanel("end"),
        FieldPanel("location"),
        FieldPanel("description"),
        FieldPanel("image"),
        MultiFieldPanel(
            [
                FieldPanel("repeat"),
                FieldPanel("interval"),
                FieldPanel("weekdays"),
                FieldPanel("repeat_until"),
                FieldPanel("repeat_count"),
            ],
            _("Herhaling"),
        ),
        InlinePanel("exceptions", label=_("Data die uitvallen of niet doorgaan")),
        MultiFieldPanel([FieldPanel("cancelled"), FieldPanel("cancellation_note")], _("Afzeggen")),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("description"),
        index.SearchField("location"),
        index.FilterField("start"),
    ]

    base_form_class = EventPageAdminForm
    template = "pages/event_page.html"
    parent_page_types = ["streets.StreetPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="event_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(repeat__in=Repeat.values), name="event_repeat_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(interval__gte=1, interval__lte=MAX_INTERVAL),
                name="event_interval_in_range",
            ),
            models.CheckConstraint(
                condition=models.Q(repeat_count__isnull=True)
                | models.Q(repeat_count__gte=1, repeat_count__lte=MAX_COUNT),
                name="event_repeat_count_in_range",
            ),
            models.CheckConstraint(
                condition=~models.Q(repeat_until__isnull=False, repeat_count__isnull=False),
                name="event_until_or_count_not_both",
            ),
        ]

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Het einde ligt voor het begin.")})
        if self.start and self.repeat != Repeat.NEVER:
            check_recurrence(self)

    @property
    def is_recurring(self) -> bool:
        return self.repeat != Repeat.NEVER

    @property
    def weekday_list(self) -> list[int]:
        return parse_weekdays(self.weekdays)

    def get_context(self, request, *args, **kwargs):
        # Imported here: the services query these models.
        from .services import event_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(event_page_context(request, self))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Members see their own "ik kom" and gangmakers the counts: never in a shared cache.
        if request.user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
        return response


class EventException(Orderable):
    """One date of a recurring event that is skipped, or shown as "gaat niet door"."""

    event = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="exceptions")
    date = models.DateField(_("datum"))
    kind = models.CharField(
        _("wat er gebeurt"),
        max_length=10,
        choices=ExceptionKind.choices,
        default=ExceptionKind.CANCELLED,
    )
    note = models.CharField(
        _("bericht"), max_length=300, blank=True, help_text=_("Bijvoorbeeld: vanwege de kerst.")
    )

    panels = [FieldPanel("date"), FieldPanel("kind"), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = _("uitzondering")
        verbose_name_plural = _("uitzonderingen")
        constraints = [
            models.UniqueConstraint(fields=["event", "date"], name="one_exception_per_event_date"),
            models.CheckConstraint(
                condition=models.Q(kind__in=ExceptionKind.values), name="event_exception_kind_valid"
            ),
        ]

    def __str__(self):
        return f"{self.event} – {self.date}"


class EventAttendance(models.Model):
    """ "Ik kom": a member says they will be at one occurrence (by its local date) of an event."""

    event = models.ForeignKey(
        EventPage,
        verbose_name=_("activiteit"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    occurrence_date = models.DateField(_("datum"))
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("buur"),
        on_delete=models.CASCADE,
        related_name="event_attendances",
    )
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)

    class Meta:
        verbose_name = _("aanmelding voor een activiteit")
        verbose_name_plural = _("aanmeldingen voor activiteiten")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "occurrence_date", "user"], name="one_attendance_per_occurrence"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.event} ({self.occurrence_date})"
