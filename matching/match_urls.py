from django.urls import path

from . import match_views as views

HELP = "straat/<int:street_id>/hulp/"

urlpatterns = [
    path(HELP, views.my_help, name="my_help"),
    path(f"{HELP}overzicht/", views.overview, name="match_overview"),
    path(f"{HELP}deurlijst/", views.door_list, name="door_list"),
    path(f"{HELP}<int:match_id>/", views.detail, name="match_detail"),
    path(f"{HELP}<int:match_id>/gelukt/", views.feedback, name="match_feedback"),
    path(f"{HELP}<int:match_id>/<slug:action>/", views.step, name="match_step"),
    path("berichten/voorkeuren/", views.preferences, name="preferences"),
]
