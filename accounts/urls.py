from django.contrib.auth import views as auth_views
from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("inloggen/", views.LoginView.as_view(), name="login"),
    path("uitloggen/", auth_views.LogoutView.as_view(), name="logout"),
    path("gegevens/", views.account, name="account"),
    path("tweestapsverificatie/", views.setup, name="two_factor_setup"),
    path("tweestapsverificatie/code/", views.verify, name="two_factor_verify"),
    path(
        "tweestapsverificatie/reservecodes/",
        views.backup_codes,
        name="two_factor_backup_codes",
    ),
    path("mijn-gegevens/", views.my_data, name="my_data"),
    path("mijn-gegevens/downloadlink/", views.create_download, name="create_download"),
    path("mijn-gegevens/download/<str:token>/", views.download, name="download_data"),
    path("verwijderen/", views.delete_account, name="delete_account"),
    path("wachtwoord/", views.password_change, name="password_change"),
    path("wachtwoord/gewijzigd/", views.password_change_done, name="password_change_done"),
    path("wachtwoord-vergeten/", views.password_reset, name="password_reset"),
    path("wachtwoord-vergeten/verstuurd/", views.password_reset_done, name="password_reset_done"),
    path(
        "wachtwoord-vergeten/<uidb64>/<token>/",
        views.password_reset_confirm,
        name="password_reset_confirm",
    ),
    path(
        "wachtwoord-vergeten/klaar/",
        views.password_reset_complete,
        name="password_reset_complete",
    ),
]
