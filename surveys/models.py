"""The street survey "Enquête burenhulp": a survey per street, its questions and the answers.

Why the project's own models and not Wagtail's form builder (`wagtail.contrib.forms`):
- A form-builder form is a page in the tree, edited in the Wagtail admin. Gangmakers do their
  work in the project's own street-scoped views (a user with limited admin rights is who most
  Wagtail security advisories could be exploited by), and a survey belongs to one street, not
  to a place in the tree.
- Form-builder answers are a flat `form_data` dict keyed by the field's label-slug. Here an answer
  must map to the board: categories someone can help with or needs help with, availability as
  "weekday:dagdeel" slots, and consent. A `kind` per question keeps that mapping when a gangmaker
  rewords a question; one question of each structured kind per survey is a database constraint.
- Three ways in (a member online, an anonymous neighbour through a secret link, a gangmaker
  typing in a paper answer) and a printed A4 version all come from the same question rows.
- Answers are personal data with their own rules (only the street's gangmakers see them,
  retention after closing, export and erasure per person), which the form builder's shared
  submissions list does not give.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from matching.choices import Category

from .choices import AnswerChannel, DraftKind, DraftStatus, QuestionKind, SurveyStatus


def new_survey_token() -> str:
    return secrets.token_urlsafe(18)


class Survey(models.Model):
    """One survey round in one street, started by a gangmaker from the ready template."""

    street = models.ForeignKey(
        "streets.StreetPage",
        verbose_name=_("straat"),
        on_delete=models.CASCADE,
        related_name="surveys",
    )
    title = models.CharField(_("titel"), max_length=200)
    intro = models.TextField(
        _("inleiding"), max_length=2000, blank=True, help_text=_("Staat boven de vragen.")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=SurveyStatus.choices, default=SurveyStatus.OPEN
    )
    token = models.CharField(
        _("geheime code"),
        max_length=40,
        unique=True,
        default=new_survey_token,
        editable=False,
        help_text=_("Zit in de link en de QR-code waarmee buren zonder account antwoorden."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gestart door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gestart op"), auto_now_add=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    answers_removed_at = models.DateTimeField(
        _("antwoorden verwijderd op"),
        null=True,
        blank=True,
        help_text=_("De antwoorden worden een tijd na het sluiten verwijderd (bewaartermijn)."),
    )

    class Meta:
        verbose_name = _("enquête")
        verbose_name_plural = _("enquêtes")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=SurveyStatus.values), name="survey_status_valid"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(status=SurveyStatus.OPEN, closed_at__isnull=True)
                    | models.Q(status=SurveyStatus.CLOSED, closed_at__isnull=False)
                ),
                name="survey_closed_at_iff_closed",
            ),
            # Neighbours get one link and one printed sheet at a time, never two competing ones.
            models.UniqueConstraint(
                fields=["street"],
                condition=models.Q(status=SurveyStatus.OPEN),
                name="one_open_survey_per_street",
            ),
        ]

    def __str__(self):
        return f"{self.title} – {self.street}"

    @property
    def is_open(self) -> bool:
        return self.status == SurveyStatus.OPEN

    def active_questions(self):
        return self.questions.filter(is_active=True)


class Question(models.Model):
    """One question of a survey; `kind` says what the answer means for the board."""

    survey = models.ForeignKey(
        Survey, verbose_name=_("enquête"), on_delete=models.CASCADE, related_name="questions"
    )
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    kind = models.CharField(_("soort vraag"), max_length=20, choices=QuestionKind.choices)
    label = models.CharField(_("vraag"), max_length=300)
    help_text = models.CharField(_("toelichting"), max_length=300, blank=True)
    required = models.BooleanField(_("verplicht"), default=False)
    is_active = models.BooleanField(
        _("stellen"),
        default=True,
        help_text=_("Uitgezette vragen staan niet op het formulier; eerdere antwoorden blijven."),
    )

    class Meta:
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=QuestionKind.values), name="question_kind_valid"
            ),
            models.UniqueConstraint(
                fields=["survey", "kind"],
                condition=~models.Q(kind=QuestionKind.TEXT),
                name="one_structured_question_per_kind",
            ),
        ]

    def __str__(self):
        return self.label

    @property
    def field_name(self) -> str:
        return f"q{self.pk}"


class SurveyResponse(models.Model):
    """One neighbour's answer. Personal data: only the street's gangmakers (and the person) see it.

    `answers` maps a question id (as a string) to the value: a list of category, slot or
    contact values, a spare-key choice, or text.
    """

    survey = models.ForeignKey(
        Survey, verbose_name=_("enquête"), on_delete=models.CASCADE, related_name="responses"
    )
    channel = models.CharField(_("ingevuld"), max_length=20, choices=AnswerChannel.choices)
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("buur"),
        null=True,
        blank=True,
        # Erasing a person erases their answers.
        on_delete=models.CASCADE,
        related_name="survey_responses",
        help_text=_("De buur van wie dit antwoord is, als die lid is van de straat."),
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("ingevoerd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("naam"), max_length=100, blank=True)
    house_number = models.CharField(_("huisnummer"), max_length=10, blank=True)
    contact_detail = models.CharField(_("telefoon of e-mail"), max_length=100, blank=True)
    consent = models.BooleanField(
        _("toestemming voor het prikbord"),
        default=False,
        help_text=_("Het aanbod en de hulpvragen mogen (na bevestiging) op het prikbord."),
    )
    answers = models.JSONField(_("antwoorden"), default=dict, blank=True)
    created_at = models.DateTimeField(_("ingevuld op"), auto_now_add=True)
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True)

    class Meta:
        verbose_name = _("antwoord op een enquête")
        verbose_name_plural = _("antwoorden op enquêtes")
        ordering = ["house_number", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(channel__in=AnswerChannel.values),
                name="survey_response_channel_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(channel=AnswerChannel.ONLINE) | models.Q(person__isnull=False),
                name="online_survey_response_has_person",
            ),
            models.UniqueConstraint(
                fields=["survey", "person"], name="one_survey_response_per_person"
            ),
        ]

    def __str__(self):
        return f"{self.display_name} – {self.survey}"

    @property
    def display_name(self) -> str:
        if self.person_id:
            return self.person.get_full_name()
        return self.name or _("(zonder naam)")


class DraftPost(models.Model):
    """An offer or request drawn from an answer with consent; posted only once confirmed."""

    response = models.ForeignKey(
        SurveyResponse,
        verbose_name=_("antwoord"),
        on_delete=models.CASCADE,
        related_name="drafts",
    )
    kind = models.CharField(_("soort"), max_length=20, choices=DraftKind.choices)
    category = models.CharField(_("categorie"), max_length=30, choices=Category.choices)
    availability = models.JSONField(
        _("beschikbaar"), default=list, blank=True, help_text=_('Dagdelen als "1:ochtend".')
    )
    status = models.CharField(
        _("status"), max_length=20, choices=DraftStatus.choices, default=DraftStatus.PENDING
    )
    post = models.ForeignKey(
        "matching.HelpPost",
        verbose_name=_("bericht op het prikbord"),
        null=True,
        blank=True,
        # The board keeps its own history; a removed post leaves the draft marked as posted.
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("bevestigd door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("concept voor het prikbord")
        verbose_name_plural = _("concepten voor het prikbord")
        ordering = ["kind", "category"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=DraftKind.values), name="survey_draft_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(category__in=Category.values),
                name="survey_draft_category_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=DraftStatus.values),
                name="survey_draft_status_valid",
            ),
            models.UniqueConstraint(
                fields=["response", "kind", "category"], name="one_survey_draft_per_category"
            ),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.get_category_display()}"
