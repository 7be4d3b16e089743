from django.urls import path

from . import views

app_name = "pot"

expense = "straat/<int:street_id>/potje/uitgave/<int:expense_id>"

urlpatterns = [
    path("straat/<int:street_id>/potje/", views.pot_page, name="pot"),
    path("straat/<int:street_id>/potje/<int:year>/", views.pot_page, name="pot_year"),
    path(
        "straat/<int:street_id>/potje/<int:year>/uitgave/nieuw/",
        views.expense_new,
        name="expense_new",
    ),
    path(
        "straat/<int:street_id>/potje/<int:year>/jaarverslag/",
        views.year_report,
        name="year_report",
    ),
    path(
        "straat/<int:street_id>/potje/<int:year>/vier-ogen/",
        views.street_threshold,
        name="street_threshold",
    ),
    path(f"{expense}/", views.expense_detail, name="expense"),
    path(f"{expense}/goedkeuren/", views.expense_approve, name="expense_approve"),
    path(f"{expense}/afkeuren/", views.expense_decline, name="expense_decline"),
    path(f"{expense}/corrigeren/", views.expense_reverse, name="expense_reverse"),
    path(f"{expense}/bonnetje/", views.receipt, name="receipt"),
    path(f"{expense}/bonnetje/toevoegen/", views.receipt_upload, name="receipt_upload"),
    path("straat/<int:street_id>/tip/", views.tip_new, name="tip_new"),
    path("straat/<int:street_id>/attentie/nieuw/", views.attention_new, name="attention_new"),
    path("straat/<int:street_id>/potje/kaart/", views.card, name="card"),
    path(
        "straat/<int:street_id>/potje/tip/<int:tip_id>/afgehandeld/",
        views.tip_handled,
        name="tip_handled",
    ),
    path(
        "straat/<int:street_id>/potje/tip/<int:tip_id>/terzijde/",
        views.tip_dismiss,
        name="tip_dismiss",
    ),
    path(
        "straat/<int:street_id>/potje/herinnering/<int:reminder_id>/klaar/",
        views.reminder_done,
        name="reminder_done",
    ),
    path("potjes/", views.overview_start, name="overview_start"),
    path("potjes/<int:home_id>/", views.overview, name="overview"),
    path("potjes/<int:home_id>/export.csv", views.export_csv, name="export_csv"),
    path("potjes/<int:home_id>/export.xlsx", views.export_xlsx, name="export_xlsx"),
    path("potjes/<int:home_id>/openen/", views.open_missing_pots, name="open_missing_pots"),
    path("potjes/<int:home_id>/instellingen/", views.settings_edit, name="settings"),
]
