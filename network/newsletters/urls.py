from django.urls import path

from . import views

# Included by network/urls.py, so the names are in the `network:` namespace.
urlpatterns = [
    path(
        "nieuwsbrief/<int:newsletter_id>/aanmelden/",
        views.subscribe,
        name="newsletter_subscribe",
    ),
    path(
        "nieuwsbrief/<int:newsletter_id>/aangemeld/",
        views.subscribed,
        name="newsletter_subscribed",
    ),
    path("nieuwsbrief/bevestigen/<str:token>/", views.confirm, name="newsletter_confirm"),
    path("nieuwsbrief/afmelden/<str:token>/", views.unsubscribe, name="newsletter_unsubscribe"),
    path("nieuwsbrief/voorkeuren/", views.preferences, name="newsletter_preferences"),
    path(
        "nieuwsbrief/uitgave/<int:issue_id>/afdrukken/",
        views.print_issue,
        name="newsletter_print",
    ),
]
