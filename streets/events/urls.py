"""Street events' addresses, included by streets/urls.py: the names stay in the `streets`
namespace (streets:event_new, streets:street_ics, ...)."""

from django.urls import path

from . import views

urlpatterns = [
    path("straat/<int:street_id>/agenda.ics", views.street_ics, name="street_ics"),
    path("straat/<int:street_id>/activiteiten/nieuw/", views.event_new, name="event_new"),
    path(
        "straat/<int:street_id>/activiteiten/<int:event_id>/wijzigen/",
        views.event_edit,
        name="event_edit",
    ),
    path(
        "straat/<int:street_id>/activiteiten/<int:event_id>/afzeggen/",
        views.event_cancel,
        name="event_cancel",
    ),
    path(
        "straat/<int:street_id>/activiteiten/<int:event_id>/gaat-weer-door/",
        views.event_restore,
        name="event_restore",
    ),
    path(
        "straat/<int:street_id>/activiteiten/<int:event_id>/ik-kom/",
        views.event_rsvp,
        name="event_rsvp",
    ),
    path(
        "straat/<int:street_id>/activiteiten/<int:event_id>/aanwezigen/",
        views.event_attendees,
        name="event_attendees",
    ),
    path(
        "straat/<int:street_id>/activiteiten/<int:event_id>/agenda.ics",
        views.event_ics,
        name="event_ics",
    ),
    path(
        "straat/<int:street_id>/activiteiten/<int:event_id>/flyer/",
        views.event_flyer,
        name="event_flyer",
    ),
]
