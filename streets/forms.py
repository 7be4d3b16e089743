import re

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .choices import JoinedVia
from .house_numbers import sorted_by_house_number

User = get_user_model()

_HOUSE_NUMBER = re.compile(r"^[1-9][0-9]{0,4}(\s?[-/]?\s?[A-Za-z0-9]{1,4})?$")


class HouseNumberOrderedChoiceIterator(forms.models.ModelChoiceIterator):
    """The queryset's rows in house-number order (8, 8a, 8-2, 10), not as text (10, 8, ...)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in sorted_by_house_number(self.queryset):
            yield self.choice(obj)


class MembershipChoiceField(forms.ModelChoiceField):
    """Pick a neighbour from a street's memberships, listed by house number."""

    iterator = HouseNumberOrderedChoiceIterator

    def label_from_instance(self, obj):
        return f"{obj.house_number} – {obj.user.get_full_name()}"


def clean_house_number(value: str) -> str:
    value = " ".join(value.split())
    if not _HOUSE_NUMBER.match(value):
        raise ValidationError(
            _("Vul een huisnummer in, zoals 12, 12a of 40-2."), code="house_number"
        )
    return value


class JoinForm(forms.Form):
    """Applying to a street when already logged in."""

    house_number = forms.CharField(
        label=_("Uw huisnummer"),
        max_length=10,
        help_text=_("Met toevoeging, bijvoorbeeld 12a of 40-2."),
        widget=forms.TextInput(attrs={"autocomplete": "address-line2", "inputmode": "text"}),
    )
    message = forms.CharField(
        label=_("Bericht aan de gangmakers (mag leeg blijven)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    via = forms.ChoiceField(
        choices=[(JoinedVia.WEBSITE, ""), (JoinedVia.CARD, "")],
        initial=JoinedVia.WEBSITE,
        required=False,
        widget=forms.HiddenInput,
    )

    def clean_house_number(self):
        return clean_house_number(self.cleaned_data["house_number"])

    def clean_via(self):
        return self.cleaned_data.get("via") or JoinedVia.WEBSITE


class JoinWithAccountForm(JoinForm):
    """Applying as a visitor: makes an account at the same time."""

    first_name = forms.CharField(
        label=_("Voornaam"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Achternaam"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label=_("E-mailadres"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password = forms.CharField(
        label=_("Kies een wachtwoord"),
        strip=False,
        help_text=_("Minstens 8 tekens. Een zin van een paar woorden is makkelijk te onthouden."),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    privacy = forms.BooleanField(
        label=_(
            "Ik ga ermee akkoord dat de gangmakers en buren van deze straat mijn voornaam en "
            "huisnummer zien."
        ),
        error_messages={"required": _("Zonder dit vinkje kunnen we u niet aanmelden.")},
    )

    field_order = [
        "first_name",
        "last_name",
        "email",
        "password",
        "house_number",
        "message",
        "privacy",
    ]

    def clean_email(self):
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(
                _(
                    "Er is al een account met dit e-mailadres. Log eerst in, dan kunt u zich aanmelden."
                ),
                code="exists",
            )
        return email

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            candidate = User(
                email=cleaned.get("email"),
                first_name=cleaned.get("first_name", ""),
                last_name=cleaned.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password, candidate)
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned


class OfflineNeighbourForm(forms.Form):
    """A gangmaker registers a neighbour who is not online."""

    first_name = forms.CharField(label=_("Voornaam"), max_length=100)
    last_name = forms.CharField(
        label=_("Achternaam (mag leeg blijven)"), max_length=100, required=False
    )
    house_number = forms.CharField(label=_("Huisnummer"), max_length=10)
    phone = forms.CharField(
        label=_("Telefoonnummer (mag leeg blijven)"), max_length=30, required=False
    )

    def clean_house_number(self):
        return clean_house_number(self.cleaned_data["house_number"])


class DecisionForm(forms.Form):
    note = forms.CharField(
        label=_("Toelichting voor de aanvrager (mag leeg blijven)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
