"""A street applies; the coordinator moves the application through the intake."""

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Site

from accounts.languages import usable
from home.models import HomePage
from programme.choices import MANUAL_STATES, ApplicationState
from programme.models import Applicant, GangmakerCandidate, StateChange, StreetApplication
from programme.normalise import street_key

from .mail import send_to_applicant, tell_coordinators

# Leaving an application here needs a reason the applicants can be told.
STATES_WITH_REASON = (ApplicationState.WAITLIST, ApplicationState.NOT_STARTED)


class ApplicationError(Exception):
    """A change the rules do not allow. The message is Dutch and meant for the user."""


def municipality_for_request(request) -> HomePage | None:
    """The municipality whose site this request is on."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return HomePage.objects.filter(pk=site.root_page_id).first()


def _same_person(a_email: str, a_phone: str, b_email: str, b_phone: str) -> bool:
    if a_email and b_email:
        return a_email.casefold() == b_email.casefold()
    return bool(a_phone and b_phone and a_phone.replace(" ", "") == b_phone.replace(" ", ""))


def _merge_list(old: str, new: str) -> str:
    parts = [p.strip() for p in old.split(",") if p.strip()]
    for part in (p.strip() for p in new.split(",")):
        if part and part.casefold() not in {p.casefold() for p in parts}:
            parts.append(part)
    return ", ".join(parts)[:200]


@transaction.atomic
def submit_application(
    municipality: HomePage,
    *,
    street_name: str,
    applicant: dict,
    candidates: list[dict] = (),
    postcodes: str = "",
    house_numbers: str = "",
    motivation: str = "",
    wijk=None,
    language: str | None = None,
) -> tuple[StreetApplication, bool]:
    """Apply for a street. Returns (application, joined): a second application for the same
    street (same municipality, same street name however spelled) joins the first.

    `language` (default: the active one, i.e. the site's language for the applicant) is kept
    on the applicant and on the candidates they put forward: their mails are written in it."""
    language = usable(language or translation.get_language())
    key = street_key(street_name)
    if not key:
        raise ApplicationError(_("Vul de naam van de straat in."))
    application = (
        StreetApplication.objects.select_for_update()
        .filter(municipality=municipality, street_key=key)
        .first()
    )
    joined = application is not None
    if application is None:
        try:
            with transaction.atomic():
                application = StreetApplication.objects.create(
                    municipality=municipality,
                    wijk=wijk,
                    street_name=street_name.strip(),
                    street_key=key,
                    postcodes=postcodes,
                    house_numbers=house_numbers,
                    motivation=motivation,
                )
        except IntegrityError:
            # A neighbour applied for the same street at the same moment: join theirs.
            application = StreetApplication.objects.select_for_update().get(
                municipality=municipality, street_key=key
            )
            joined = True
        else:
            StateChange.objects.create(application=application, to_state=ApplicationState.APPLIED)
    if joined:
        application.postcodes = _merge_list(application.postcodes, postcodes)
        if motivation:
            extra = f"{applicant['name']}: {motivation}"
            application.motivation = "\n\n".join(p for p in (application.motivation, extra) if p)[
                :2000
            ]
        if application.wijk_id is None and wijk is not None:
            application.wijk = wijk
        application.save(update_fields=["postcodes", "motivation", "wijk"])

    known = list(application.applicants.all())
    person = next(
        (
            a
            for a in known
            if _same_person(
                a.email, a.phone, applicant.get("email", ""), applicant.get("phone", "")
            )
        ),
        None,
    )
    if person is None:
        person = Applicant.objects.create(application=application, language=language, **applicant)
    elif person.language != language:
        # Applying again: the latest language they used is the one they read.
        person.language = language
        person.save(update_fields=["language"])
    existing_candidates = list(application.candidates.all())
    for candidate in candidates:
        if not candidate.get("name"):
            continue
        if any(
            c.name.casefold() == candidate["name"].casefold()
            or _same_person(
                c.email, c.phone, candidate.get("email", ""), candidate.get("phone", "")
            )
            for c in existing_candidates
        ):
            continue
        existing_candidates.append(
            GangmakerCandidate.objects.create(
                application=application, language=language, **candidate
            )
        )

    application_id, person_id = application.pk, person.pk
    transaction.on_commit(lambda: _tell_of_application(application_id, person_id, joined))
    return application, joined


def _tell_of_application(application_id: int, applicant_id: int, joined: bool) -> None:
    application = StreetApplication.objects.select_related("municipality").get(pk=application_id)
    applicant = Applicant.objects.get(pk=applicant_id)
    context = {
        "application": application,
        "applicant": applicant,
        "joined": joined,
        "municipality": application.municipality,
        "detail_url": reverse("programme:application", args=[application.pk]),
    }
    send_to_applicant(applicant, "programme/email/application_received", context)
    tell_coordinators(
        application.municipality, "programme/email/application_for_coordinator", context
    )


def _locked(application: StreetApplication) -> StreetApplication:
    return StreetApplication.objects.select_for_update().get(pk=application.pk)


@transaction.atomic
def change_state(
    application: StreetApplication, to_state: str, by, note: str = ""
) -> StreetApplication:
    """Move the application one step; every step is logged with who and when."""
    application = _locked(application)
    note = note.strip()
    if application.state == ApplicationState.STARTED:
        raise ApplicationError(_("Deze straat is al gestart; de stand verandert niet meer."))
    if to_state not in MANUAL_STATES:
        raise ApplicationError(_("Kies een stand uit de lijst. Starten gaat met “Straat starten”."))
    if to_state in STATES_WITH_REASON and not note:
        raise ApplicationError(_("Geef een reden, zodat de aanmelders weten waar ze staan."))
    if to_state == application.state and note == application.state_reason:
        return application
    StateChange.objects.create(
        application=application,
        from_state=application.state,
        to_state=to_state,
        note=note,
        by=by,
    )
    application.state = to_state
    application.state_reason = note if to_state in STATES_WITH_REASON else ""
    application.state_changed_at = timezone.now()
    application.handled_by = by
    application.save(update_fields=["state", "state_reason", "state_changed_at", "handled_by"])
    return application


@transaction.atomic
def save_notes(application: StreetApplication, notes: str, by) -> StreetApplication:
    application = _locked(application)
    application.notes = notes
    application.handled_by = by
    application.save(update_fields=["notes", "handled_by"])
    return application
