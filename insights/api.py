"""The read-only JSON API for municipal reporting: aggregates only, one token per municipality.

`Authorization: Bearer <token>`; 401 without a valid token, 404 for a wijk or street outside
the token's municipality, 400 for a period the dashboard would refuse. The OpenAPI 3.1
description at /api/signalen/v1/openapi.json is generated from the typed schemas and
operations below, not written by hand.

Built on django-ninja rather than Django REST framework (both come with Wagtail): ninja
derives an OpenAPI 3.1 document from pydantic types on plain functions, which is all four
read-only endpoints need. DRF's own generator writes OpenAPI 3.0 (this API has promised
3.1), a complete description needs a further package (drf-spectacular), and it would bring
serializers, viewsets and authentication classes that this API has no use for. Ninja's interactive docs page loads Swagger UI from a CDN, which the
site's CSP forbids and which would make the browser call an outside server, so it is off:
the JSON document is served, nothing else.

The figures are the dashboard's own (`Dashboard.as_dict()`, suppressed in
`insights.figures.base.assemble`, the same JSON as the dashboard's export); ninja checks
every answer against the schema of its status before it goes out, and the schemas forbid
unknown keys, so a figure added without its description fails the tests instead of going
out undocumented. The schemas are plain pydantic models, not ninja's `Schema` (which wraps
every value for attribute access on ORM objects): checking a municipality of 2,000 streets
costs about 45 ms with them, 100 ms with `Schema`, next to 22 ms for encoding the JSON.
"""

import datetime
from typing import Annotated, Any, Literal

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.urls import URLPattern, path
from django.utils import translation
from django.views.decorators.cache import never_cache
from ninja import Field, NinjaAPI, Query, Schema, Status
from ninja.errors import AuthenticationError
from ninja.renderers import JSONRenderer
from ninja.security import HttpBearer
from pydantic import BaseModel, ConfigDict, WithJsonSchema, create_model
from wagtail.models import Page

from streets.models import NeighbourhoodPage, StreetPage

from .choices import ScopeKind
from .figures import METRICS
from .figures.effects import effect_report
from .figures.overview import CACHE_SECONDS, overview
from .forms import PeriodForm
from .services import authenticate_token
from .suppression import MIN_PEOPLE, SUPPRESSED

# --- Schemas: the contract. Field descriptions are Dutch: they are what a reader of the
# OpenAPI document sees.

type Value = Annotated[
    int | float | Literal[SUPPRESSED] | None,
    Field(
        description=f'Een getal, of "{SUPPRESSED}" als het uit minder dan {MIN_PEOPLE} '
        "mensen is berekend."
    ),
]


class Contract(BaseModel):
    # A key the schema does not know is an error (see the module docstring).
    model_config = ConfigDict(extra="forbid")


def _figures_schema() -> type[Contract]:
    """One field per figure the dashboards compute, described by its Dutch label and unit."""
    # The labels are gettext_lazy: fix them in the site's language, whichever request first
    # loads the URLconf.
    with translation.override(settings.LANGUAGE_CODE):
        fields = {
            metric.key: (
                Value,
                Field(description=str(metric.label) + (f" ({metric.unit})" if metric.unit else "")),
            )
            for metric in METRICS
        }
    return create_model("Figures", __base__=Contract, **fields)


Figures = _figures_schema()


class Scope(Contract):
    kind: Literal[tuple(ScopeKind.values)]
    id: int
    title: str


class Period(Contract):
    start: datetime.date = Field(alias="from")
    end: datetime.date = Field(alias="to")


class Suppression(Contract):
    min_people: int = Field(description="Getallen uit minder mensen staan er als shown_as.")
    shown_as: Literal[SUPPRESSED]


class Metric(Contract):
    key: str
    label: str
    unit: str


class StreetFigures(Contract):
    id: int
    title: str
    wijk: str
    figures: Figures


class BreakdownRow(Contract):
    label: str
    value: Value


class Breakdown(Contract):
    key: str
    title: str
    unit: str
    rows: list[BreakdownRow]


class TrendPoint(Contract):
    month: str = Field(pattern=r"^\d{4}-\d{2}$", description="JJJJ-MM")
    value: Value


class Trend(Contract):
    key: str
    label: str
    unit: str
    points: list[TrendPoint]


class Dashboard(Contract):
    scope: Scope
    period: Period
    suppression: Suppression
    metrics: list[Metric]
    totals: Figures
    streets: list[StreetFigures]
    breakdowns: list[Breakdown]
    trends: list[Trend]
    notes: list[str]


class Wijk(Contract):
    id: int
    title: str


class Wijken(Contract):
    wijken: list[Wijk]


