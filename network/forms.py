from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_BODY, Meeting


def _body(label, help_text=""):
    return forms.CharField(
        label=label,
        max_length=MAX_BODY,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=help_text,
        error_messages={
            "required": _("Schrijf eerst iets."),
            "max_length": _("Houd het korter: hoogstens %(limit_value)d tekens."),
        },
    )


NO_NAMES = _("Noem geen namen of adressen van buren: iedereen in de uitwisseling leest mee.")


class TopicForm(forms.Form):
    title = forms.CharField(
        label=_("Onderwerp"),
        max_length=120,
        error_messages={"required": _("Geef uw vraag of tip een korte titel.")},
    )
    body = _body(_("Uw vraag of tip"), NO_NAMES)

    def clean(self):
        data = super().clean()
        for name in ("title", "body"):
            if name in data and not data[name].strip():
                self.add_error(name, _("Schrijf eerst iets."))
        return data


class ReplyForm(forms.Form):
    body = _body(_("Uw reactie"), NO_NAMES)


class ReportForm(forms.Form):
    reason = forms.CharField(
        label=_("Waarom hoort dit hier niet?"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Zeg kort waarom, dan kan de coördinator kijken.")},
    )


class MessageForm(forms.Form):
    body = _body(
        _("Uw bericht"),
        _(
            "De gangmaker ziet uw voornaam en straat, niet uw e-mailadres, en antwoordt via de site."
        ),
    )


class MeetingForm(forms.ModelForm):
    """A coordinator plans a meeting for their municipality or one of its wijken; a national
    coordinator (or a superuser) also a national one, with the municipality left empty."""

    class Meta:
        model = Meeting
        fields = [
            "municipality",
            "wijk",
            "title",
            "start",
            "end",
            "location",
            "description",
            "audience",
        ]
        widgets = {
            "start": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "end": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
            "audience": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 4}),
        }
        labels = {"municipality": _("Gemeente")}
        error_messages = {
            "start": {"invalid": _("Vul een datum en tijd in, bijvoorbeeld 14-12-2026 19:30.")},
            "end": {"invalid": _("Vul een datum en tijd in, bijvoorbeeld 14-12-2026 21:00.")},
        }

    def __init__(self, homes, *args, national=False, **kwargs):
        super().__init__(*args, **kwargs)
        from home.models import HomePage
        from streets.models import NeighbourhoodPage

        self.national = national
        self.fields["municipality"].queryset = HomePage.objects.filter(pk__in=[h.pk for h in homes])
        self.fields["municipality"].required = not national
        self.fields["municipality"].empty_label = (
            _("Landelijk: alle gemeenten") if national else None
        )
        wijken = NeighbourhoodPage.objects.none()
        for home in homes:
            wijken = wijken | NeighbourhoodPage.objects.live().descendant_of(home)
        self.fields["wijk"].queryset = wijken.order_by("title")

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("Het einde moet na het begin liggen."))
        home, wijk = data.get("municipality"), data.get("wijk")
        if home and wijk and not wijk.path.startswith(home.path):
            self.add_error("wijk", _("Kies een wijk van deze gemeente."))
        if home is None and wijk is not None and "municipality" not in self.errors:
            self.add_error("wijk", _("Een landelijke bijeenkomst hoort niet bij een wijk."))
        return data
