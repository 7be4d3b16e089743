from django.urls import include, path, register_converter

from . import api
from .choices import ScopeKind
from .views import care_signals, dashboards, effects, questions, tokens

app_name = "insights"


class ScopeConverter:
    """gemeente | wijk | straat in the URL, so one view serves all three dashboards."""

    regex = "|".join(ScopeKind.values)

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


class FormatConverter:
    regex = "csv|json"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(ScopeConverter, "scope")
register_converter(FormatConverter, "format")

api_urlpatterns = api.urlpatterns()

urlpatterns = [
    path("signalen/", dashboards.index, name="index"),
    path("signalen/<scope:kind>/<int:pk>/", dashboards.dashboard, name="dashboard"),
    path("signalen/<scope:kind>/<int:pk>/export.<format:fmt>", dashboards.export, name="export"),
    path(
        "signalen/straat/<int:street_id>/jaarverslag/",
        dashboards.yearly_report,
        name="yearly_report",
    ),
    path("signalen/<scope:kind>/<int:pk>/effecten/", effects.effects, name="effects"),
    path(
        "signalen/<scope:kind>/<int:pk>/effecten.<format:fmt>",
        effects.effects_export,
        name="effects_export",
    ),
    path("signalen/<scope:kind>/<int:pk>/verslag/", effects.scope_report, name="scope_report"),
    path("signalen/gemeente/<int:pk>/api-sleutels/", tokens.tokens, name="tokens"),
    path(
        "signalen/gemeente/<int:pk>/api-sleutels/<int:token_id>/intrekken/",
        tokens.revoke,
        name="revoke_token",
    ),
    path("zorgsignalen/", care_signals.staff_signals, name="staff_signals"),
    path("zorgsignalen/<int:pk>/", care_signals.staff_signal, name="staff_signal"),
    path("zorgsignalen/<int:pk>/in-behandeling/", care_signals.acknowledge, name="acknowledge"),
    path("zorgsignalen/<int:pk>/notitie/", care_signals.note, name="note"),
    path("zorgsignalen/<int:pk>/afsluiten/", care_signals.close, name="close"),
    path("straat/<int:street_id>/zorgsignalen/", care_signals.my_signals, name="my_signals"),
    path("straat/<int:street_id>/zorgsignalen/nieuw/", care_signals.raise_new, name="raise_signal"),
    path("straat/<int:street_id>/zorgsignalen/<int:pk>/", care_signals.my_signal, name="my_signal"),
    # Welzijn as a sounding board: questions without names, apart from care signals.
    path("straat/<int:street_id>/vraag-het-welzijn/", questions.questions, name="questions"),
    path("welzijnsvragen/", questions.staff_questions, name="staff_questions"),
    path("welzijnsvragen/<int:pk>/", questions.staff_question, name="staff_question"),
    path("api/signalen/v1/", include(api_urlpatterns)),
]
