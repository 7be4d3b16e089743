"""Wijken, streets and their events (Wagtail pages), and who belongs to which street."""

import contextlib
import secrets

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

from .choices import JoinedVia, MemberRole, MembershipStatus
from .events.admin_forms import EventPageAdminForm
from .events.choices import ExceptionKind, Repeat
from .events.recurrence import (
    MAX_COUNT,
    MAX_INTERVAL,
    check_recurrence,
    parse_weekdays,
    validate_weekdays,
)
from .postcodes import format_postcode, parse_postcode_list


def new_join_code():
    return secrets.token_urlsafe(9)


class NeighbourhoodPage(Page):
    """A wijk: groups streets; welzijn staff are assigned per wijk."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    template = "pages/neighbourhood_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["streets.StreetPage"]

    class Meta:
        verbose_name = _("wijk")
        verbose_name_plural = _("wijken")

    def get_context(self, request, *args, **kwargs):
        from .services import upcoming_events_below

        context = super().get_context(request, *args, **kwargs)
        context["streets"] = StreetPage.objects.child_of(self).live().public().order_by("title")
        context["upcoming_events"] = upcoming_events_below(self, limit=6)
        return context


class StreetPage(Page):
    """One Lief & Leedstraat: public intro and events, a members-only area for its neighbours."""

    intro = RichTextField(_("inleiding"), blank=True, features=["bold", "italic", "link"])
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("foto"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    postcodes = models.CharField(
        _("postcodes"),
        max_length=500,
        blank=True,
        help_text=_("De postcodes van de straat, gescheiden door komma's: 3072 AB, 3072 AC"),
    )
    how_to_join = RichTextField(
        _("zo doet u mee"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Leeg laten voor de standaardtekst."),
    )
    join_code = models.CharField(
        _("aanmeldcode"),
        max_length=20,
        unique=True,
        default=new_join_code,
        editable=False,
        help_text=_("Staat in de QR-code op de straatkaart."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("image"),
        MultiFieldPanel([FieldPanel("postcodes")], _("Adres")),
        FieldPanel("how_to_join"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro"),
        index.SearchField("postcodes"),
        index.AutocompleteField("title"),
        index.FilterField("postcodes"),
    ]

    template = "pages/street_page.html"
    parent_page_types = ["streets.NeighbourhoodPage"]
    subpage_types = ["streets.EventPage"]

    class Meta:
        verbose_name = _("Lief & Leedstraat")
        verbose_name_plural = _("Lief & Leedstraten")

    def clean(self):
        super().clean()
        try:
            self.postcodes = ", ".join(parse_postcode_list(self.postcodes))
        except ValueError as bad:
            raise ValidationError(
                {
                    "postcodes": _("“%(value)s” is geen postcode. Schrijf zo: 3072 AB.")
                    % {"value": bad}
                }
            ) from None

    def save(self, *args, **kwargs):
        # Stored normalised ("3072AB, 3072AC") so a postcode search is a simple filter.
        with contextlib.suppress(ValueError):
            self.postcodes = ", ".join(parse_postcode_list(self.postcodes))
        if not self.join_code:
            self.join_code = new_join_code()
        super().save(*args, **kwargs)

    @property
    def postcode_list(self):
        return [format_postcode(p) for p in self.postcodes.split(", ") if p]

    @property
    def neighbourhood(self):
        return NeighbourhoodPage.objects.ancestor_of(self).first()

    def gangmaker_memberships(self):
        return self.memberships.filter(
            role=MemberRole.GANGMAKER, status=MembershipStatus.APPROVED
        ).select_related("user")

    def get_context(self, request, *args, **kwargs):
        from .permissions import street_access
        from .services import upcoming_events_below

        context = super().get_context(request, *args, **kwargs)
        access = street_access(request.user, self)
        context["access"] = access
        context["gangmakers"] = self.gangmaker_memberships()
        context["upcoming_events"] = upcoming_events_below(self, limit=10)
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # Members see names on this page; a shared cache must never keep their version.
        if request.user.is_authenticated:
            response["Cache-Control"] = "private, no-store"
        return response


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
    def street(self):
        return StreetPage.objects.ancestor_of(self).first()

    @property
    def is_recurring(self) -> bool:
        return self.repeat != Repeat.NEVER

    @property
    def weekday_list(self) -> list[int]:
        return parse_weekdays(self.weekdays)

    def get_context(self, request, *args, **kwargs):
        from .event_views import event_page_context

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


class StreetMembership(models.Model):
    """A person's place in one street: bewoner or gangmaker, from application to leaving."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("buur"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    street = models.ForeignKey(
        StreetPage, verbose_name=_("straat"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(
        _("rol"), max_length=20, choices=MemberRole.choices, default=MemberRole.BEWONER
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    house_number = models.CharField(
        _("huisnummer"), max_length=10, help_text=_("Met toevoeging, bijvoorbeeld 12a of 40-2")
    )
    joined_via = models.CharField(
        _("aangemeld"), max_length=20, choices=JoinedVia.choices, default=JoinedVia.WEBSITE
    )
    message = models.TextField(_("bericht aan de gangmakers"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("aangemeld op"), default=timezone.now)
    decided_at = models.DateTimeField(_("besloten op"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("besloten door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decision_note = models.CharField(_("toelichting"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("lidmaatschap")
        verbose_name_plural = _("lidmaatschappen")
        ordering = ["street", "house_number"]
        constraints = [
            models.UniqueConstraint(fields=["user", "street"], name="one_membership_per_street"),
            models.CheckConstraint(
                condition=models.Q(role__in=MemberRole.values), name="membership_role_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=MembershipStatus.values),
                name="membership_status_valid",
            ),
        ]
        indexes = [models.Index(fields=["street", "status", "role"])]

    def __str__(self):
        return f"{self.user} – {self.street} ({self.get_role_display()})"

    @property
    def is_approved(self):
        return self.status == MembershipStatus.APPROVED


class WelzijnAssignment(models.Model):
    """A welzijn professional looks after one wijk (aggregates and care signals only)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("medewerker"),
        on_delete=models.CASCADE,
        related_name="welzijn_assignments",
    )
    neighbourhood = models.ForeignKey(
        NeighbourhoodPage,
        verbose_name=_("wijk"),
        on_delete=models.CASCADE,
        related_name="welzijn_assignments",
    )

    class Meta:
        verbose_name = _("welzijnsmedewerker van een wijk")
        verbose_name_plural = _("welzijnsmedewerkers van wijken")
        constraints = [
            models.UniqueConstraint(fields=["user", "neighbourhood"], name="one_welzijn_per_wijk"),
        ]

    def __str__(self):
        return f"{self.user} – {self.neighbourhood}"


class CoordinatorAssignment(models.Model):
    """A coordinator runs the programme of one municipality (a HomePage and its site)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("coördinator"),
        on_delete=models.CASCADE,
        related_name="coordinator_assignments",
    )
    municipality = models.ForeignKey(
        "home.HomePage",
        verbose_name=_("gemeente"),
        on_delete=models.CASCADE,
        related_name="coordinator_assignments",
    )

    class Meta:
        verbose_name = _("coördinator van een gemeente")
        verbose_name_plural = _("coördinatoren van gemeenten")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "municipality"], name="one_coordinator_per_municipality"
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.municipality}"
