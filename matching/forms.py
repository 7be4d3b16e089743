"""The board's forms: a request, an offer, a report, a moderation reason, the settings; and
the gangmaker's pairing by hand and a member's e-mail preference for matches.

Only the fields listed here can be posted; street, author and status are set by the services.
The weekday × dagdeel grid is a plain list of checkboxes (works without JavaScript) that the
templates lay out as a grid.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from matching.choices import Category, Urgency
from matching.models import (
    MAX_CAPACITY,
    MAX_ROTA_DAYS,
    BoardSettings,
    HelpOffer,
    HelpRequest,
    NotificationPreference,
    PostStatus,
    RotaMoment,
)
from matching.services.board import MAX_VALID_DAYS, RENEW_DAYS
from matching.services.rota import moment_label
from matching.slots import ALL_SLOT_STRINGS, DAGDELEN, slot_string, slots_from_strings
from streets.choices import MembershipStatus
from streets.models import StreetMembership
from streets.vocabulary import Dagdeel, Weekday

SLOT_CHOICES = [
    (value, f"{Weekday(int(value.split(':')[0])).label} {Dagdeel(value.split(':')[1]).label}")
    for value in ALL_SLOT_STRINGS
]
INVALID_CHOICE = _("Kies uit de lijst; “%(value)s” staat er niet in.")


class SlotGridField(forms.MultipleChoiceField):
    """Checkboxes for every weekday × dagdeel; cleaned to a sorted list of "weekday:dagdeel"."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        kwargs.setdefault("choices", SLOT_CHOICES)
        kwargs.setdefault("error_messages", {"invalid_choice": INVALID_CHOICE})
        super().__init__(**kwargs)

    def clean(self, value):
        chosen = super().clean(value)
        # Keep the stored order fixed (monday morning first), whatever order the browser sent.
        return [slot for slot in ALL_SLOT_STRINGS if slot in chosen]


def _default_until():
    return timezone.localdate() + datetime.timedelta(days=RENEW_DAYS)


def _date_input():
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PostFormMixin:
    """What both post forms share: the end date, the "for whom" choice, the grid layout."""

    grid_fields: tuple[str, ...] = ()

    def setup_common(self, street, for_members: bool):
        self.fields["valid_until"].widget = _date_input()
        self.fields["valid_until"].label = _("Tot en met wanneer mag het op het prikbord staan?")
        self.fields["valid_until"].help_text = _("Daarna verdwijnt het; u kunt het dan verlengen.")
        if not self.instance.pk:
            self.initial.setdefault("valid_until", _default_until())
        if for_members:
            # A gangmaker posts for a neighbour of this street only (often one not online).
            self.fields["for_member"] = forms.ModelChoiceField(
                label=_("Voor wie is dit bericht?"),
                queryset=StreetMembership.objects.filter(
                    street=street, status=MembershipStatus.APPROVED
                )
                .select_related("user")
                .order_by("user__first_name", "house_number"),
                help_text=_("Kies een buur die niet online is om voor hem of haar te plaatsen."),
                error_messages={"invalid_choice": _("Kies een buur uit de lijst.")},
            )
            self.fields["for_member"].label_from_instance = _member_label
            self.order_fields(["for_member"])

    def clean_valid_until(self):
        value = self.cleaned_data["valid_until"]
        today = timezone.localdate()
        if value < today:
            raise ValidationError(_("Deze datum is al voorbij. Kies vandaag of later."))
        if value > today + datetime.timedelta(days=MAX_VALID_DAYS):
            raise ValidationError(_("Kies een datum binnen een jaar; verlengen kan altijd."))
        return value


def _member_label(membership: StreetMembership) -> str:
    label = _("%(name)s, nr. %(number)s") % {
        "name": membership.user.get_full_name(),
        "number": membership.house_number,
    }
    if membership.user.is_offline:
        label += " " + str(_("(niet online)"))
    return label


