from django.urls import include, path

from . import views

app_name = "streets"

urlpatterns = [
    path("mijn-straten/", views.my_streets, name="my_streets"),
    path("straat/<int:street_id>/aanmelden/", views.join, name="join"),
    path("doe-mee/<str:code>/", views.join_by_code, name="join_by_code"),
    path("straat/<int:street_id>/uitschrijven/", views.leave, name="leave"),
    path("straat/<int:street_id>/bewoners/", views.members, name="members"),
    path("straat/<int:street_id>/bewoners/nieuw/", views.register_offline, name="register_offline"),
    path(
        "straat/<int:street_id>/bewoners/<int:membership_id>/goedkeuren/",
        views.approve,
        name="approve",
    ),
    path(
        "straat/<int:street_id>/bewoners/<int:membership_id>/afwijzen/",
        views.decline,
        name="decline",
    ),
    path(
        "straat/<int:street_id>/bewoners/<int:membership_id>/rol/",
        views.change_role,
        name="change_role",
    ),
    path("straat/<int:street_id>/straatkaart/", views.street_card, name="street_card"),
    # Street events: the gangmakers' form, "ik kom", iCal and the flyer.
    path("", include("streets.events.urls")),
    # Spare keys and emergency contacts (streets/safety/).
    path("", include("streets.safety.urls")),
]
