"""The coordinator's programme in the Wagtail admin, limited to their own municipalities.

A coordinator (CoordinatorAssignment) runs one municipality: a HomePage and its subtree. The
admin screens of the programme (the "Programma" menu) show rows under those pages only:

- `MunicipalityPermissionPolicy` answers Wagtail's permission questions (menu, every view's
  dispatch) from the user's assignments, not from Django's model permissions: coordinators and
  superusers may do the policy's actions, nobody else anything. Gangmakers, who may have the
  admin for their street's pages, get neither the menu nor the URLs.
- `MunicipalityViewSet` builds its views from the `Scoped*View` classes, which read every row
  through the policy's `scope()`: a list holds the own municipality only, and an id of another
  municipality in a URL is a 404, on every route. Their forms offer only pages (municipality,
  street) of the user's municipalities. Routes a viewset does not need (delete,
  copy, history, usage; add and edit unless the policy allows them) are not registered.

Each app registers its policies at the top of its `wagtail_hooks.py` and adds its viewsets to
the menu with `menu_hook = PROGRAMME_MENU_HOOK`; the menu group itself is registered by streets.
"""

import django_filters
from django.contrib.admin.utils import unquote
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Length, Substr
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import ButtonsColumnMixin, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies import BasePermissionPolicy

from .models import NeighbourhoodPage, StreetPage
from .permissions import coordinator_paths

PROGRAMME_MENU_HOOK = "register_programme_menu_item"

# The generic routes a municipality viewset may have, and the action each needs.
_ROUTE_ACTIONS = {
    "index": None,
    "index_results": None,
    "inspect": None,
    "add": "add",
    "edit": "change",
}


def coordinated_paths(user) -> tuple[str, ...]:
    """Tree paths of the municipalities `user` coordinates, read once per request."""
    if not hasattr(user, "_coordinated_paths"):
        user._coordinated_paths = tuple(coordinator_paths(user))
    return user._coordinated_paths


def below_coordinated(queryset: QuerySet, user, path_lookup: str = "path") -> QuerySet:
    """The rows of `queryset` under the municipalities `user` coordinates (all for superusers,
    none for anyone else)."""
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    if user.is_superuser:
        return queryset
    below = Q()
    for path in coordinated_paths(user):
        below |= Q(**{f"{path_lookup}__startswith": path})
    return queryset.filter(below) if below else queryset.none()


