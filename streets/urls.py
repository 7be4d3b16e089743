from django.urls import path

from . import event_views, views

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
]

# Street events: the gangmakers' form, "ik kom", iCal and printed material (event_views.py).
urlpatterns += [
    path("straat/<int:street_id>/agenda.ics", event_views.street_ics, name="street_ics"),
    path("straat/<int:street_id>/straatkaart/", event_views.street_card, name="street_card"),
    path("straat/<int:street_id>/activiteiten/nieuw/", event_views.event_new, name="event_new"),
    path(
        "straat/<int:street_id>/activiteiten/<int:event_id>/wijzigen/",
        event_views.event_edit,
        name="event_edit",
    ),
    path(
        "straat/<int:street_id>/activiteiten/<int:event_id>/afzeggen/",
        event_views.event_cancel,
        name="event_cancel",
    ),
    path(
        "straat/<int:street_id>/activiteiten/<int:event_id>/gaat-weer-door/",
        event_views.event_restore,
        name="event_restore",
    ),
    path(
        "straat/<int:street_id>/activiteiten/<int:event_id>/ik-kom/",
        event_views.event_rsvp,
        name="event_rsvp",
    ),
    path(
        "straat/<int:street_id>/activiteiten/<int:event_id>/aanwezigen/",
        event_views.event_attendees,
        name="event_attendees",
    ),
    path(
        "straat/<int:street_id>/activiteiten/<int:event_id>/agenda.ics",
        event_views.event_ics,
        name="event_ics",
    ),
    path(
        "straat/<int:street_id>/activiteiten/<int:event_id>/flyer/",
        event_views.event_flyer,
        name="event_flyer",
    ),
]
