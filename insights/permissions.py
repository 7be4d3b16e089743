"""Who may see which dashboard: welzijn staff their wijken, coordinators their municipality."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from wagtail.models import Page

from home.models import HomePage
from streets.models import NeighbourhoodPage, StreetPage
from streets.permissions import is_coordinator_of, is_welzijn_of

from .choices import ScopeKind

PAGE_MODELS = {
    ScopeKind.MUNICIPALITY: HomePage,
    ScopeKind.NEIGHBOURHOOD: NeighbourhoodPage,
    ScopeKind.STREET: StreetPage,
}


def scope_page(kind: str, pk: int) -> Page:
    """The live municipality, wijk or street; 404 for an unknown id or kind."""
    model = PAGE_MODELS.get(kind)
    if model is None:
        raise Http404
    page = model.objects.live().filter(pk=pk).first()
    if page is None:
        raise Http404
    return page


def can_view_figures(user, kind: str, page: Page) -> bool:
    """Coordinators see all of their municipality; welzijn staff their wijken and their streets."""
    if is_coordinator_of(user, page):
        return True
    return kind != ScopeKind.MUNICIPALITY and is_welzijn_of(user, page)


def check_figures(user, kind: str, page: Page) -> None:
    if not can_view_figures(user, kind, page):
        raise PermissionDenied(
            _(
                "Deze cijfers zijn voor de welzijnsmedewerkers van deze wijk en de coördinatoren "
                "van de gemeente; de cijfers van een hele gemeente alleen voor de coördinatoren."
            )
        )
