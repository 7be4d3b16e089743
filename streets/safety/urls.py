"""The safety net's addresses, included by streets/urls.py in the `streets` namespace."""

from django.urls import path

from . import views

_NET = "straat/<int:street_id>/sleutels-en-noodcontacten/<int:net_id>/"

urlpatterns = [
    path("straat/<int:street_id>/sleutels-en-noodcontacten/", views.home, name="safety"),
    path(
        "straat/<int:street_id>/sleutels-en-noodcontacten/toestemming/",
        views.consent,
        name="safety_consent",
    ),
    path(
        "straat/<int:street_id>/sleutels-en-noodcontacten/overzicht/",
        views.overview,
        name="safety_overview",
    ),
    path(
        "straat/<int:street_id>/sleutels-en-noodcontacten/inschrijven/",
        views.register,
        name="safety_register",
    ),
    path(_NET, views.detail, name="safety_detail"),
    path(_NET + "noodkaart/", views.card, name="safety_card"),
    path(_NET + "sleutel/", views.key_add, name="safety_key_add"),
    path(_NET + "sleutel/<int:key_id>/verwijderen/", views.key_remove, name="safety_key_remove"),
    path(_NET + "noodcontact/", views.contact_add, name="safety_contact_add"),
    path(
        _NET + "noodcontact/<int:contact_id>/verwijderen/",
        views.contact_remove,
        name="safety_contact_remove",
    ),
    path(_NET + "intrekken/", views.withdraw, name="safety_withdraw"),
]
