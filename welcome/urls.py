from django.urls import path

from . import views

app_name = "welcome"

urlpatterns = [
    path("straat/<int:street_id>/welkom/", views.welcome_list, name="list"),
    path("straat/<int:street_id>/welkom/nieuw/", views.note, name="note"),
    path("straat/<int:street_id>/welkom/<int:welcome_id>/", views.give, name="give"),
    path("straat/<int:street_id>/huishoudens/", views.households, name="households"),
    path("straat/<int:street_id>/huishoudens/nummers/", views.homes_edit, name="homes_edit"),
]
