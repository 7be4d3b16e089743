from django.urls import path

from . import views

app_name = "surveys"

street = "straat/<int:street_id>/enquete/"
survey = street + "<int:survey_id>/"
answer = survey + "antwoorden/<int:response_id>/"

urlpatterns = [
    path(street, views.index, name="index"),
    path(street + "starten/", views.start, name="start"),
    path(survey + "aanpassen/", views.edit, name="edit"),
    path(survey + "sluiten/", views.close, name="close"),
    path(survey + "invullen/", views.answer, name="answer"),
    path(survey + "papier/", views.paper, name="paper"),
    path(survey + "afdrukken/", views.print_version, name="print"),
    path(survey + "resultaten/", views.results, name="results"),
    path(survey + "cijfers/", views.figures, name="figures"),
    path(survey + "mijn-antwoord/", views.mine, name="mine"),
    path(survey + "mijn-antwoord/downloaden/", views.mine_export, name="mine_export"),
    path(survey + "mijn-antwoord/verwijderen/", views.mine_delete, name="mine_delete"),
    path(answer, views.response_detail, name="response"),
    path(answer + "downloaden/", views.response_export, name="response_export"),
    path(answer + "verwijderen/", views.response_delete, name="response_delete"),
    path("wijk/<int:wijk_id>/enquetes/", views.wijk_surveys, name="wijk"),
    path("enquete/<slug:token>/", views.public_answer, name="public_answer"),
]