class HelpRequestForm(PostFormMixin, forms.ModelForm):
    """Ask the street for help, once on a date or every week."""

    ONCE, WEEKLY = "once", "weekly"

    category = forms.ChoiceField(
        label=_("Waarbij zoekt u hulp?"),
        choices=[("", _("Kies…")), *Category.choices],
        error_messages={"invalid_choice": INVALID_CHOICE},
    )
    description = forms.CharField(
        label=_("Vertel kort wat u nodig hebt"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Zonder adres of telefoonnummer: de buren in de straat lezen dit."),
    )
    when = forms.ChoiceField(
        label=_("Wanneer?"),
        choices=[(ONCE, _("Op één dag")), (WEEKLY, _("Elke week"))],
        widget=forms.RadioSelect,
        initial=ONCE,
        error_messages={"invalid_choice": INVALID_CHOICE},
    )
    needed_on = forms.DateField(
        label=_("Op welke dag?"),
        required=False,
        widget=_date_input(),
        help_text=_("Alleen bij “op één dag”."),
    )
    dagdelen = forms.MultipleChoiceField(
        label=_("Welk dagdeel op die dag? (mag leeg blijven)"),
        choices=Dagdeel.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": INVALID_CHOICE},
    )
    when_slots = SlotGridField(
        label=_("Op welke dagen en dagdelen, elke week?"),
        required=False,
        help_text=_("Alleen bij “elke week”. Kies er een of meer."),
    )
    urgency = forms.ChoiceField(
        label=_("Hoe dringend is het?"),
        choices=Urgency.choices,
        initial=Urgency.NORMAL,
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": INVALID_CHOICE},
    )

    grid_fields = ("when_slots",)

    class Meta:
        model = HelpRequest
        fields = ["category", "description", "needed_on", "when_slots", "urgency", "valid_until"]

    field_order = [
        "category",
        "description",
        "when",
        "needed_on",
        "dagdelen",
        "when_slots",
        "urgency",
        "valid_until",
    ]

    def __init__(self, *args, street=None, for_members=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_common(street, for_members)
        if self.instance.pk and not self.is_bound:
            if self.instance.needed_on:
                days = {d for _day, d in slots_from_strings(self.instance.when_slots)}
                self.initial["when"] = self.ONCE
                # All three dagdelen is how "any time that day" is stored: show none chosen.
                self.initial["dagdelen"] = [] if len(days) == len(DAGDELEN) else sorted(days)
                self.initial["when_slots"] = []
            else:
                self.initial["when"] = self.WEEKLY

    def clean_needed_on(self):
        value = self.cleaned_data.get("needed_on")
        if value and value < timezone.localdate():
            raise ValidationError(_("Deze datum is al voorbij. Kies vandaag of later."))
        return value

    def clean(self):
        cleaned = super().clean()
        when = cleaned.get("when")
        if when == self.ONCE:
            day = cleaned.get("needed_on")
            if day is None:
                if "needed_on" not in self.errors:
                    self.add_error("needed_on", _("Kies de dag waarop u hulp nodig hebt."))
                return cleaned
            until = cleaned.get("valid_until")
            if until and day > until:
                self.add_error(
                    "valid_until", _("Laat het bericht minstens staan tot de dag van de hulp.")
                )
            dagdelen = cleaned.get("dagdelen") or list(DAGDELEN)
            cleaned["when_slots"] = [
                slot_string(day.weekday(), d) for d in DAGDELEN if d in dagdelen
            ]
        elif when == self.WEEKLY:
            cleaned["needed_on"] = None
            if not cleaned.get("when_slots") and "when_slots" not in self.errors:
                self.add_error("when_slots", _("Kies minstens één dagdeel in het rooster."))
        return cleaned


class HelpOfferForm(PostFormMixin, forms.ModelForm):
    """Offer the street help in some categories, at some times of the week."""

    categories = forms.MultipleChoiceField(
        label=_("Waarmee wilt u helpen?"),
        choices=Category.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": _("Kies minstens één soort hulp."),
            "invalid_choice": INVALID_CHOICE,
        },
    )
    description = forms.CharField(
        label=_("Toelichting (mag leeg blijven)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: ik heb een auto. Zonder adres of telefoonnummer."),
    )
    availability = SlotGridField(
        label=_("Wanneer kunt u meestal?"),
        error_messages={
            "required": _("Kies minstens één dagdeel in het rooster."),
            "invalid_choice": INVALID_CHOICE,
        },
    )
    capacity = forms.TypedChoiceField(
        label=_("Hoeveel buren kunt u tegelijk helpen?"),
        choices=[(n, str(n)) for n in range(1, MAX_CAPACITY + 1)],
        coerce=int,
        initial=1,
        error_messages={"invalid_choice": INVALID_CHOICE},
    )

    grid_fields = ("availability",)

    class Meta:
        model = HelpOffer
        fields = ["categories", "description", "availability", "capacity", "valid_until"]

    def __init__(self, *args, street=None, for_members=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_common(street, for_members)

    def clean_categories(self):
        chosen = self.cleaned_data["categories"]
        return [c for c in Category.values if c in chosen]


class ReasonForm(forms.Form):
    """A reason that is required: reporting, hiding and restoring a post."""

    reason = forms.CharField(
        label=_("Reden"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Schrijf kort waarom.")},
    )

    def __init__(self, *args, label=None, help_text=None, required=True, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["reason"].label = label
        if help_text:
            self.fields["reason"].help_text = help_text
        self.fields["reason"].required = required


class BoardSettingsForm(forms.ModelForm):
    class Meta:
        model = BoardSettings
        fields = ["premoderate_new_members", "new_member_days"]


class ManualMatchForm(forms.Form):
    """A gangmaker pairs one open request with one open offer of their street."""

    request = forms.ModelChoiceField(queryset=HelpRequest.objects.none(), label=_("Hulpvraag"))
    offer = forms.ModelChoiceField(queryset=HelpOffer.objects.none(), label=_("Hulpaanbod"))
    # Shown (as a checkbox) only after the warning that the helper's days do not fit.
    despite_times = forms.BooleanField(
        required=False,
        widget=forms.HiddenInput,
        label=_("Toch koppelen: ik heb het met de helper besproken"),
    )

    def __init__(self, street, *args, **kwargs):
        super().__init__(*args, **kwargs)
        open_posts = {"street": street, "status": PostStatus.OPEN}
        self.fields["request"].queryset = HelpRequest.objects.filter(**open_posts).select_related(
            "author"
        )
        self.fields["offer"].queryset = HelpOffer.objects.filter(**open_posts).select_related(
            "author"
        )
        self.fields["request"].label_from_instance = lambda r: (
            f"{r.author.first_name}: {r.get_category_display()}"
        )
        self.fields["offer"].label_from_instance = lambda o: (
            f"{o.author.first_name}: {', '.join(o.get_categories_display())}"
        )

    def warn_times_do_not_fit(self, helper_moments: str, wanted_moments: str) -> None:
        """Hold the pairing back once: the helper cannot at the moments the request asks for."""
        self.add_error(
            None,
            _(
                "Let op: de dagen passen niet. %(helper)s kan op %(helper_moments)s; de vraag "
                "is voor %(wanted_moments)s. Weet u dat het toch past, vink dan hieronder "
                "“Toch koppelen” aan."
            )
            % {
                "helper": self.cleaned_data["offer"].author.first_name,
                "helper_moments": helper_moments,
                "wanted_moments": wanted_moments,
            },
        )
        self.fields["despite_times"].widget = forms.CheckboxInput()


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = NotificationPreference
        fields = ["digest"]
        widgets = {"digest": forms.RadioSelect}


class RotaForm(forms.Form):
    """A gangmaker turns a neighbour's request into a rota: from when, how many days, which
    dagdelen, and how often one helper comes at most in a week."""

    request = forms.ModelChoiceField(
        queryset=HelpRequest.objects.none(),
        label=_("Voor welke hulpvraag?"),
        error_messages={"invalid_choice": _("Kies een open hulpvraag van deze straat.")},
    )
    first_day = forms.DateField(
        label=_("Eerste dag"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 14-12-2026.")},
    )
    days = forms.IntegerField(
        label=_("Hoeveel dagen?"),
        min_value=1,
        max_value=MAX_ROTA_DAYS,
        initial=14,
        error_messages={
            "min_value": _("Minstens 1 dag."),
            "max_value": _("Hoogstens %(limit_value)s dagen; maak daarna een nieuw rooster."),
        },
    )
    dagdelen = forms.MultipleChoiceField(
        label=_("Op welke dagdelen?"),
        choices=Dagdeel.choices,
        widget=forms.CheckboxSelectMultiple,
        initial=[Dagdeel.EVENING],
        error_messages={"required": _("Kies minstens één dagdeel.")},
    )
    per_week = forms.IntegerField(
        label=_("Hoe vaak komt één helper hoogstens per week?"),
        min_value=1,
        max_value=7,
        initial=2,
        help_text=_("Zo komt niet alles op één buur neer."),
    )

    def __init__(self, street, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["request"].queryset = (
            HelpRequest.objects.filter(street=street, status=PostStatus.OPEN, rota__isnull=True)
            .select_related("author")
            .order_by("-created_at")
        )
        self.fields["request"].label_from_instance = lambda r: (
            f"{r.author.first_name}: {r.get_category_display()}"
        )

    def clean_first_day(self):
        first_day = self.cleaned_data["first_day"]
        if first_day < timezone.localdate():
            raise forms.ValidationError(_("De eerste dag ligt in het verleden."))
        return first_day


class RotaFillForm(forms.Form):
    """A gangmaker puts a neighbour on an open moment."""

    moment = forms.ModelChoiceField(
        queryset=RotaMoment.objects.none(),
        label=_("Moment"),
        error_messages={"invalid_choice": _("Kies een open moment van dit rooster.")},
    )
    helper = forms.ModelChoiceField(
        queryset=None,
        label=_("Wie komt?"),
        error_messages={"invalid_choice": _("Kies een bewoner van deze straat.")},
    )

    def __init__(self, rota, members, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["moment"].queryset = rota.moments.filter(helper__isnull=True)
        self.fields["moment"].label_from_instance = moment_label
        self.fields["helper"].queryset = members
        self.fields["helper"].label_from_instance = lambda user: user.get_full_name()


class RotaSwapForm(forms.Form):
    """A gangmaker swaps the helpers of two moments."""

    first = forms.ModelChoiceField(queryset=RotaMoment.objects.none(), label=_("Moment"))
    second = forms.ModelChoiceField(queryset=RotaMoment.objects.none(), label=_("ruilen met"))

    def __init__(self, rota, *args, **kwargs):
        super().__init__(*args, **kwargs)
        taken = rota.moments.filter(helper__isnull=False).select_related("helper")
        for name in ("first", "second"):
            self.fields[name].queryset = taken
            self.fields[name].label_from_instance = lambda m: (
                f"{moment_label(m)}: {m.helper.first_name}"
            )
            self.fields[name].error_messages["invalid_choice"] = _(
                "Kies een moment dat een helper heeft."
            )

    def clean(self):
        data = super().clean()
        if data.get("first") and data.get("first") == data.get("second"):
            raise forms.ValidationError(_("Kies twee verschillende momenten."))
        return data
