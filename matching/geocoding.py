"""Turn a home address into coordinates: the only module that talks to a geocoding service.

Two services, chosen by the GEOCODER setting (cms/settings/base.py, from DJANGO_GEOCODER and
its options; read at call time, so tests can switch it):

    GEOCODER = {
        "backend": "pdok",          # "pdok" (Dutch BAG addresses), "nominatim" or "none"
        "timeout": 5,               # seconds per HTTP request
        "user_agent": "...",        # both services ask for an identifying agent
        "min_delay_seconds": 1,     # geopy RateLimiter: at most one request a second
        "max_retries": 0,           # see below
        "error_wait_seconds": 5,    # pause before a retry
        "domain": None,             # another host for the same API, e.g. a local mirror
    }

The default backend is "none": no address leaves the server until a deployment chooses a
service. geocode_address() never raises; it returns a GeocodeResult whose `error` says what
went wrong. Retries default to 0 because the caller is a background job that simply tries
again later, and geopy logs the address it retries, which is personal data.

Call it from a background task after an address was saved, never while a person waits for a
page. The rate limit holds per process: with several workers, raise min_delay_seconds.

Logging: this module logs error codes, never the address. geopy itself logs the request URL
(at DEBUG), an error page's body and, when retrying, the query; LOGGING gives the "geopy"
logger accounts.logfilters.WithoutArgumentsFilter, which drops those values.
"""

import logging
import re
import traceback
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache, partial
from urllib.parse import urlencode

from django.conf import settings
from django.core import checks
from geopy.exc import (
    GeocoderParseError,
    GeocoderQuotaExceeded,
    GeocoderTimedOut,
    GeocoderUnavailable,
    GeopyError,
)
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import Nominatim
from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder, options
from geopy.location import Location

logger = logging.getLogger(__name__)

BACKENDS = ("pdok", "nominatim", "none")


class GeocodeError:
    """The reasons a GeocodeResult can carry in `error` (stable codes, for logs and retries)."""

    DISABLED = "disabled"
    CONFIGURATION = "configuration"
    EMPTY_ADDRESS = "empty_address"
    NOT_FOUND = "not_found"
    OUTSIDE_STREET = "outside_street"
    TIMEOUT = "timeout"
    RATE_LIMITED = "rate_limited"
    UNAVAILABLE = "unavailable"
    INVALID_RESPONSE = "invalid_response"
    FAILED = "failed"


@dataclass(frozen=True)
class GeocodeResult:
    """Coordinates when `ok`; otherwise `error` is one of GeocodeError's codes."""

    ok: bool
    latitude: float | None = None
    longitude: float | None = None
    address: str = ""
    error: str = ""


_POINT = re.compile(r"\s*POINT\s*\(\s*(-?\d+(?:\.\d+)?)\s+(-?\d+(?:\.\d+)?)\s*\)\s*")
_POSTCODE = re.compile(r"\s*(\d{4})\s*([A-Za-z]{2})\s*")


class PDOKLocatieserver(Geocoder):
    """The PDOK Locatieserver: the Dutch government's address search on the BAG, no key.

    geopy has no class for it. One request: /free?q=...&fq=type:adres&rows=1 answers
    {"response": {"docs": [{"centroide_ll": "POINT(lon lat)", ...}]}}.
    """

    api_path = "/bzk/locatieserver/search/v3_1/free"

    def __init__(
        self,
        *,
        domain="api.pdok.nl",
        scheme=None,
        timeout=DEFAULT_SENTINEL,
        proxies=DEFAULT_SENTINEL,
        user_agent=None,
        ssl_context=DEFAULT_SENTINEL,
        adapter_factory=None,
    ):
        super().__init__(
            scheme=scheme,
            timeout=timeout,
            proxies=proxies,
            user_agent=user_agent,
            ssl_context=ssl_context,
            adapter_factory=adapter_factory,
        )
        self.api = f"{self.scheme}://{domain.strip('/')}{self.api_path}"

    def geocode(self, query, *, exactly_one=True, limit=None, timeout=DEFAULT_SENTINEL):
        """Location (or a list of them) for a free-text Dutch address; None when unknown."""
        params = {
            "q": query,
            "fq": "type:adres",
            "rows": 1 if exactly_one else (limit or 10),
            "fl": "weergavenaam,postcode,centroide_ll",
        }
        url = f"{self.api}?{urlencode(params)}"
        callback = partial(self._parse_json, exactly_one=exactly_one)
        return self._call_geocoder(url, callback, timeout=timeout)

    def _parse_json(self, page, exactly_one):
        try:
            docs = page["response"]["docs"]
        except (TypeError, KeyError) as error:
            raise GeocoderParseError("PDOK answered without response.docs") from error
        if not isinstance(docs, list):
            raise GeocoderParseError("PDOK's response.docs is not a list")
        locations = [self._parse_doc(doc) for doc in docs]
        if not locations:
            return None
        return locations[0] if exactly_one else locations

    @staticmethod
    def _parse_doc(doc) -> Location:
        point = doc.get("centroide_ll") if isinstance(doc, dict) else None
        found = _POINT.fullmatch(point) if isinstance(point, str) else None
        if not found:
            raise GeocoderParseError("PDOK address without a POINT(lon lat) centroid")
        longitude, latitude = float(found.group(1)), float(found.group(2))
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise GeocoderParseError("PDOK centroid out of range")
        return Location(str(doc.get("weergavenaam", "")), (latitude, longitude), doc)


