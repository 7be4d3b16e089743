"""The effect questionnaire's forms. The scale's six items come from `effects.scale` and only
from there: no form takes their wording as input, so nobody can change it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import SpamProtectionMixin
from surveys.forms import MemberChoiceField, street_members

from .choices import MAX_SEED_ITEMS, ScaleAnswer
from .scale import ITEMS


def item_field_name(number: int) -> str:
    return f"item_{number}"


def seed_field_name(index: int) -> str:
    return f"seed_{index}"


class EffectAnswerForm(forms.Form):
    """The six statements of the scale, then the municipality's own, all ja / min of meer / nee."""

    def __init__(self, *args, effect_round, ask_person: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.effect_round = effect_round
        required = _("Kies ja, min of meer of nee.")
        for item in ITEMS:
            self.fields[item_field_name(item.number)] = forms.ChoiceField(
                label=item.text,
                choices=ScaleAnswer.choices,
                widget=forms.RadioSelect,
                error_messages={"required": required},
            )
        for index, label in enumerate(effect_round.seed_items):
            self.fields[seed_field_name(index)] = forms.ChoiceField(
                label=label,
                choices=ScaleAnswer.choices,
                widget=forms.RadioSelect,
                error_messages={"required": required},
            )
        if ask_person:
            self.fields["person"] = MemberChoiceField(
                queryset=street_members(effect_round.street),
                required=False,
                label=_("Van welke buur is dit antwoord? (mag leeg blijven)"),
                help_text=_("Leeg laten voor een anoniem antwoord."),
            )

    def scale_answers(self) -> dict[int, str]:
        return {item.number: self.cleaned_data[item_field_name(item.number)] for item in ITEMS}

    def seed_answers(self) -> dict[str, str]:
        return {
            label: self.cleaned_data[seed_field_name(index)]
            for index, label in enumerate(self.effect_round.seed_items)
        }


class PublicEffectAnswerForm(SpamProtectionMixin, EffectAnswerForm):
    """The anonymous link and QR code: the honeypot and signed start time of the contact form."""


class SeedItemsForm(forms.Form):
    """The municipality's own statements: a field per statement, an empty one drops it."""

    def __init__(self, *args, labels: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        for index in range(MAX_SEED_ITEMS):
            self.fields[seed_field_name(index)] = forms.CharField(
                label=_("Stelling %(number)s") % {"number": index + 1},
                max_length=200,
                required=False,
                initial=labels[index] if index < len(labels) else "",
            )

    def labels(self) -> list[str]:
        return [self.cleaned_data[seed_field_name(i)] for i in range(MAX_SEED_ITEMS)]