class MunicipalityPermissionPolicy(BasePermissionPolicy):
    """Coordinators may do `actions` on the rows under the municipalities they run, superusers
    on every row, nobody else anything.

    `path_lookup` leads from the model to the tree path of the page the row belongs to, e.g.
    "street__path" for a membership or "municipality__path" for a municipality's settings.
    """

    def __init__(self, model, path_lookup: str, actions):
        super().__init__(model)
        self.path_lookup = path_lookup
        self.actions = frozenset(actions)

    def _is_staff(self, user) -> bool:
        if not user.is_authenticated or not user.is_active:
            return False
        return user.is_superuser or bool(coordinated_paths(user))

    def scope(self, queryset: QuerySet, user) -> QuerySet:
        """The rows of `queryset` this user may see at all."""
        return below_coordinated(queryset, user, self.path_lookup)

    def user_has_permission(self, user, action):
        return action in self.actions and self._is_staff(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.scope(self.model._default_manager.filter(pk=instance.pk), user).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.scope(self.model._default_manager.all(), user)

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not self.actions.intersection(actions):
            return users.none()
        return users.filter(
            Q(is_superuser=True) | Q(coordinator_assignments__isnull=False)
        ).distinct()

    def users_with_any_permission_for_instance(self, actions, instance):
        path = (
            self.model._default_manager.filter(pk=instance.pk)
            .values_list(self.path_lookup, flat=True)
            .first()
        ) or ""
        # The page's ancestors and itself: treebeard paths grow by four characters a level.
        ancestors = [path[:end] for end in range(4, len(path) + 1, 4)]
        return (
            self.users_with_any_permission(actions)
            .filter(
                Q(is_superuser=True) | Q(coordinator_assignments__municipality__path__in=ancestors)
            )
            .distinct()
        )


def with_wijk_title(queryset: QuerySet, street_lookup: str = "street") -> QuerySet:
    """Annotate `wijk_title`: the title of the wijk above each row's street, in the same query
    (a street's wijk is its parent page, whose path is the street's minus one step)."""
    street_path = OuterRef(f"{street_lookup}__path")
    parent_path = Substr(street_path, 1, Length(street_path) - Page.steplen)
    wijk = NeighbourhoodPage.objects.filter(path=parent_path).values("title")[:1]
    return queryset.annotate(wijk_title=Subquery(wijk))


class StreetFilterSet(WagtailFilterSet):
    """Filters by wijk and by street, offering only those of the user's municipalities.

    A street or wijk of another municipality in the query string makes the filter invalid,
    and the list stays what it was.
    """

    wijk = django_filters.ModelChoiceFilter(
        label=_("Wijk"),
        queryset=lambda request: below_coordinated(
            NeighbourhoodPage.objects.order_by("title"), request.user
        ),
        method="filter_wijk",
    )
    street = django_filters.ModelChoiceFilter(
        label=_("Straat"),
        queryset=lambda request: below_coordinated(
            StreetPage.objects.order_by("title"), request.user
        ),
    )

    def filter_wijk(self, queryset, name, value):
        return queryset.filter(street__path__startswith=value.path)


class RowTitleColumn(ButtonsColumnMixin, TitleColumn):
    """The first column of a list: links to the row's edit page (or else its inspect page) and
    carries the row's buttons, as Wagtail's own title column does for `list_display`."""

    def __init__(self, name, view, **kwargs):
        super().__init__(
            name,
            get_url=lambda row: view.get_edit_url(row) or view.get_inspect_url(row),
            classname="programme-title",  # static/css/admin-programme.css
            **kwargs,
        )
        self.view = view

    def get_buttons(self, instance, parent_context):
        return self.view.get_list_buttons(instance)


class _Scoped:
    """Read rows only through the permission policy's scope (see the module docstring), and
    let a form point only at pages of the user's municipalities."""

    # The list's name in the breadcrumbs, where the viewset's menu label differs from the
    # model's plural (two lists of memberships: all, and the gangmakers).
    index_label = None

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        if self.index_label and self.index_url_name:
            index_url = reverse(self.index_url_name)
            for item in items:
                if item.get("url") == index_url:
                    item["label"] = self.index_label
        return items

    def scoped(self, queryset: QuerySet) -> QuerySet:
        return self.permission_policy.scope(queryset, self.request.user)

    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        for field in form.fields.values():
            choices = getattr(field, "queryset", None)
            if choices is not None and issubclass(choices.model, Page):
                field.queryset = below_coordinated(choices, self.request.user)
        return form


class ScopedIndexView(_Scoped, generic.IndexView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        # Wagtail treats ?export=csv as an export even where no columns are exported.
        self.is_export = self.is_export and bool(self.list_export)

    def get_base_queryset(self):
        return self.scoped(super().get_base_queryset())

    def search_queryset(self, queryset):
        """Every word must be found in one of the search fields: "anna zwaanshals" finds Anna
        in Zwaanshals (Wagtail's plain search looks for the whole phrase in one field)."""
        if not self.is_searching:
            return queryset
        for word in self.search_query.split()[:5]:
            in_any_field = Q()
            for field in self.search_fields or []:
                in_any_field |= Q(**{f"{field}__icontains": word})
            queryset = queryset.filter(in_any_field)
        return queryset


class ScopedInspectView(_Scoped, generic.InspectView):
    def get_object(self, queryset=None):
        rows = self.scoped(self.model._default_manager.all())
        return get_object_or_404(rows, pk=unquote(str(self.pk)))


class ScopedEditView(_Scoped, generic.EditView):
    def get_queryset(self):
        return self.scoped(super().get_queryset())


class ScopedCreateView(_Scoped, generic.CreateView):
    """A new row can only belong to the user's municipalities (see _Scoped.get_form)."""


class MunicipalityViewSet(ModelViewSet):
    """A ModelViewSet of the programme menu; its rows are those of the user's municipalities.

    The model's policy must be a MunicipalityPermissionPolicy, registered before the viewset.
    """

    menu_hook = PROGRAMME_MENU_HOOK
    index_view_class = ScopedIndexView
    inspect_view_class = ScopedInspectView
    edit_view_class = ScopedEditView
    add_view_class = ScopedCreateView
    inspect_view_enabled = True
    copy_view_enabled = False
    # The reference index would be updated on every save of these rows, for nothing.
    add_to_reference_index = False

    def _routes(self) -> set[str]:
        actions = self.permission_policy.actions
        return {
            route for route, action in _ROUTE_ACTIONS.items() if action is None or action in actions
        }

    def get_common_view_kwargs(self, **kwargs):
        # Views must not link to routes that are not registered.
        missing = {
            "add": "add_url_name",
            "edit": "edit_url_name",
            "delete": "delete_url_name",
            "history": "history_url_name",
            "usage": "usage_url_name",
        }
        routes = self._routes()
        gone = {name: None for route, name in missing.items() if route not in routes}
        return super().get_common_view_kwargs(**{**gone, "index_label": self.menu_label, **kwargs})

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(page_title=self.menu_label, **kwargs)

    def get_urlpatterns(self):
        routes = self._routes()
        return [pattern for pattern in super().get_urlpatterns() if pattern.name in routes]

    def get_permissions_to_register(self):
        # The policy reads the assignments, not Django's permissions: offering those in the
        # group editor would suggest a setting that does nothing.
        return Permission.objects.none()


class ProgrammeMenu(ViewSetGroup):
    """The "Programma" menu; each app adds its viewsets through PROGRAMME_MENU_HOOK."""

    menu_label = _("Programma")
    menu_name = "programma"
    menu_icon = "group"
    menu_order = 150
    submenu_hook = PROGRAMME_MENU_HOOK
