from django.urls import path

from ops import views

app_name = "ops"

urlpatterns = [
    path("gezondheid/", views.health_view, name="health"),
    path("favicon.ico", views.favicon, name="favicon"),
]
