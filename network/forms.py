from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_BODY


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
