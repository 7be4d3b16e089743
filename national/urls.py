from django.urls import path

from . import views

app_name = "national"

urlpatterns = [
    path("landelijk/interesse/", views.interest, name="interest"),
    path("landelijk/interesse/bedankt/", views.interest_done, name="interest_done"),
    path("landelijk/cijfers/", views.figures, name="figures"),
    path("landelijk/aanmeldingen/", views.submissions, name="submissions"),
    path(
        "landelijk/aanmeldingen/<int:submission_id>/afgehandeld/",
        views.handle_submission,
        name="handle_submission",
    ),
]
