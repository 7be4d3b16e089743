from django.urls import path

from . import views

app_name = "programme"

application = "programma/aanmelding/<int:application_id>"

urlpatterns = [
    path("straat-aanmelden/", views.apply, name="apply"),
    path("straat-aanmelden/verstuurd/", views.apply_done, name="apply_done"),
    path("programma/", views.programme_start, name="start"),
    path("programma/<int:home_id>/aanmeldingen/", views.applications, name="applications"),
    path(f"{application}/", views.application_detail, name="application"),
    path(f"{application}/stand/", views.application_state, name="application_state"),
    path(f"{application}/notities/", views.application_notes, name="application_notes"),
    path(f"{application}/starten/", views.application_start, name="application_start"),
    path("programma/<int:home_id>/startpakketten/", views.packs, name="packs"),
    path(
        "programma/<int:home_id>/startpakketten/<int:street_id>/vastleggen/",
        views.pack_record,
        name="pack_record",
    ),
    path("programma/startpakket/<int:pack_id>/verstuurd/", views.pack_sent, name="pack_sent"),
    path(
        "straat/<int:street_id>/startpakket/<int:pack_id>/ontvangen/",
        views.pack_received,
        name="pack_received",
    ),
    path(
        "straat/<int:street_id>/gangmaker-worden/", views.become_gangmaker, name="become_gangmaker"
    ),
    path(
        "straat/<int:street_id>/gangmaker-verzoeken/",
        views.gangmaker_requests,
        name="gangmaker_requests",
    ),
    path(
        "straat/<int:street_id>/gangmaker-verzoeken/<int:request_id>/",
        views.decide_gangmaker_request,
        name="decide_gangmaker_request",
    ),
    path("programma/<int:home_id>/groei/", views.growth, name="growth"),
    path("programma/<int:home_id>/groei.csv", views.growth_csv, name="growth_csv"),
    path("programma/<int:home_id>/groei.xlsx", views.growth_xlsx, name="growth_xlsx"),
    path(
        "programma/<int:home_id>/stille-straten/<int:street_id>/",
        views.quiet_street,
        name="quiet_street",
    ),
]
