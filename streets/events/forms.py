"""The gangmakers' short event form, the cancel form and the "ik kom" button's form."""

import datetime
import re

from django import forms
from django.utils import formats, timezone
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _

from streets.vocabulary import Weekday

from .choices import Repeat
from .recurrence import MAX_COUNT, MAX_INTERVAL, aware, format_weekdays, local, parse_weekdays
from .services import EventData

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME_INPUT = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def text_to_html(text: str) -> str:
    """Plain text with blank lines between paragraphs -> the rich text Wagtail stores."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(
        "<p>" + "<br/>".join(escape(line) for line in p.splitlines()) + "</p>" for p in paragraphs
    )


def html_to_text(html: str) -> str:
    html = re.sub(r"<br\s*/?>", "\n", html)
    html = re.sub(r"</p>\s*", "\n\n", html)
    return strip_tags(html).strip()


class EventForm(forms.Form):
    """Title, when, where, what, and how it repeats; the Wagtail admin has the rest."""

    title = forms.CharField(label=_("Naam van de activiteit"), max_length=255)
    date = forms.DateField(label=_("Datum (bij een herhaling: de eerste keer)"), widget=DATE_INPUT)
    start_time = forms.TimeField(label=_("Begint om"), widget=TIME_INPUT)
    end_time = forms.TimeField(
        label=_("Eindigt om (mag leeg blijven)"), required=False, widget=TIME_INPUT
    )
    location = forms.CharField(
        label=_("Waar (mag leeg blijven)"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: in de hal bij de lift, of bij nr. 14 in de tuin."),
    )
    description = forms.CharField(
        label=_("Wat gaan we doen? (mag leeg blijven)"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    repeat = forms.ChoiceField(
        label=_("Herhalen"),
        choices=Repeat.choices,
        initial=Repeat.NEVER,
        widget=forms.RadioSelect,
    )
    interval = forms.IntegerField(
        label=_("Om de hoeveel weken of maanden"),
        min_value=1,
        max_value=MAX_INTERVAL,
        initial=1,
        help_text=_("1 = elke week (of maand), 2 = om de week, enzovoort."),
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("Op welke dagen (bij wekelijks)"),
        choices=Weekday.choices,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt: de dag van de eerste keer."),
    )
    repeat_until = forms.DateField(
        label=_("Herhalen tot en met (mag leeg blijven)"), required=False, widget=DATE_INPUT
    )
    repeat_count = forms.IntegerField(
        label=_("Of: hoeveel keer in totaal (mag leeg blijven)"),
        min_value=1,
        max_value=MAX_COUNT,
        required=False,
    )

    def __init__(self, *args, event=None, **kwargs):
        self.event = event
        if event is not None:
            kwargs["initial"] = self.initial_for(event)
        super().__init__(*args, **kwargs)

    @staticmethod
    def initial_for(event) -> dict:
        start = local(event.start)
        return {
            "title": event.title,
            "date": start.date(),
            "start_time": start.time(),
            "end_time": local(event.end).time() if event.end else None,
            "location": event.location,
            "description": html_to_text(event.description),
            "repeat": event.repeat,
            "interval": event.interval,
            "weekdays": parse_weekdays(event.weekdays),
            "repeat_until": event.repeat_until,
            "repeat_count": event.repeat_count,
        }

    def clean(self):
        cleaned = super().clean()
        day, start_time = cleaned.get("date"), cleaned.get("start_time")
        if day is None or start_time is None:
            return cleaned
        start = aware(datetime.datetime.combine(day, start_time))
        cleaned["start"] = start
        unchanged = self.event is not None and start == self.event.start
        if start < timezone.now() and not unchanged:
            self.add_error("date", _("Dit moment is al voorbij. Kies een datum in de toekomst."))
        cleaned["end"] = None
        end_time = cleaned.get("end_time")
        if end_time is not None:
            if end_time <= start_time:
                self.add_error("end_time", _("Het einde ligt voor het begin."))
            else:
                cleaned["end"] = aware(datetime.datetime.combine(day, end_time))
        self._clean_repeat(cleaned, day)
        return cleaned

    def _clean_repeat(self, cleaned: dict, day: datetime.date) -> None:
        repeat = cleaned.get("repeat")
        if repeat == Repeat.NEVER:
            # The repeat fields are hidden in meaning: a one-off keeps none of them.
            cleaned.update(interval=1, weekdays=[], repeat_until=None, repeat_count=None)
            return
        if repeat == Repeat.MONTHLY:
            cleaned["weekdays"] = []
        weekdays = cleaned.get("weekdays") or []
        if repeat == Repeat.WEEKLY and weekdays and day.weekday() not in weekdays:
            self.add_error(
                "weekdays",
                _(
                    "De eerste keer valt op een %(day)s. Vink die dag ook aan, of kies een andere datum."
                )
                % {"day": Weekday(day.weekday()).label},
            )
        until, count = cleaned.get("repeat_until"), cleaned.get("repeat_count")
        if until and count:
            self.add_error(
                "repeat_count", _("Kies een einddatum óf een aantal keren, niet allebei.")
            )
        if until and until < day:
            self.add_error("repeat_until", _("De herhaling kan niet stoppen voor de eerste keer."))

    def event_data(self) -> EventData:
        data = self.cleaned_data
        return EventData(
            title=data["title"],
            start=data["start"],
            end=data["end"],
            location=data["location"],
            description=text_to_html(data["description"]),
            repeat=data["repeat"],
            interval=data["interval"],
            weekdays=format_weekdays(data["weekdays"]),
            repeat_until=data["repeat_until"],
            repeat_count=data["repeat_count"],
        )


class CancelForm(forms.Form):
    """Cancel the whole event, or (for a series) one date of it."""

    WHOLE = "all"

    what = forms.ChoiceField(label=_("Wat gaat niet door?"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Bericht voor de buren (mag leeg blijven)"),
        max_length=300,
        required=False,
        help_text=_("Bijvoorbeeld: vanwege de kerst, of: de hal wordt geschilderd."),
    )

    def __init__(self, *args, occurrences=(), **kwargs):
        super().__init__(*args, **kwargs)
        choices = [
            (occurrence.date.isoformat(), _("alleen %(date)s") % {"date": _long_date(occurrence)})
            for occurrence in occurrences
            if not occurrence.cancelled
        ]
        self.fields["what"].choices = [(self.WHOLE, _("de hele activiteit")), *choices]
        self.fields["what"].initial = choices[0][0] if choices else self.WHOLE

    def cleaned_day(self) -> datetime.date | None:
        what = self.cleaned_data["what"]
        return None if what == self.WHOLE else datetime.date.fromisoformat(what)


def _long_date(occurrence) -> str:
    return formats.date_format(local(occurrence.start), "l j F")


class OccurrenceForm(forms.Form):
    """Which date an "ik kom" (or a restore) is about; anything odd is simply invalid."""

    date = forms.DateField(input_formats=["%Y-%m-%d"])
