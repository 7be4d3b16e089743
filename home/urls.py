from django.urls import path

from . import views

app_name = "home"

urlpatterns = [
    path("letters/", views.set_letter_size, name="set_letter_size"),
]
