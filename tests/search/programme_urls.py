"""The project's URLs plus a stand-in for the programme app's "apply for your street" page,
so the search page's link to it can be tested before that app is merged."""

from django.http import HttpResponse
from django.urls import include, path

from cms.urls import urlpatterns as project_urlpatterns

programme_patterns = ([path("aanmelden/", lambda r: HttpResponse(), name="apply")], "programme")

urlpatterns = [path("programma/", include(programme_patterns)), *project_urlpatterns]
