"""The interest form (public) and the national coordinators' pages: figures across
municipalities and the submissions. A national coordinator sees no street's personal data:
these views show counts that passed the suppression rule, and what the form received."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from accounts.suppression import MIN_PEOPLE
from streets.permissions import is_national_coordinator

from . import services
from .forms import InterestForm
from .models import InterestSubmission, NationalHomePage


def national_staff(view):
    """National coordinators and superusers; everyone else logged in gets 403."""

    @wraps(view)
    @never_cache
    @login_required
    def wrapped(request, *args, **kwargs):
        if not (request.user.is_superuser or is_national_coordinator(request.user)):
            raise PermissionDenied(_("Alleen voor de landelijk coördinatoren."))
        return view(request, *args, **kwargs)

    return wrapped


def _national_home():
    return NationalHomePage.objects.live().first()


@never_cache
def interest(request):
    """ "Lief & Leed invoeren in uw gemeente?": the form, its errors, and after sending the
    thank-you page. The national home page shows the same form and posts it here."""
    form = InterestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.submit_interest(form)
        return redirect("national:interest_done")
    return render(
        request, "national/interest.html", {"form": form, "national_home": _national_home()}
    )


def interest_done(request):
    return render(request, "national/interest_done.html", {"national_home": _national_home()})


@national_staff
def figures(request):
    return render(
        request,
        "national/figures.html",
        {"figures": services.national_figures(), "min_people": MIN_PEOPLE},
    )


@national_staff
def submissions(request):
    items = list(InterestSubmission.objects.select_related("handled_by"))
    return render(
        request,
        "national/submissions.html",
        {
            "new": [item for item in items if item.handled_at is None],
            "handled": [item for item in items if item.handled_at is not None],
        },
    )


@require_POST
@national_staff
def handle_submission(request, submission_id):
    submission = get_object_or_404(InterestSubmission, pk=submission_id)
    handled = request.POST.get("handled") != "nee"
    services.mark_handled(submission, request.user, handled)
    messages.success(
        request,
        _("Gemarkeerd als afgehandeld.") if handled else _("Weer bij de nieuwe aanmeldingen."),
    )
    return redirect("national:submissions")
