"""Help offers and help requests on a street's board.

Both are a HelpPost (multi-table inheritance): reports, the moderation log and the board's
single list need one post id, while the matching engine reads the offer or request fields.
Availability and "when needed" are JSON lists of "weekday:dagdeel" strings (see slots.py).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.choices import Category, PostKind, PostStatus, Urgency
from matching.slots import slots_from_strings

MAX_CAPACITY = 5


def validate_slots(value) -> None:
    """A list of known "weekday:dagdeel" strings, each once."""
    if not isinstance(value, list):
        raise ValidationError(_("Kies dagen en dagdelen uit het rooster."), code="slots")
    try:
        slots = slots_from_strings(value)
    except ValueError:
        raise ValidationError(_("Kies dagen en dagdelen uit het rooster."), code="slots") from None
    if len(slots) != len(value):
        raise ValidationError(_("Elk dagdeel mag maar één keer voorkomen."), code="slots")


def validate_categories(value) -> None:
    """A non-empty list of known categories, each once."""
    if (
        not isinstance(value, list)
        or not value
        or any(c not in Category.values for c in value)
        or len(set(value)) != len(value)
    ):
        raise ValidationError(_("Kies een of meer soorten hulp uit de lijst."), code="categories")


class HelpPost(models.Model):
    """What offers and requests share: the street, who, the state and until when it stands."""

    street = models.ForeignKey(
        "streets.StreetPage",
        verbose_name=_("straat"),
        on_delete=models.CASCADE,
        related_name="help_posts",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("buur"),
        on_delete=models.CASCADE,
        related_name="help_posts",
        help_text=_("Wie hulp vraagt of aanbiedt."),
    )
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("geplaatst door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("De gangmaker die dit plaatste voor een buur die niet online is."),
    )
    kind = models.CharField(_("soort bericht"), max_length=10, choices=PostKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=PostStatus.choices, default=PostStatus.PENDING
    )
    description = models.TextField(_("toelichting"), max_length=500, blank=True)
    valid_until = models.DateField(
        _("staat tot en met"), help_text=_("Daarna verdwijnt het bericht van het prikbord.")
    )
    moderation_note = models.CharField(
        _("reden van de gangmaker"),
        max_length=500,
        blank=True,
        help_text=_("Waarom het bericht verborgen of teruggezet is; de buur ziet dit."),
    )
    created_at = models.DateTimeField(_("geplaatst op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)
    opened_at = models.DateTimeField(
        _("op het prikbord sinds"),
        null=True,
        blank=True,
        help_text=_("Leeg zolang het bericht nooit op het prikbord stond."),
    )

    class Meta:
        verbose_name = _("bericht op het prikbord")
        verbose_name_plural = _("berichten op het prikbord")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=PostKind.values), name="helppost_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=PostStatus.values), name="helppost_status_valid"
            ),
            # A post that is or was on the board has the moment it got there.
            models.CheckConstraint(
                condition=~models.Q(status=PostStatus.OPEN) | models.Q(opened_at__isnull=False),
                name="helppost_open_has_opened_at",
            ),
        ]
        indexes = [models.Index(fields=["street", "status", "kind"])]

    def __str__(self):
        return f"{self.get_kind_display()} van {self.author.first_name} ({self.street_id})"

    @property
    def on_behalf(self) -> bool:
        """Posted by a gangmaker for someone else (usually a neighbour who is not online)."""
        return self.posted_by_id is not None and self.posted_by_id != self.author_id

    @property
    def detail(self):
        """The HelpOffer or HelpRequest row; select_related("helpoffer", "helprequest") first."""
        return self.helpoffer if self.kind == PostKind.OFFER else self.helprequest


class HelpOffer(HelpPost):
    """A neighbour offers help in one or more categories, on some dagdelen of the week."""

    categories = models.JSONField(
        _("soorten hulp"),
        default=list,
        validators=[validate_categories],
        help_text=_('Een lijst van categorieën, bijvoorbeeld ["boodschappen", "tuin"].'),
    )
    availability = models.JSONField(
        _("beschikbaar"),
        default=list,
        validators=[validate_slots],
        help_text=_('Dagdelen in de week, als ["1:ochtend", "3:middag"] (0 = maandag).'),
    )
    capacity = models.PositiveSmallIntegerField(
        _("hoeveel buren tegelijk"),
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_CAPACITY)],
    )

    class Meta:
        verbose_name = _("hulpaanbod")
        verbose_name_plural = _("hulpaanbod")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(capacity__gte=1, capacity__lte=MAX_CAPACITY),
                name="helpoffer_capacity_range",
            ),
        ]

    def save(self, *args, **kwargs):
        self.kind = PostKind.OFFER
        super().save(*args, **kwargs)

    @property
    def slot_set(self) -> set[tuple[int, str]]:
        return slots_from_strings(self.availability)

    def get_categories_display(self) -> list[str]:
        labels = dict(Category.choices)
        return [str(labels.get(c, c)) for c in self.categories]


class HelpRequest(HelpPost):
    """A neighbour asks for help once (on a date) or every week (on chosen dagdelen)."""

    category = models.CharField(_("soort hulp"), max_length=20, choices=Category.choices)
    needed_on = models.DateField(
        _("op datum"), null=True, blank=True, help_text=_("Leeg als het elke week nodig is.")
    )
    when_slots = models.JSONField(
        _("wanneer"),
        default=list,
        validators=[validate_slots],
        help_text=_(
            'Dagdelen als ["1:ochtend"] (0 = maandag). Bij een datum: de weekdag van die '
            "datum met de gekozen dagdelen (alle drie als er geen gekozen zijn)."
        ),
    )
    urgency = models.CharField(
        _("hoe dringend"), max_length=20, choices=Urgency.choices, default=Urgency.NORMAL
    )

    class Meta:
        verbose_name = _("hulpvraag")
        verbose_name_plural = _("hulpvragen")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(category__in=Category.values),
                name="helprequest_category_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(urgency__in=Urgency.values), name="helprequest_urgency_valid"
            ),
        ]

    def save(self, *args, **kwargs):
        self.kind = PostKind.REQUEST
        super().save(*args, **kwargs)

    @property
    def is_recurring(self) -> bool:
        return self.needed_on is None

    @property
    def slot_set(self) -> set[tuple[int, str]]:
        return slots_from_strings(self.when_slots)
