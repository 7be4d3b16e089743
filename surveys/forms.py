"""Forms of the survey: the answer form (built from the survey's questions), editing, confirming.

The answer form is one class for the three ways in; the channel decides which identity fields
it asks for. Field names are `q<question id>`, so nothing outside the survey's questions is read.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from home.forms import SpamProtectionMixin
from matching.choices import Category
from streets.choices import MembershipStatus
from streets.forms import MembershipChoiceField, clean_house_number
from streets.models import StreetMembership

from .choices import AnswerChannel, ContactWay, QuestionKind, SpareKey, availability_choices
from .models import DraftPost, Question, Survey, SurveyResponse


def street_members(street):
    return StreetMembership.objects.filter(
        street=street, status=MembershipStatus.APPROVED
    ).select_related("user")


# The picker lists the street's members by house number, as a person reads them (8, 8a, 10).
MemberChoiceField = MembershipChoiceField


def question_field(question: Question) -> forms.Field:
    """The form field that asks `question`, by its kind."""
    common = {
        "label": question.label,
        "help_text": question.help_text,
        "required": question.required,
    }
    kind = question.kind
    if kind in (QuestionKind.CAN_HELP, QuestionKind.NEEDS_HELP):
        return forms.MultipleChoiceField(
            choices=Category.choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == QuestionKind.AVAILABILITY:
        return forms.MultipleChoiceField(
            choices=availability_choices(), widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == QuestionKind.CONTACT:
        return forms.MultipleChoiceField(
            choices=ContactWay.choices, widget=forms.CheckboxSelectMultiple, **common
        )
    if kind == QuestionKind.SPARE_KEY:
        return forms.ChoiceField(choices=SpareKey.choices, widget=forms.RadioSelect, **common)
    if kind == QuestionKind.LANGUAGES:
        return forms.CharField(max_length=200, **common)
    return forms.CharField(max_length=2000, widget=forms.Textarea(attrs={"rows": 4}), **common)


class SurveyAnswerForm(forms.Form):
    """One answer: the survey's active questions, then who answers and their consent."""

    error_messages = {
        "empty": _("Vul minstens één vraag in."),
        "name_needed": _("Vul een naam in: zonder naam kan niets op het prikbord."),
        "house_number_needed": _(
            "Vul een huisnummer in: zonder huisnummer kan niets op het prikbord."
        ),
        "answered_already": _(
            "Deze buur heeft de enquête al ingevuld. Zoek het antwoord op in de resultaten."
        ),
    }

    def __init__(self, *args, survey: Survey, channel: str, instance=None, **kwargs):
        self.survey = survey
        self.channel = channel
        self.instance = instance
        if instance is not None and "initial" not in kwargs:
            kwargs["initial"] = self.initial_from(instance)
        super().__init__(*args, **kwargs)
        self.questions = list(survey.active_questions())
        for question in self.questions:
            self.fields[question.field_name] = question_field(question)
        if channel == AnswerChannel.PAPER:
            self.fields["person"] = MemberChoiceField(
                queryset=street_members(survey.street),
                required=False,
                label=_("Van welke buur is dit antwoord?"),
                help_text=_(
                    "Leeg laten als de buur (nog) geen lid is; vul dan naam en huisnummer in."
                ),
                empty_label=_("— geen lid, of onbekend —"),
            )
        if channel != AnswerChannel.ONLINE:
            self.fields["name"] = forms.CharField(
                label=_("Naam"),
                max_length=100,
                required=False,
                widget=forms.TextInput(attrs={"autocomplete": "name"}),
            )
            self.fields["house_number"] = forms.CharField(
                label=_("Huisnummer"),
                max_length=10,
                required=False,
                help_text=_("Met toevoeging, bijvoorbeeld 12a of 40-2."),
            )
            self.fields["contact_detail"] = forms.CharField(
                label=_("Telefoonnummer of e-mailadres (mag leeg blijven)"),
                max_length=100,
                required=False,
            )
        consent_label = {
            AnswerChannel.ONLINE: _(
                "Ja, maak van mijn antwoord een aanbod en hulpvragen voor het prikbord. "
                "Ik zie ze eerst en zet ze er zelf op."
            ),
            AnswerChannel.LINK: _(
                "Ja, de gangmakers mogen van mijn antwoord een aanbod en hulpvragen op het "
                "prikbord van de straat zetten, na overleg met mij."
            ),
            AnswerChannel.PAPER: _(
                "De buur gaf op papier toestemming om het aanbod en de hulpvragen op het "
                "prikbord te zetten."
            ),
        }[channel]
        self.fields["consent"] = forms.BooleanField(label=consent_label, required=False)

    @staticmethod
    def initial_from(response: SurveyResponse) -> dict:
        initial = {f"q{key}": value for key, value in response.answers.items()}
        initial.update(
            name=response.name,
            house_number=response.house_number,
            contact_detail=response.contact_detail,
            consent=response.consent,
        )
        return initial

    def clean_house_number(self):
        value = self.cleaned_data.get("house_number", "")
        return clean_house_number(value) if value.strip() else ""

    def clean_person(self):
        membership = self.cleaned_data.get("person")
        if membership is None:
            return None
        others = self.survey.responses.filter(person=membership.user)
        if self.instance is not None:
            others = others.exclude(pk=self.instance.pk)
        if others.exists():
            raise ValidationError(self.error_messages["answered_already"], code="answered_already")
        return membership

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(q.field_name) for q in self.questions):
            raise ValidationError(self.error_messages["empty"], code="empty")
        # Who the board posts are for must be known; a member's account says it for them.
        if (
            cleaned.get("consent")
            and self.channel != AnswerChannel.ONLINE
            and not cleaned.get("person")
        ):
            if not cleaned.get("name", "").strip() and "name" not in self.errors:
                self.add_error("name", ValidationError(self.error_messages["name_needed"]))
            if not cleaned.get("house_number") and "house_number" not in self.errors:
                self.add_error(
                    "house_number", ValidationError(self.error_messages["house_number_needed"])
                )
        return cleaned

    def answers(self) -> dict:
        """The answers as stored: question id (string) to value, empty answers left out."""
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(question.field_name)
            if isinstance(value, str):
                value = value.strip()
            if value:
                result[str(question.pk)] = value
        return result