class Error(Contract):
    error: str


class FieldError(Contract):
    message: str
    code: str


class PeriodError(Error):
    fields: dict[str, list[FieldError]] = Field(description="Per veld wat er mis is.")


# The period stays text here: PeriodForm, the dashboard page's own rule, parses and checks it,
# so the API accepts and refuses exactly what the page does, in the same words.
DateText = Annotated[str | None, WithJsonSchema({"type": "string", "format": "date"})]


class PeriodParams(Schema):
    van: DateText = Field(
        None,
        description="Eerste dag van de periode (JJJJ-MM-DD). Zonder van en tot: de laatste "
        "twaalf maanden.",
    )
    tot: DateText = Field(
        None, description="Laatste dag van de periode (JJJJ-MM-DD), hoogstens vijf jaar na van."
    )


# --- The API.


class BearerToken(HttpBearer):
    """A municipality's API token; `request.auth` becomes the token's (live) municipality."""

    def __call__(self, request: HttpRequest) -> Page | None:
        # ninja's own parsing logs the whole header under DEBUG when the scheme is not
        # Bearer, and that header may hold a secret.
        scheme, _, raw = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            return None
        return self.authenticate(request, raw.strip())

    def authenticate(self, request: HttpRequest, token: str) -> Page | None:
        found = authenticate_token(token)
        if found is None or not found.municipality.live:
            return None
        return found.municipality


class UnescapedJSONRenderer(JSONRenderer):
    # Street names as they are (ë, ï), like the dashboard's JSON export.
    json_dumps_params = {"ensure_ascii": False}


api = NinjaAPI(
    title="Lief & Leed signalen",
    version="1.0.0",
    description=(
        "Alleen-lezen kengetallen van de Lief & Leedstraten van één gemeente, voor "
        "gemeentelijke rapportage. Geen persoonsgegevens; elk getal dat uit minder dan "
        f'{MIN_PEOPLE} mensen is berekend, staat er als "{SUPPRESSED}". '
        f"De cijfers zijn hoogstens {CACHE_SECONDS // 60} minuten oud. "
        "Een coördinator maakt de sleutel aan onder Signalen → API-sleutels."
    ),
    openapi_url=None,  # served by the `openapi` operation below, with the server's address
    docs_url=None,  # Swagger UI from a CDN: see the module docstring
    urls_namespace="signalen_api",
    auth=BearerToken(),
    renderer=UnescapedJSONRenderer(),
)

UNAUTHORIZED = "Geen geldige API-sleutel."


@api.exception_handler(AuthenticationError)
def unauthorized(request: HttpRequest, exc: AuthenticationError):
    response = api.create_response(request, {"error": UNAUTHORIZED}, status=401)
    response["WWW-Authenticate"] = 'Bearer realm="signalen"'
    return response


def _responses(ok: str, schema: type[BaseModel], *, with_period: bool, with_id: bool) -> dict:
    """`response` and `openapi_extra` of an operation: each status's schema and Dutch text."""
    described = {200: (ok, schema), 401: ("Geen of een ongeldige API-sleutel.", Error)}
    if with_period:
        described[400] = ("Ongeldige periode.", PeriodError)
    if with_id:
        described[404] = ("Niet in de gemeente van deze sleutel.", Error)
    return {
        "response": {status: model for status, (_text, model) in described.items()},
        "openapi_extra": {
            "responses": {status: {"description": text} for status, (text, _m) in described.items()}
        },
    }


DASHBOARD = "De kengetallen, kleine aantallen onderdrukt."


def _dashboard(kind: str, page: Page, period: PeriodParams):
    """The figures of `page`, or a 400 saying what is wrong with the period."""
    form = PeriodForm(period.model_dump())
    if form.is_bound and not form.is_valid():
        return Status(400, {"error": "Ongeldige periode.", "fields": form.errors.get_json_data()})
    start, end = form.period()
    return overview(kind, page, start, end).dashboard.as_dict()


# No row has a larger id, and SQLite cannot even compare one (OverflowError, a 500).
LARGEST_ID = 2**63 - 1


def _in_municipality(model: type[Page], home: Page, pk: int) -> Page | None:
    if pk > LARGEST_ID:
        return None
    return model.objects.descendant_of(home).live().filter(pk=pk).first()


@api.get(
    "/gemeente/",
    url_name="api_municipality",
    summary="Kengetallen van de hele gemeente, per straat",
    by_alias=True,
    **_responses(DASHBOARD, Dashboard, with_period=True, with_id=False),
)
def municipality(request: HttpRequest, period: Query[PeriodParams]):
    return _dashboard(ScopeKind.MUNICIPALITY, request.auth, period)


