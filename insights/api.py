"""The read-only JSON API for municipal reporting: aggregates only, token per municipality.

Plain Django views: `Authorization: Bearer <token>`; 401 without a valid token, 404 for a wijk
or street outside the token's municipality. The OpenAPI 3 description below is served at
/api/signalen/v1/openapi.json and lists every path in `urls.api_urlpatterns`.
"""

from functools import wraps

from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from streets.models import NeighbourhoodPage, StreetPage

from .choices import ScopeKind
from .exports import json_response
from .figures import METRICS
from .figures.overview import CACHE_SECONDS, overview
from .forms import PeriodForm
from .services import authenticate_token
from .suppression import MIN_PEOPLE, SUPPRESSED


def _error(status: int, message: str, **extra) -> JsonResponse:
    response = JsonResponse({"error": message, **extra}, status=status)
    if status == 401:
        response["WWW-Authenticate"] = 'Bearer realm="signalen"'
    return response


def token_required(view):
    """Authenticate the bearer token; the view gets the token's municipality."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        scheme, _, raw = request.headers.get("Authorization", "").partition(" ")
        token = authenticate_token(raw.strip()) if scheme.lower() == "bearer" else None
        if token is None or not token.municipality.live:
            return _error(401, "Geen geldige API-sleutel.")
        return view(request, token.municipality, *args, **kwargs)

    return never_cache(require_GET(wrapped))


def _dashboard_response(request, kind, page, not_found: str = ""):
    """The dashboard of `page` for the asked period; 404 with `not_found` when there is no page."""
    if page is None:
        return _error(404, not_found)
    form = PeriodForm(request.GET)
    if form.is_bound and not form.is_valid():
        return _error(400, "Ongeldige periode.", fields=form.errors.get_json_data())
    start, end = form.period()
    return json_response(overview(kind, page, start, end).dashboard, download=False)


def _in_municipality(model, home, pk):
    return model.objects.descendant_of(home).live().filter(pk=pk).first()


@token_required
def municipality(request, home):
    return _dashboard_response(request, ScopeKind.MUNICIPALITY, home)


@token_required
def wijken(request, home):
    rows = NeighbourhoodPage.objects.child_of(home).live().order_by("title").values("id", "title")
    return JsonResponse({"wijken": list(rows)})


@token_required
def wijk(request, home, pk):
    page = _in_municipality(NeighbourhoodPage, home, pk)
    return _dashboard_response(
        request, ScopeKind.NEIGHBOURHOOD, page, "Deze wijk bestaat niet in uw gemeente."
    )


@token_required
def street(request, home, pk):
    page = _in_municipality(StreetPage, home, pk)
    return _dashboard_response(
        request, ScopeKind.STREET, page, "Deze straat bestaat niet in uw gemeente."
    )


@never_cache
@require_GET
def openapi(request):
    return JsonResponse(openapi_document(request.build_absolute_uri("/api/signalen/v1")))


_PERIOD_PARAMETERS = [
    {
        "name": "van",
        "in": "query",
        "required": False,
        "description": "Eerste dag van de periode (JJJJ-MM-DD). Zonder van en tot: de laatste twaalf maanden.",
        "schema": {"type": "string", "format": "date"},
    },
    {
        "name": "tot",
        "in": "query",
        "required": False,
        "description": "Laatste dag van de periode (JJJJ-MM-DD), hoogstens vijf jaar na van.",
        "schema": {"type": "string", "format": "date"},
    },
]
_ID_PARAMETER = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}
_VALUE = {
    "description": f'Een getal, of "{SUPPRESSED}" als het uit minder dan {MIN_PEOPLE} mensen is berekend.',
    "oneOf": [{"type": "number"}, {"type": "string", "enum": [SUPPRESSED]}, {"type": "null"}],
}


def _response(description: str, schema: str) -> dict:
    return {
        "description": description,
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema}"}}},
    }


_ERRORS = {"401": _response("Geen of een ongeldige API-sleutel.", "Error")}


def _dashboard_operation(summary: str, with_id: bool) -> dict:
    responses = {
        "200": _response("De kengetallen, kleine aantallen onderdrukt.", "Dashboard"),
        "400": _response("Ongeldige periode.", "Error"),
        **_ERRORS,
    }
    if with_id:
        responses["404"] = _response("Niet in de gemeente van deze sleutel.", "Error")
    return {
        "get": {
            "summary": summary,
            "parameters": ([_ID_PARAMETER] if with_id else []) + _PERIOD_PARAMETERS,
            "responses": responses,
        }
    }


def _figures_schema() -> dict:
    """Every figure the dashboards compute, by key, with its Dutch label and unit."""
    return {
        "type": "object",
        "properties": {
            metric.key: {
                "description": str(metric.label) + (f" ({metric.unit})" if metric.unit else ""),
                "$ref": "#/components/schemas/Value",
            }
            for metric in METRICS
        },
        "additionalProperties": {"$ref": "#/components/schemas/Value"},
    }


def openapi_document(server_url: str) -> dict:
    """The API's OpenAPI 3.1 description (hand-written: four small read-only endpoints)."""
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Lief & Leed signalen",
            "version": "1.0.0",
            "description": (
                "Alleen-lezen kengetallen van de Lief & Leedstraten van één gemeente, voor "
                "gemeentelijke rapportage. Geen persoonsgegevens; elk getal dat uit minder dan "
                f'{MIN_PEOPLE} mensen is berekend, staat er als "{SUPPRESSED}". '
                f"De cijfers zijn hoogstens {CACHE_SECONDS // 60} minuten oud. "
                "Een coördinator maakt de sleutel aan onder Signalen → API-sleutels."
            ),
        },
        "servers": [{"url": server_url}],
        "security": [{"bearer": []}],
        "paths": {
            "/gemeente/": _dashboard_operation(
                "Kengetallen van de hele gemeente, per straat", False
            ),
            "/wijken/": {
                "get": {
                    "summary": "De wijken van de gemeente",
                    "responses": {
                        "200": _response("Id en naam van elke wijk.", "Wijken"),
                        **_ERRORS,
                    },
                }
            },
            "/wijken/{id}/": _dashboard_operation("Kengetallen van één wijk, per straat", True),
            "/straten/{id}/": _dashboard_operation("Kengetallen van één straat", True),
            "/openapi.json": {
                "get": {
                    "summary": "Deze beschrijving",
                    "security": [],
                    "responses": {"200": {"description": "OpenAPI 3.1, JSON."}},
                }
            },
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": {
                "Error": {
                    "type": "object",
                    "properties": {"error": {"type": "string"}},
                    "required": ["error"],
                },
                "Value": _VALUE,
                "Wijken": {
                    "type": "object",
                    "properties": {
                        "wijken": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "id": {"type": "integer"},
                                    "title": {"type": "string"},
                                },
                            },
                        }
                    },
                },
                "Figures": _figures_schema(),
                "Dashboard": {
                    "type": "object",
                    "required": [
                        "scope",
                        "period",
                        "suppression",
                        "metrics",
                        "totals",
                        "streets",
                        "breakdowns",
                        "trends",
                    ],
                    "properties": {
                        "scope": {
                            "type": "object",
                            "properties": {
                                "kind": {"type": "string", "enum": ScopeKind.values},
                                "id": {"type": "integer"},
                                "title": {"type": "string"},
                            },
                        },
                        "period": {
                            "type": "object",
                            "properties": {
                                "from": {"type": "string", "format": "date"},
                                "to": {"type": "string", "format": "date"},
                            },
                        },
                        "suppression": {
                            "type": "object",
                            "properties": {
                                "min_people": {"type": "integer"},
                                "shown_as": {"type": "string"},
                            },
                        },
                        "metrics": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "key": {"type": "string"},
                                    "label": {"type": "string"},
                                    "unit": {"type": "string"},
                                },
                            },
                        },
                        "totals": {"$ref": "#/components/schemas/Figures"},
                        "streets": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "id": {"type": "integer"},
                                    "title": {"type": "string"},
                                    "wijk": {"type": "string"},
                                    "figures": {"$ref": "#/components/schemas/Figures"},
                                },
                            },
                        },
                        "breakdowns": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "key": {"type": "string"},
                                    "title": {"type": "string"},
                                    "unit": {"type": "string"},
                                    "rows": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "properties": {
                                                "label": {"type": "string"},
                                                "value": {"$ref": "#/components/schemas/Value"},
                                            },
                                        },
                                    },
                                },
                            },
                        },
                        "trends": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "properties": {
                                    "key": {"type": "string"},
                                    "label": {"type": "string"},
                                    "unit": {"type": "string"},
                                    "points": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "properties": {
                                                "month": {
                                                    "type": "string",
                                                    "pattern": "^\\d{4}-\\d{2}$",
                                                },
                                                "value": {"$ref": "#/components/schemas/Value"},
                                            },
                                        },
                                    },
                                },
                            },
                        },
                        "notes": {"type": "array", "items": {"type": "string"}},
                    },
                },
            },
        },
    }
