import datetime

from dateutil.relativedelta import relativedelta
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.choices import Urgency
from streets.choices import MembershipStatus
from streets.forms import MembershipChoiceField, clean_house_number
from streets.models import StreetMembership

from .choices import ConsentMethod
from .models import ApiToken, CareSignal, CareSignalNote, WelzijnQuestion

MAX_PERIOD_DAYS = 5 * 366


class CareSignalForm(forms.Form):
    """Raise a care signal: about whom, what worries you, and on what ground you may tell."""

    BASIS_CONSENT = "consent"
    BASIS_EMERGENCY = "emergency"

    member = MembershipChoiceField(
        label=_("Over welke buur gaat het?"),
        queryset=StreetMembership.objects.none(),
        empty_label=_("Kies een buur"),
        required=False,
        help_text=_("Is de buur geen lid van de straat? Vul dan hieronder naam en huisnummer in."),
    )
    non_member_name = forms.CharField(
        label=_("Of: naam van een buur die geen lid is"),
        max_length=200,
        required=False,
    )
    non_member_house_number = forms.CharField(
        label=_("Huisnummer van die buur"),
        max_length=10,
        required=False,
        help_text=_("Met toevoeging, bijvoorbeeld 12a of 40-2."),
    )
    concern = forms.CharField(
        label=_("Wat maakt u ongerust?"),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=CareSignal._meta.get_field("concern").help_text,
    )
    urgency = forms.ChoiceField(
        label=_("Hoe snel is hulp nodig?"), choices=Urgency.choices, initial=Urgency.NORMAL
    )
    basis = forms.ChoiceField(
        label=_("Weet de buur ervan?"),
        widget=forms.RadioSelect,
        choices=[
            (BASIS_CONSENT, _("Ja, de buur (of iemand namens de buur) gaf toestemming")),
            (BASIS_EMERGENCY, _("Nee, het is een noodgeval: toestemming vragen kon niet")),
        ],
    )
    consent_given_by = forms.CharField(
        label=_("Bij ja: wie gaf toestemming?"),
        max_length=200,
        required=False,
        help_text=CareSignal._meta.get_field("consent_given_by").help_text,
    )
    consent_at = forms.DateField(
        label=_("Bij ja: wanneer?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    consent_method = forms.ChoiceField(
        label=_("Bij ja: hoe?"),
        required=False,
        widget=forms.RadioSelect,
        choices=ConsentMethod.choices,
    )
    emergency_reason = forms.CharField(
        label=_("Bij een noodgeval: waarom kon u geen toestemming vragen?"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=CareSignal._meta.get_field("emergency_reason").help_text,
    )

    def __init__(self, *args, street, raised_by, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = (
            StreetMembership.objects.filter(street=street, status=MembershipStatus.APPROVED)
            .exclude(user=raised_by)
            .select_related("user")
        )
        self.fields["member"].label_from_instance = lambda m: (
            _("nr. %(number)s – %(name)s")
            % {
                "number": m.house_number,
                "name": m.user.get_full_name(),
            }
        )

    def clean_non_member_name(self):
        return " ".join(self.cleaned_data["non_member_name"].split())

    def clean_non_member_house_number(self):
        value = self.cleaned_data["non_member_house_number"].strip()
        return clean_house_number(value) if value else ""

    def clean(self):
        data = super().clean()
        self._clean_about(data)
        if data.get("basis") == self.BASIS_CONSENT:
            if not data.get("consent_given_by"):
                self.add_error("consent_given_by", _("Vul in wie toestemming gaf."))
            if not data.get("consent_at"):
                self.add_error("consent_at", _("Vul in wanneer de toestemming gegeven is."))
            elif data["consent_at"] > timezone.localdate():
                self.add_error("consent_at", _("Die datum ligt in de toekomst."))
            if not data.get("consent_method"):
                self.add_error("consent_method", _("Kies persoonlijk of telefonisch."))
            data["emergency_reason"] = ""
        elif data.get("basis") == self.BASIS_EMERGENCY:
            if not data.get("emergency_reason", "").strip():
                self.add_error(
                    "emergency_reason",
                    _(
                        "Leg uit waarom u geen toestemming kon vragen; zonder toestemming of noodgeval kan het signaal niet weg."
                    ),
                )
            data["consent_given_by"], data["consent_at"], data["consent_method"] = "", None, ""
        return data

    def _clean_about(self, data) -> None:
        """A member, or the name and house number of a neighbour who is not one: not both."""
        if "member" in self.errors:
            return
        member = data.get("member")
        name, number = data.get("non_member_name"), data.get("non_member_house_number")
        if member and (name or number):
            self.add_error(
                "member",
                _("Kies een buur uit de lijst, of vul naam en huisnummer in: niet allebei."),
            )
        elif not member:
            if not name and not number and "non_member_house_number" not in self.errors:
                self.add_error(
                    "member",
                    _("Kies een buur, of vul naam en huisnummer in van een buur die geen lid is."),
                )
            elif not name:
                self.add_error("non_member_name", _("Vul de naam van de buur in."))
            elif not number and "non_member_house_number" not in self.errors:
                self.add_error("non_member_house_number", _("Vul het huisnummer in."))

    def signal_fields(self) -> dict:
        """The cleaned values as CareSignal fields (for services.raise_signal)."""
        data = self.cleaned_data
        member = data["member"]
        return {
            "neighbour": member.user if member else None,
            "non_member_name": "" if member else data["non_member_name"],
            "non_member_house_number": "" if member else data["non_member_house_number"],
            "concern": data["concern"],
            "urgency": data["urgency"],
            "consent_given_by": data["consent_given_by"],
            "consent_at": data["consent_at"],
            "consent_method": data["consent_method"],
            "emergency_reason": data["emergency_reason"],
        }


class NoteForm(forms.ModelForm):
    class Meta:
        model = CareSignalNote
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        error_messages = {"text": {"required": _("Schrijf eerst iets in de notitie.")}}


class CloseForm(forms.ModelForm):
    class Meta:
        model = CareSignal
        fields = ["closing_message"]
        widgets = {"closing_message": forms.Textarea(attrs={"rows": 3})}


class QuestionForm(forms.ModelForm):
    """A question for the wijk's welzijn staff, without names (the help text warns)."""

    class Meta:
        model = WelzijnQuestion
        fields = ["question"]
        labels = {"question": _("Uw vraag")}
        help_texts = {
            "question": _(
                "Noem geen namen, huisnummers of andere dingen waaraan iemand te herkennen is. "
                "Bijvoorbeeld: Ik maak me zorgen om een buurvrouw, wat kan ik doen?"
            )
        }
        widgets = {"question": forms.Textarea(attrs={"rows": 4})}
        error_messages = {"question": {"required": _("Schrijf eerst uw vraag.")}}


class AnswerForm(forms.ModelForm):
    class Meta:
        model = WelzijnQuestion
        fields = ["answer"]
        labels = {"answer": _("Uw antwoord")}
        help_texts = {"answer": _("Alleen de gangmaker die de vraag stelde, leest dit.")}
        widgets = {"answer": forms.Textarea(attrs={"rows": 5})}
        error_messages = {"answer": {"required": _("Schrijf eerst een antwoord.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].required = True


class ApiTokenForm(forms.ModelForm):
    class Meta:
        model = ApiToken
        fields = ["name"]


def default_period() -> tuple[datetime.date, datetime.date]:
    """Twelve calendar months: from the first of the month eleven months ago up to today."""
    today = timezone.localdate()
    return today.replace(day=1) - relativedelta(months=11), today


class PeriodForm(forms.Form):
    """The period a dashboard looks at (?van=2026-01-01&tot=2026-06-30), a GET form."""

    van = forms.DateField(label=_("Van"), widget=forms.DateInput(attrs={"type": "date"}))
    tot = forms.DateField(label=_("Tot en met"), widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, data=None, **kwargs):
        start, end = default_period()
        # An empty query string means "the default period", not "errors on every field".
        if data is not None and not (data.get("van") or data.get("tot")):
            data = None
        super().__init__(data, initial={"van": start, "tot": end}, **kwargs)

    def clean(self):
        data = super().clean()
        start, end = data.get("van"), data.get("tot")
        if start and end:
            if start > end:
                self.add_error("tot", _("Het einde ligt voor het begin."))
            elif (end - start).days > MAX_PERIOD_DAYS:
                self.add_error("tot", _("Kies een periode van hoogstens vijf jaar."))
            elif start.year < 2000 or end.year > 2100:
                self.add_error("van", _("Kies een datum tussen 2000 en 2100."))
        return data

    def period(self) -> tuple[datetime.date, datetime.date]:
        """The chosen period if valid, else the default (the errors show next to the fields)."""
        if self.is_bound and self.is_valid():
            return self.cleaned_data["van"], self.cleaned_data["tot"]
        return default_period()