class PublicSurveyAnswerForm(SpamProtectionMixin, SurveyAnswerForm):
    """The anonymous link and QR code: the honeypot and signed start time of the contact form."""


class SurveySettingsForm(forms.ModelForm):
    class Meta:
        model = Survey
        fields = ["title", "intro"]
        widgets = {"intro": forms.Textarea(attrs={"rows": 4})}


class QuestionForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["label", "help_text", "required", "is_active", "position"]
        widgets = {"position": forms.NumberInput(attrs={"min": 0, "max": 999})}

    def clean_position(self):
        position = self.cleaned_data["position"]
        if position > 999:
            raise ValidationError(_("Kies een volgorde tussen 0 en 999."))
        return position


QuestionFormSet = forms.modelformset_factory(
    Question, form=QuestionForm, extra=0, can_delete=False, edit_only=True
)


class NewQuestionForm(forms.Form):
    label = forms.CharField(label=_("Nieuwe open vraag"), max_length=300)
    help_text = forms.CharField(
        label=_("Toelichting (mag leeg blijven)"), max_length=300, required=False
    )


class ConfirmDraftsForm(forms.Form):
    """Which drafts go on the board, and for which neighbour when the answer names no member."""

    drafts = forms.ModelMultipleChoiceField(
        queryset=DraftPost.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=_("Op het prikbord zetten"),
        error_messages={"required": _("Kies minstens één aanbod of hulpvraag.")},
    )

    def __init__(self, *args, response: SurveyResponse, pending, ask_person: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["drafts"].queryset = pending
        self.fields["drafts"].initial = [draft.pk for draft in pending]
        if ask_person:
            self.fields["person"] = MemberChoiceField(
                queryset=street_members(response.survey.street),
                label=_("Voor welke buur?"),
                help_text=_(
                    "Het prikbord is alleen voor leden van de straat. Staat de buur er niet "
                    "tussen, schrijf hem of haar dan eerst in."
                ),
                error_messages={"required": _("Kies de buur voor wie dit is.")},
            )
