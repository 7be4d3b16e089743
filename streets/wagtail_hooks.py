"""The programme menu of the Wagtail admin, and the members of the streets in it.

Coordinators see who is a member of which street of their municipality, and appoint or relieve
gangmakers through `services.set_role`, the same rule the street's own member page uses. The
application's message and the gangmakers' decision notes stay out: only the street's own
pages show them. Scoping to the municipality is in admin_scope.py.
"""

from django import forms
from django.db import transaction
from django.templatetags.static import static
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.permissions import register_permission_policy

from .admin_scope import (
    MunicipalityPermissionPolicy,
    MunicipalityViewSet,
    ProgrammeMenu,
    RowTitleColumn,
    ScopedEditView,
    ScopedIndexView,
    ScopedInspectView,
    StreetFilterSet,
    with_wijk_title,
)
from .choices import MemberRole, MembershipStatus
from .models import StreetMembership
from .services import MembershipError, set_role

# Viewing, and changing the role; a membership starts and ends in the street's own pages.
register_permission_policy(
    StreetMembership,
    MunicipalityPermissionPolicy(StreetMembership, "street__path", {"view", "change"}),
)


def _full_name(membership) -> str:
    return membership.user.get_full_name()


def _member_since(membership):
    # A membership that never went through an application (made by hand, imported) has no
    # decision date.
    return membership.decided_at or membership.created_at


class MembershipFilterSet(StreetFilterSet):
    class Meta:
        model = StreetMembership
        fields = ["role", "status"]


class GangmakerFilterSet(StreetFilterSet):
    class Meta:
        model = StreetMembership
        fields = []


class MembershipIndexView(ScopedIndexView):
    search_fields = ["user__first_name", "user__last_name", "street__title", "house_number"]

    def get_base_queryset(self):
        return with_wijk_title(super().get_base_queryset().select_related("user", "street"))

    def get_edit_url(self, instance):
        # Only a member's role can change; an application or a past member is only shown.
        if instance.status == MembershipStatus.APPROVED:
            return super().get_edit_url(instance)
        return None

    @cached_property
    def columns(self):
        return [
            RowTitleColumn(
                "name", self, label=_("Naam"), accessor=_full_name, sort_key="user__last_name"
            ),
            Column("house_number", label=_("Nr."), sort_key="house_number"),
            Column("street", label=_("Straat"), accessor="street.title", sort_key="street__title"),
            Column("wijk", label=_("Wijk"), accessor="wijk_title", sort_key="wijk_title"),
            Column("role", label=_("Rol"), accessor="get_role_display", sort_key="role"),
            Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
            DateColumn("created_at", label=_("Aangemeld op"), sort_key="created_at"),
        ]


class GangmakerIndexView(MembershipIndexView):
    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(role=MemberRole.GANGMAKER, status=MembershipStatus.APPROVED)
        )

    @cached_property
    def columns(self):
        return [
            RowTitleColumn(
                "name", self, label=_("Naam"), accessor=_full_name, sort_key="user__last_name"
            ),
            Column("street", label=_("Straat"), accessor="street.title", sort_key="street__title"),
            Column("wijk", label=_("Wijk"), accessor="wijk_title", sort_key="wijk_title"),
            Column("house_number", label=_("Nr."), sort_key="house_number"),
            DateColumn(
                "since", label=_("Lid sinds"), accessor=_member_since, sort_key="created_at"
            ),
        ]


class MembershipInspectView(ScopedInspectView):
    def get_user_display_value(self):
        return self.object.user.get_full_name()


class RoleForm(forms.ModelForm):
    class Meta:
        model = StreetMembership
        fields = ["role"]
        widgets = {"role": forms.RadioSelect}
        help_texts = {
            "role": _(
                "Een gangmaker laat nieuwe buren toe, houdt het potje bij en bewerkt de pagina "
                "van de straat. Alleen een lid met een e-mailadres kan gangmaker worden."
            )
        }


class RoleEditView(ScopedEditView):
    """Appoint a member gangmaker, or make a gangmaker bewoner again, by the street's rule."""

    page_title = _("Rol wijzigen")
    success_message = _("Rol aangepast: %(object)s.")

    def form_valid(self, form):
        self.form = form
        try:
            with transaction.atomic():
                set_role(self.object, form.cleaned_data["role"], self.request.user)
        except MembershipError as error:
            form.add_error("role", str(error))
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)
        return self.save_action()


class MembershipViewSet(MunicipalityViewSet):
    model = StreetMembership
    name = "memberships"
    url_prefix = "programma/lidmaatschappen"
    menu_label = _("Lidmaatschappen")
    menu_order = 1
    icon = "user"
    index_view_class = MembershipIndexView
    inspect_view_class = MembershipInspectView
    edit_view_class = RoleEditView
    form_fields = ["role"]
    filterset_class = MembershipFilterSet
    ordering = ["street__title", "house_number"]
    list_per_page = 50
    inspect_view_fields = [
        "user",
        "street",
        "house_number",
        "role",
        "status",
        "joined_via",
        "created_at",
        "decided_at",
    ]

    def get_form_class(self, for_update=False):
        return RoleForm


class GangmakerViewSet(MembershipViewSet):
    """The same members, only the street's current gangmakers."""

    name = "gangmakers"
    url_prefix = "programma/gangmakers"
    menu_label = _("Gangmakers")
    menu_order = 2
    icon = "group"
    index_view_class = GangmakerIndexView
    filterset_class = GangmakerFilterSet

    def register_admin_url_finder(self):
        # One edit URL per model: the memberships' (registered above) serves every membership.
        pass


@hooks.register("insert_global_admin_css")
def programme_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin-programme.css"))


@hooks.register("register_admin_viewset")
def register_programme():
    return [ProgrammeMenu(), MembershipViewSet(), GangmakerViewSet()]