@api.get(
    "/wijken/",
    url_name="api_wijken",
    summary="De wijken van de gemeente",
    **_responses("Id en naam van elke wijk.", Wijken, with_period=False, with_id=False),
)
def wijken(request: HttpRequest):
    rows = NeighbourhoodPage.objects.child_of(request.auth).live().order_by("title")
    return {"wijken": list(rows.values("id", "title"))}


@api.get(
    "/wijken/{int:id}/",
    url_name="api_wijk",
    summary="Kengetallen van één wijk, per straat",
    by_alias=True,
    **_responses(DASHBOARD, Dashboard, with_period=True, with_id=True),
)
def wijk(request: HttpRequest, id: int, period: Query[PeriodParams]):
    page = _in_municipality(NeighbourhoodPage, request.auth, id)
    if page is None:
        return Status(404, {"error": "Deze wijk bestaat niet in uw gemeente."})
    return _dashboard(ScopeKind.NEIGHBOURHOOD, page, period)


@api.get(
    "/straten/{int:id}/",
    url_name="api_street",
    summary="Kengetallen van één straat",
    by_alias=True,
    **_responses(DASHBOARD, Dashboard, with_period=True, with_id=True),
)
def street(request: HttpRequest, id: int, period: Query[PeriodParams]):
    page = _in_municipality(StreetPage, request.auth, id)
    if page is None:
        return Status(404, {"error": "Deze straat bestaat niet in uw gemeente."})
    return _dashboard(ScopeKind.STREET, page, period)


EFFECTS = (
    "De effectmeting (eenzaamheidsschaal van De Jong Gierveld en de stellingen van de gemeente): "
    'nulmeting en laatste jaarmeting per straat, wijk en gemeente. Kleine aantallen als "< 5"; '
    'cellen die een kleine groep uit de totalen zouden teruggeven als "×".'
)


def _effects_responses(with_id: bool) -> dict:
    described = {200: EFFECTS, 401: "Geen of een ongeldige API-sleutel."}
    if with_id:
        described[404] = "Niet in de gemeente van deze sleutel."
    return {
        "response": {200: dict[str, Any], 401: Error, **({404: Error} if with_id else {})},
        "openapi_extra": {
            "responses": {status: {"description": text} for status, text in described.items()}
        },
    }


@api.get(
    "/effecten/gemeente/",
    url_name="api_effects_municipality",
    summary="Effectmeting van de hele gemeente, per wijk en straat",
    **_effects_responses(with_id=False),
)
def effects_municipality(request: HttpRequest):
    return effect_report(ScopeKind.MUNICIPALITY, request.auth).as_dict()


@api.get(
    "/effecten/wijken/{int:id}/",
    url_name="api_effects_wijk",
    summary="Effectmeting van één wijk, per straat",
    **_effects_responses(with_id=True),
)
def effects_wijk(request: HttpRequest, id: int):
    page = _in_municipality(NeighbourhoodPage, request.auth, id)
    if page is None:
        return Status(404, {"error": "Deze wijk bestaat niet in uw gemeente."})
    return effect_report(ScopeKind.NEIGHBOURHOOD, page).as_dict()


@api.get(
    "/effecten/straten/{int:id}/",
    url_name="api_effects_street",
    summary="Effectmeting van één straat",
    **_effects_responses(with_id=True),
)
def effects_street(request: HttpRequest, id: int):
    page = _in_municipality(StreetPage, request.auth, id)
    if page is None:
        return Status(404, {"error": "Deze straat bestaat niet in uw gemeente."})
    return effect_report(ScopeKind.STREET, page).as_dict()


@api.get(
    "/openapi.json",
    auth=None,
    url_name="api_openapi",
    summary="Deze beschrijving",
    response={200: dict[str, Any]},
    openapi_extra={"responses": {200: {"description": "OpenAPI 3.1, JSON."}}},
)
def openapi(request: HttpRequest):
    document = api.get_openapi_schema(path_prefix="")
    root = request.build_absolute_uri(request.path.removesuffix("openapi.json"))
    document["servers"] = [{"url": root.rstrip("/")}]
    return JsonResponse(document)


def urlpatterns() -> list[URLPattern]:
    """The API's routes, for insights/urls.py.

    Never cached (a token's answer is for that token only), and without the empty root view
    ninja adds (it only answers 404), so every route is one documented operation.
    """
    patterns, _app_name, _namespace = api.urls
    return [
        path(str(pattern.pattern), never_cache(pattern.callback), name=pattern.name)
        for pattern in patterns
        if pattern.name != "api-root"
    ]
