"""The coordinator's view of all pots of the municipality: overview, exports, settings."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.models import HomePage
from pot import exports
from pot.choices import Occasion
from pot.forms import PotSettingsForm
from pot.models import PotSettings
from pot.services import booked_expenses, municipality_overview, open_pots, save_settings
from streets.models import CoordinatorAssignment
from streets.permissions import is_coordinator_of


def _not_coordinator_text() -> str:
    """Why /potjes/ is refused, said as it is (not "deze straat")."""
    return _(
        "Het overzicht van de potjes is voor de coördinatoren van de gemeente. Bent u gangmaker? "
        "Het potje van uw straat vindt u op de pagina van uw straat."
    )


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _municipality(request, home_id) -> HomePage:
    home = get_object_or_404(HomePage, pk=home_id)
    if not is_coordinator_of(request.user, home):
        raise PermissionDenied(_not_coordinator_text())
    return home


def _year(request) -> int:
    """?jaar=2026; anything odd falls back to this year rather than failing."""
    value = request.GET.get("jaar", "")
    if value.isascii() and value.isdigit() and 2000 <= int(value) <= 2200:
        return int(value)
    return timezone.localdate().year


@login_required
def overview_start(request):
    """/potjes/: straight to the municipality, or a choice if someone coordinates several."""
    homes = HomePage.objects.filter(
        pk__in=CoordinatorAssignment.objects.filter(user=request.user).values("municipality")
    )
    if request.user.is_superuser:
        homes = HomePage.objects.all()
    homes = list(homes.order_by("title"))
    if not homes:
        raise PermissionDenied(_not_coordinator_text())
    if len(homes) == 1:
        return redirect("pot:overview", homes[0].pk)
    return render(request, "pot/overview_start.html", {"homes": homes})


@never_cache
@login_required
def overview(request, home_id):
    """Every street of the municipality: funded, spent, left, attentions by occasion."""
    home = _municipality(request, home_id)
    year = _year(request)
    rows = municipality_overview(home, year)
    with_pot = [row.summary for row in rows if row.summary]
    context = {
        "home": home,
        "year": year,
        "rows": rows,
        "occasions": Occasion.choices,
        "settings": PotSettings.for_municipality(home),
        "missing": sum(1 for row in rows if row.summary is None),
        "totals": {
            "funded": sum((s.funded for s in with_pot), exports.ZERO),
            "spent": sum((s.spent for s in with_pot), exports.ZERO),
            "balance": sum((s.balance for s in with_pot), exports.ZERO),
            "attentions": sum(s.attentions for s in with_pot),
        },
    }
    return render(request, "pot/overview.html", context)


def _download(content, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def export_csv(request, home_id):
    home = _municipality(request, home_id)
    year = _year(request)
    content = exports.overview_csv(municipality_overview(home, year))
    return _download(content, "text/csv; charset=utf-8", f"potjes-{home.slug}-{year}.csv")


@login_required
def export_xlsx(request, home_id):
    home = _municipality(request, home_id)
    year = _year(request)
    content = exports.overview_xlsx(
        municipality_overview(home, year), booked_expenses(home, year), year
    )
    return _download(content, XLSX, f"potjes-{home.slug}-{year}.xlsx")


@require_POST
@login_required
def open_missing_pots(request, home_id):
    """Open this year's pot for streets that joined after 1 January (idempotent)."""
    home = _municipality(request, home_id)
    year = timezone.localdate().year
    opened = open_pots(year, municipality=home)
    messages.success(
        request,
        _("%(count)s potje(s) geopend voor %(year)s.") % {"count": len(opened), "year": year},
    )
    return redirect(f"{reverse('pot:overview', args=[home.pk])}?jaar={year}")


@never_cache
@login_required
def settings_edit(request, home_id):
    home = _municipality(request, home_id)
    instance = PotSettings.for_municipality(home)
    form = PotSettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        save_settings(form.save(commit=False), request.user)
        messages.success(request, _("De instellingen zijn bewaard."))
        return redirect("pot:overview", home.pk)
    return render(request, "pot/settings.html", {"home": home, "form": form})
