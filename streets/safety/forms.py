import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..choices import MembershipStatus
from ..models.roles import StreetMembership
from .models import EmergencyContact

_PHONE = re.compile(r"^\+?[0-9 ()-]{6,25}$")


class ConsentForm(forms.Form):
    consent = forms.BooleanField(
        label=_(
            "Ja, de gangmakers van mijn straat mogen bewaren wie een reservesleutel van mijn huis heeft en wie zij in een noodgeval kunnen bellen."
        ),
        error_messages={"required": _("Zet een vinkje als u toestemming geeft.")},
    )


class _MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.user.get_full_name()} ({_('nr.')} {obj.house_number})"


class RegisterForm(forms.Form):
    """A gangmaker records the consent a neighbour gave in person (often one not online)."""

    member = _MemberChoiceField(
        label=_("Voor welke buur?"),
        queryset=StreetMembership.objects.none(),
        error_messages={"required": _("Kies de buur."), "invalid_choice": _("Kies de buur.")},
    )
    consent_in_person = forms.BooleanField(
        label=_("De buur heeft mij persoonlijk toestemming gegeven."),
        error_messages={
            "required": _("Zonder toestemming van de buur zelf kunt u niets vastleggen.")
        },
    )

    def __init__(self, *args, street, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["member"].queryset = (
            StreetMembership.objects.filter(street=street, status=MembershipStatus.APPROVED)
            .exclude(user__safety_nets__street=street)
            .select_related("user")
            .order_by("house_number")
        )


class SpareKeyForm(forms.Form):
    holder = _MemberChoiceField(
        label=_("Een buur uit de straat"),
        queryset=StreetMembership.objects.none(),
        required=False,
        error_messages={"invalid_choice": _("Kies een buur uit de lijst.")},
    )
    holder_name = forms.CharField(
        label=_("Of iemand anders"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: de beheercommissie van de flat."),
    )

    def __init__(self, *args, net, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["holder"].queryset = (
            StreetMembership.objects.filter(street=net.street, status=MembershipStatus.APPROVED)
            .exclude(user=net.person)
            .select_related("user")
            .order_by("house_number")
        )

    def clean(self):
        data = super().clean()
        holder, name = data.get("holder"), (data.get("holder_name") or "").strip()
        if "holder" in self.errors:
            return data
        if bool(holder) == bool(name):
            raise ValidationError(
                _("Kies een buur óf vul in wie de sleutel bewaart (niet allebei)."),
                code="one_holder",
            )
        data["holder_name"] = name
        return data


class EmergencyContactForm(forms.ModelForm):
    class Meta:
        model = EmergencyContact
        fields = ["kind", "name", "phone"]
        widgets = {"phone": forms.TextInput(attrs={"autocomplete": "off", "inputmode": "tel"})}
        error_messages = {
            "name": {"required": _("Vul een naam in.")},
            "phone": {"required": _("Vul een telefoonnummer in.")},
            "kind": {"required": _("Kies wie het is.")},
        }

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if not _PHONE.match(phone) or sum(c.isdigit() for c in phone) < 6:
            raise ValidationError(
                _("Vul een telefoonnummer in, zoals 010 123 45 67 of 06 12345678."), code="phone"
            )
        return phone
