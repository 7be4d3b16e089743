from django.urls import include, path

from . import views

app_name = "network"

TOPIC = "uitwisseling/onderwerp/<int:topic_id>/"

urlpatterns = [
    path("uitwisseling/", views.index, name="index"),
    path("uitwisseling/landelijk/", views.exchange, name="national"),
    path("uitwisseling/landelijk/nieuw/", views.new_topic, name="national_new_topic"),
    path("uitwisseling/gemeente/<int:home_id>/", views.exchange, name="exchange"),
    path("uitwisseling/gemeente/<int:home_id>/nieuw/", views.new_topic, name="new_topic"),
    path(TOPIC, views.topic, name="topic"),
    path(f"{TOPIC}verbergen/", views.hide, name="hide_topic"),
    path(f"{TOPIC}melden/", views.report, name="report_topic"),
    path(f"{TOPIC}reactie/<int:reply_id>/verbergen/", views.hide, name="hide_reply"),
    path(f"{TOPIC}reactie/<int:reply_id>/melden/", views.report, name="report_reply"),
    path("gangmakers/wijk/<int:wijk_id>/", views.directory, name="directory"),
    path("gangmakers/bericht/<int:membership_id>/", views.contact, name="contact"),
    path("gangmakers/berichten/", views.inbox, name="inbox"),
    path("bijeenkomsten/", views.meetings, name="meetings"),
    path("bijeenkomsten/nieuw/", views.new_meeting, name="new_meeting"),
    path("bijeenkomsten/<int:meeting_id>/", views.meeting, name="meeting"),
    path("bijeenkomsten/<int:meeting_id>/aanwezig/", views.attend, name="attend"),
    path("bijeenkomsten/<int:meeting_id>/agenda.ics", views.meeting_ics, name="meeting_ics"),
    path("bijeenkomsten/<int:meeting_id>/uitnodiging/", views.invitation, name="invitation"),
    path("", include("network.newsletters.urls")),
]
