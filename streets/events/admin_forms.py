"""The Wagtail editor's form for events: weekdays as checkboxes instead of "1,3"."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from streets.vocabulary import Weekday

from .recurrence import format_weekdays, parse_weekdays


class EventPageAdminForm(WagtailAdminPageForm):
    weekdays = forms.TypedMultipleChoiceField(
        label=_("op welke dagen"),
        choices=Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Bij wekelijks: leeg laten voor de dag van de eerste keer."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        try:
            self.initial["weekdays"] = parse_weekdays(self.instance.weekdays or "")
        except ValueError:
            self.initial["weekdays"] = []

    def clean_weekdays(self):
        return format_weekdays(self.cleaned_data["weekdays"])
