from django.urls import path

from . import views

app_name = "effects"

street = "straat/<int:street_id>/effectmeting/"
effect_round = street + "<int:round_id>/"

urlpatterns = [
    path(street, views.index, name="index"),
    path(street + "starten/", views.start, name="start"),
    path(effect_round + "sluiten/", views.close, name="close"),
    path(effect_round + "invullen/", views.answer, name="answer"),
    path(effect_round + "papier/", views.paper, name="paper"),
    path(effect_round + "afdrukken/", views.print_version, name="print"),
    path("effectmeting/<slug:token>/", views.public_answer, name="public_answer"),
    path(
        "gemeente/<int:municipality_id>/effectmeting/stellingen/",
        views.seed_items,
        name="seed_items",
    ),
]
