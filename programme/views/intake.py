"""The coordinator's intake: every application of the municipality, its steps, the start."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.models import HomePage
from programme.choices import ApplicationState
from programme.forms import NotesForm, StartForm, StateForm
from programme.models import StreetApplication
from programme.services import (
    ApplicationError,
    change_state,
    open_gangmaker_requests,
    save_notes,
    start_street,
    streets_without_gangmaker,
)
from streets.models import CoordinatorAssignment, StreetPage

from .access import coordinated_application, coordinated_municipality


@login_required
def programme_start(request):
    """/programma/: straight to the municipality's applications, or a choice of several."""
    homes = HomePage.objects.filter(
        pk__in=CoordinatorAssignment.objects.filter(user=request.user).values("municipality")
    )
    if request.user.is_superuser:
        homes = HomePage.objects.all()
    homes = list(homes.order_by("title"))
    if not homes:
        raise PermissionDenied
    if len(homes) == 1:
        return redirect("programme:applications", homes[0].pk)
    return render(request, "programme/start_choice.html", {"homes": homes})


@never_cache
@login_required
def applications(request, home_id):
    home = coordinated_municipality(request, home_id)
    state = request.GET.get("stand", "")
    rows = (
        StreetApplication.objects.filter(municipality=home)
        .select_related("wijk", "handled_by", "street")
        .prefetch_related("applicants")
        .order_by("-created_at")
    )
    if state in ApplicationState.values:
        rows = rows.filter(state=state)
    without = streets_without_gangmaker(home)
    context = {
        "home": home,
        "rows": rows,
        "state": state,
        "states": ApplicationState.choices,
        "without_gangmaker": without,
        "gangmaker_requests": open_gangmaker_requests(
            StreetPage.objects.live().descendant_of(home)
        ),
    }
    return render(request, "programme/applications.html", context)


def _detail_context(application, **forms):
    return {
        "application": application,
        "home": application.municipality,
        "applicants": application.applicants.all(),
        "candidates": application.candidates.select_related("user"),
        "changes": application.changes.select_related("by"),
        "state_form": forms.get("state_form") or StateForm(initial={"state": application.state}),
        "notes_form": forms.get("notes_form") or NotesForm(initial={"notes": application.notes}),
        "started": application.state == ApplicationState.STARTED,
    }


@never_cache
@login_required
def application_detail(request, application_id):
    application = coordinated_application(request, application_id)
    return render(request, "programme/application.html", _detail_context(application))


@require_POST
@login_required
def application_state(request, application_id):
    application = coordinated_application(request, application_id)
    form = StateForm(request.POST)
    if form.is_valid():
        try:
            change_state(
                application, form.cleaned_data["state"], request.user, form.cleaned_data["note"]
            )
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("De stand is bijgewerkt."))
            return redirect("programme:application", application.pk)
    return render(
        request, "programme/application.html", _detail_context(application, state_form=form)
    )


@require_POST
@login_required
def application_notes(request, application_id):
    application = coordinated_application(request, application_id)
    form = NotesForm(request.POST)
    if form.is_valid():
        save_notes(application, form.cleaned_data["notes"], request.user)
        messages.success(request, _("De notities zijn bewaard."))
        return redirect("programme:application", application.pk)
    return render(
        request, "programme/application.html", _detail_context(application, notes_form=form)
    )


@never_cache
@login_required
def application_start(request, application_id):
    """“Straat starten”: a confirmation page with the choices; the POST does it all."""
    application = coordinated_application(request, application_id)
    if application.street_id is not None:
        messages.info(request, _("Deze straat is al gestart."))
        return redirect("programme:application", application.pk)
    home = application.municipality
    initial = {
        "title": application.street_name,
        "postcodes": application.postcodes,
        "wijk": application.wijk,
    }
    form = StartForm(request.POST or None, municipality=home, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            street, created = start_street(
                application,
                request.user,
                wijk=data["wijk"],
                new_wijk_name=data["new_wijk_name"],
                title=data["title"],
                postcodes=data["postcodes"],
            )
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            if created:
                messages.success(
                    request,
                    _("%(street)s is gestart: de pagina staat online, het potje is open.")
                    % {"street": street.title},
                )
            else:
                messages.info(request, _("Deze straat is al gestart."))
            return redirect("programme:application", application.pk)
    context = {
        "application": application,
        "home": home,
        "form": form,
        "candidates": application.candidates.all(),
    }
    return render(request, "programme/start.html", context)
