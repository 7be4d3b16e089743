"""The pot in the coordinator's programme menu: the municipality's settings and every street's
pots, limited to the coordinator's municipalities (streets.admin_scope).

Changes go through the pot's services, as on the coordinator's own pages (/potjes/), so they
are logged the same way. The ledger, expenses, tips and reminders stay out of the admin: the
gangmakers keep them on the street's pot page, and tips may be about someone's health.
"""

from decimal import Decimal

from django import forms
from django.db.models import Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.permissions import register_permission_policy

from home.models import HomePage
from streets.admin_scope import (
    MunicipalityPermissionPolicy,
    MunicipalityViewSet,
    RowTitleColumn,
    ScopedCreateView,
    ScopedEditView,
    ScopedIndexView,
    ScopedInspectView,
    StreetFilterSet,
    below_coordinated,
    with_wijk_title,
)

from .forms import AmountField, PotSettingsForm
from .models import Pot, PotSettings
from .services import save_settings, set_street_threshold

register_permission_policy(
    PotSettings,
    MunicipalityPermissionPolicy(PotSettings, "municipality__path", {"view", "add", "change"}),
)
# A pot is opened by the yearly job and by the coordinator's overview; here only its own
# four-eyes amount changes.
register_permission_policy(
    Pot, MunicipalityPermissionPolicy(Pot, "street__path", {"view", "change"})
)

ZERO = Decimal("0.00")


def _euro(amount) -> str:
    # A no-break space, so a narrow column never puts the euro sign on a line of its own.
    return "" if amount is None else f"€\u00a0{amount:.2f}".replace(".", ",")


class PotSettingsCreateForm(PotSettingsForm):
    class Meta(PotSettingsForm.Meta):
        fields = ["municipality", *PotSettingsForm.Meta.fields]


class PotSettingsIndexView(ScopedIndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("municipality")

    def get_add_url(self):
        # Offered while one of the user's municipalities has no settings of its own.
        without = below_coordinated(
            HomePage.objects.filter(pot_settings__isnull=True), self.request.user
        )
        return super().get_add_url() if without.exists() else None

    @cached_property
    def columns(self):
        return [
            RowTitleColumn(
                "municipality", self, label=_("Gemeente"), sort_key="municipality__title"
            ),
            Column(
                "yearly_amount",
                label=_("Bedrag per straat per jaar"),
                accessor=lambda row: _euro(row.yearly_amount),
            ),
            BooleanColumn("carry_over", label=_("Restant mee naar volgend jaar")),
            Column(
                "four_eyes_threshold",
                label=_("Vier ogen boven"),
                accessor=lambda row: _euro(row.four_eyes_threshold),
            ),
            Column("sensitive_text_days", label=_("Tekst over gezondheid bewaren (dagen)")),
        ]


class PotSettingsCreateView(ScopedCreateView):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        # The scoped view leaves the user's own municipalities; of those, the ones without.
        municipalities = form.fields["municipality"].queryset
        form.fields["municipality"].queryset = municipalities.filter(
            pot_settings__isnull=True
        ).order_by("title")
        return form

    def save_instance(self):
        return save_settings(self.form.save(commit=False), self.request.user)


class PotSettingsEditView(ScopedEditView):
    def save_instance(self):
        return save_settings(self.form.save(commit=False), self.request.user)


class PotSettingsViewSet(MunicipalityViewSet):
    model = PotSettings
    name = "pot_settings"
    url_prefix = "programma/potjes-instellingen"
    menu_label = _("Instellingen potjes")
    menu_order = 10
    icon = "cog"
    index_view_class = PotSettingsIndexView
    add_view_class = PotSettingsCreateView
    edit_view_class = PotSettingsEditView
    inspect_view_fields = [
        "municipality",
        "yearly_amount",
        "carry_over",
        "four_eyes_threshold",
        "sensitive_text_days",
    ]

    def get_form_class(self, for_update=False):
        return PotSettingsForm if for_update else PotSettingsCreateForm


class PotThresholdForm(forms.ModelForm):
    four_eyes_threshold = AmountField(
        label=_("Vier ogen boven (deze straat)"),
        required=False,
        allow_zero=True,
        help_text=_("Leeg: de instelling van de gemeente geldt."),
    )

    class Meta:
        model = Pot
        fields = ["four_eyes_threshold"]


class PotFilterSet(StreetFilterSet):
    class Meta:
        model = Pot
        fields = ["year"]


class PotIndexView(ScopedIndexView):
    def get_base_queryset(self):
        pots = super().get_base_queryset().select_related("street")
        return with_wijk_title(pots).annotate(balance=Coalesce(Sum("entries__amount"), ZERO))

    def get_list_more_buttons(self, instance):
        # The year's figures and ledger are on the street's own pages, with their own checks.
        report = reverse("pot:year_report", args=[instance.street_id, instance.year])
        return [
            *super().get_list_more_buttons(instance),
            MenuItem(_("Jaarverslag"), url=report, icon_name="doc-full", priority=30),
        ]

    @cached_property
    def columns(self):
        return [
            RowTitleColumn(
                "street", self, label=_("Straat"), accessor="street.title", sort_key="street__title"
            ),
            Column("wijk", label=_("Wijk"), accessor="wijk_title", sort_key="wijk_title"),
            Column("year", label=_("Jaar"), sort_key="year"),
            Column("balance", label=_("Saldo"), accessor=lambda row: _euro(row.balance)),
            Column(
                "four_eyes_threshold",
                label=_("Vier ogen (straat)"),
                accessor=lambda row: _euro(row.four_eyes_threshold),
            ),
            DateColumn("closed_at", label=_("Afgesloten op"), sort_key="closed_at"),
        ]


class PotInspectView(ScopedInspectView):
    def get_field_label(self, field_name, field):
        if field_name == "balance":
            return _("Saldo")
        return super().get_field_label(field_name, field)

    def get_balance_display_value(self):
        return _euro(self.object.balance())


class PotEditView(ScopedEditView):
    page_title = _("Vier ogen voor deze straat")

    def save_instance(self):
        threshold = self.form.cleaned_data["four_eyes_threshold"]
        return set_street_threshold(self.object, threshold, self.request.user)


class PotViewSet(MunicipalityViewSet):
    model = Pot
    name = "pots"
    url_prefix = "programma/potjes"
    menu_label = _("Potjes per straat")
    menu_order = 11
    icon = "table"
    index_view_class = PotIndexView
    inspect_view_class = PotInspectView
    edit_view_class = PotEditView
    filterset_class = PotFilterSet
    ordering = ["-year", "street__title"]
    list_per_page = 50
    inspect_view_fields = [
        "street",
        "year",
        "balance",
        "four_eyes_threshold",
        "opened_at",
        "closed_at",
    ]

    def get_form_class(self, for_update=False):
        return PotThresholdForm


@hooks.register("register_admin_viewset")
def register_pot_admin():
    return [PotSettingsViewSet(), PotViewSet()]
