"""“Ook een Lief & Leedstraat?”: the public application form."""

from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache

from accounts.ratelimit import rate_limited
from programme.forms import ApplicationForm
from programme.services import ApplicationError, municipality_for_request, submit_application
from streets.models import NeighbourhoodPage


@never_cache
@rate_limited("street_application")
def apply(request):
    municipality = municipality_for_request(request)
    if municipality is None:
        raise Http404
    initial = {}
    wijk_id = request.GET.get("wijk", "")
    if wijk_id.isascii() and wijk_id.isdigit():
        wijk = NeighbourhoodPage.objects.child_of(municipality).filter(pk=wijk_id).first()
        if wijk is not None:
            initial["wijk"] = wijk
    street = request.GET.get("straat", "")[:120]
    if street:
        initial["street_name"] = street
    form = ApplicationForm(request.POST or None, municipality=municipality, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            _application, joined = submit_application(
                municipality,
                street_name=data["street_name"],
                postcodes=data["postcodes"],
                house_numbers=data["house_numbers"],
                wijk=data["wijk"],
                motivation=data["motivation"],
                applicant=form.applicant(),
                candidates=form.candidates(),
            )
        except ApplicationError as error:
            form.add_error(None, str(error))
        else:
            request.session["programme_joined"] = joined
            return redirect("programme:apply_done")
    return render(request, "programme/apply.html", {"form": form, "municipality": municipality})


def apply_done(request):
    joined = request.session.pop("programme_joined", False)
    return render(
        request,
        "programme/apply_done.html",
        {"joined": joined, "municipality": municipality_for_request(request)},
    )
