from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from accounts import views as account_views
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("account/", include("accounts.urls")),
    path("privacy/", account_views.privacy_page, name="privacy"),
    path("taal/", account_views.set_language, name="set_language"),
    path("zoeken/", search_views.search, name="search"),
    path("", include("home.urls")),
    path("", include("ops.urls")),
    path("", include("streets.urls")),
    path("", include("matching.urls")),
    path("", include("insights.urls")),
    path("", include("pot.urls")),
    path("", include("surveys.urls")),
    path("", include("network.urls")),
    path("", include("programme.urls")),
    path("", include("effects.urls")),
    path("", include("welcome.urls")),
    path("", include("national.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail serves the page tree for everything not matched above; it must stay last.
    path("", include(wagtail_urls)),
]
