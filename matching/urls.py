from django.urls import path

from . import views

app_name = "matching"

BOARD = "straat/<int:street_id>/prikbord/"
HELP = "straat/<int:street_id>/hulp/"

urlpatterns = [
    # The board: posts, reports and moderation.
    path(BOARD, views.board, name="board"),
    path(f"{BOARD}vraag/nieuw/", views.new_request, name="new_request"),
    path(f"{BOARD}aanbod/nieuw/", views.new_offer, name="new_offer"),
    path(f"{BOARD}<int:post_id>/wijzigen/", views.edit, name="edit"),
    path(f"{BOARD}<int:post_id>/intrekken/", views.withdraw, name="withdraw"),
    path(f"{BOARD}<int:post_id>/verlengen/", views.renew, name="renew"),
    path(f"{BOARD}<int:post_id>/melden/", views.report, name="report"),
    path(f"{BOARD}moderatie/", views.moderation, name="moderation"),
    path(f"{BOARD}moderatie/<int:post_id>/goedkeuren/", views.approve, name="approve"),
    path(f"{BOARD}moderatie/<int:post_id>/verbergen/", views.hide, name="hide"),
    path(f"{BOARD}moderatie/<int:post_id>/terugzetten/", views.restore, name="restore"),
    path(
        f"{BOARD}moderatie/melding/<int:report_id>/afhandelen/",
        views.dismiss_report,
        name="dismiss_report",
    ),
    path(f"{BOARD}instellingen/", views.board_settings, name="settings"),
    # Matches: a member's own help, the gangmaker's overview and door list.
    path(HELP, views.my_help, name="my_help"),
    path(f"{HELP}overzicht/", views.overview, name="match_overview"),
    path(f"{HELP}deurlijst/", views.door_list, name="door_list"),
    path(f"{HELP}rooster/nieuw/", views.rota_new, name="rota_new"),
    path(f"{HELP}rooster/<int:rota_id>/", views.rota_detail, name="rota"),
    path(f"{HELP}rooster/<int:rota_id>/antwoord/", views.rota_answer, name="rota_answer"),
    path(f"{HELP}rooster/<int:rota_id>/plannen/", views.rota_plan, name="rota_plan"),
    path(f"{HELP}rooster/<int:rota_id>/invullen/", views.rota_fill, name="rota_fill"),
    path(f"{HELP}rooster/<int:rota_id>/ruilen/", views.rota_swap, name="rota_swap"),
    path(f"{HELP}rooster/<int:rota_id>/afdrukken/", views.rota_print, name="rota_print"),
    path(f"{HELP}<int:match_id>/", views.detail, name="match_detail"),
    path(f"{HELP}<int:match_id>/gelukt/", views.feedback, name="match_feedback"),
    path(f"{HELP}<int:match_id>/<slug:action>/", views.step, name="match_step"),
    path("berichten/voorkeuren/", views.preferences, name="preferences"),
]