def check_geocoder_setting(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    """A system check (registered in MatchingConfig.ready()): a misspelt DJANGO_GEOCODER stops
    the start instead of failing every address later."""
    backend = settings.GEOCODER["backend"]
    if backend in BACKENDS:
        return []
    return [
        checks.Error(
            f"GEOCODER backend {backend!r} is not one of {', '.join(BACKENDS)}.",
            hint="Set DJANGO_GEOCODER to pdok, nominatim or none.",
            id="matching.E001",
        )
    ]


@lru_cache(maxsize=4)
def _rate_limited(config_items: tuple, adapter_factory) -> RateLimiter:
    """One client per configuration, kept, so the rate limit spans calls in a process.

    `adapter_factory` is geopy's default at the time of the call: it is part of the key so a
    different HTTP adapter (a test's canned one) gets its own client.
    """
    config = dict(config_items)
    common = {"timeout": config["timeout"], "user_agent": config["user_agent"]}
    if config["domain"]:
        common["domain"] = config["domain"]
    if config["backend"] == "pdok":
        geocode = partial(PDOKLocatieserver(**common).geocode, exactly_one=True)
    else:
        geocode = partial(Nominatim(**common).geocode, exactly_one=True, country_codes="nl")
    return RateLimiter(
        geocode,
        min_delay_seconds=config["min_delay_seconds"],
        max_retries=config["max_retries"],
        error_wait_seconds=max(config["error_wait_seconds"], config["min_delay_seconds"]),
        swallow_exceptions=False,
    )


def _normalise_postcode(value: str) -> str | None:
    found = _POSTCODE.fullmatch(value or "")
    return f"{found.group(1)} {found.group(2).upper()}" if found else None


def build_query(street_name: str, house_number: str, postcodes, city: str) -> str:
    """ "Zwaanshals 12, 3035 KS Rotterdam": the postcode only when the street has just one."""
    codes = _postcode_set(postcodes)
    postcode = next(iter(codes)) if len(codes) == 1 else ""
    home = " ".join(filter(None, (street_name.strip(), house_number.strip())))
    place = " ".join(filter(None, (postcode, city.strip())))
    return ", ".join(filter(None, (home, place)))


def _postcode_set(postcodes) -> set[str]:
    if isinstance(postcodes, str):
        postcodes = postcodes.split(",")
    return {code for code in map(_normalise_postcode, postcodes or ()) if code}


def geocode_address(
    street_name: str,
    house_number: str,
    postcodes: Iterable[str] | str = (),
    city: str = "",
) -> GeocodeResult:
    """Coordinates for one home on a street; never raises.

    `postcodes` are the street's postcodes (StreetPage.postcode_list(), or its stored
    comma-separated text). When PDOK names a postcode outside them, the result is refused as
    `outside_street`: a street of the same name in another town is no neighbour.
    """
    config = settings.GEOCODER
    if config["backend"] == "none":
        return GeocodeResult(ok=False, error=GeocodeError.DISABLED)
    if config["backend"] not in BACKENDS:
        logger.error("GEOCODER backend %r is not one of %s", config["backend"], BACKENDS)
        return GeocodeResult(ok=False, error=GeocodeError.CONFIGURATION)
    if not (street_name or "").strip() or not (house_number or "").strip():
        return GeocodeResult(ok=False, error=GeocodeError.EMPTY_ADDRESS)

    query = build_query(street_name, house_number, postcodes, city or "")
    try:
        geocode = _rate_limited(tuple(sorted(config.items())), options.default_adapter_factory)
        location = geocode(query)
    except GeocoderQuotaExceeded:
        return _failure(GeocodeError.RATE_LIMITED)
    except GeocoderTimedOut:
        return _failure(GeocodeError.TIMEOUT)
    except GeocoderUnavailable:
        return _failure(GeocodeError.UNAVAILABLE)
    except GeocoderParseError:
        return _failure(GeocodeError.INVALID_RESPONSE)
    except GeopyError:
        return _failure(GeocodeError.FAILED)
    except Exception as error:
        # Whatever else breaks (a bad setting, a library bug) must not reach the caller,
        # which is a background job that will simply try this address again later. The
        # exception's text may quote the query, so the log gets its class and stack only.
        stack = "".join(traceback.format_tb(error.__traceback__))
        logger.error("Geocoding failed unexpectedly: %s\n%s", type(error).__name__, stack)
        return GeocodeResult(ok=False, error=GeocodeError.FAILED)

    if location is None:
        return GeocodeResult(ok=False, error=GeocodeError.NOT_FOUND)
    found_postcode = location.raw.get("postcode") if isinstance(location.raw, dict) else None
    expected = _postcode_set(postcodes)
    if found_postcode and expected and _normalise_postcode(str(found_postcode)) not in expected:
        return GeocodeResult(ok=False, address=location.address, error=GeocodeError.OUTSIDE_STREET)
    return GeocodeResult(
        ok=True, latitude=location.latitude, longitude=location.longitude, address=location.address
    )


def _failure(error: str) -> GeocodeResult:
    # The address is personal data: log what went wrong, not where.
    logger.warning("Geocoding failed: %s", error)
    return GeocodeResult(ok=False, error=error)
