"""Geocoding: canned answers through a fake geopy adapter; no test touches the network."""

import json
from types import SimpleNamespace
from urllib.parse import parse_qs, urlsplit

import pytest
from geopy.adapters import AdapterHTTPError, BaseSyncAdapter
from geopy.exc import GeocoderParseError, GeocoderTimedOut, GeocoderUnavailable
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import options

from matching.geocoding import GeocodeError, build_query, geocode_address

PDOK_ZWAANSHALS_12 = json.dumps(
    {
        "response": {
            "numFound": 1,
            "start": 0,
            "docs": [
                {
                    "weergavenaam": "Zwaanshals 12, 3035KS Rotterdam",
                    "postcode": "3035KS",
                    "centroide_ll": "POINT(4.46893 51.93039)",
                }
            ],
        }
    }
)
PDOK_NOTHING = json.dumps({"response": {"numFound": 0, "start": 0, "docs": []}})


class CannedAdapter(BaseSyncAdapter):
    """Answers each request with the next canned text, or raises the next canned error."""

    def __init__(self, *, proxies, ssl_context, service):
        super().__init__(proxies=proxies, ssl_context=ssl_context)
        self.service = service

    def get_text(self, url, *, timeout, headers):
        self.service.calls.append(SimpleNamespace(url=url, timeout=timeout, headers=headers))
        answer = self.service.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    def get_json(self, url, *, timeout, headers):
        text = self.get_text(url, timeout=timeout, headers=headers)
        try:
            return json.loads(text)
        except ValueError as error:
            # What geopy's own adapters raise for a body that is not JSON.
            raise GeocoderParseError("not JSON") from error


@pytest.fixture
def service(monkeypatch, settings):
    """A fake geocoding service: put answers in `.answers`, read requests from `.calls`."""
    fake = SimpleNamespace(answers=[], calls=[])
    monkeypatch.setattr(
        options,
        "default_adapter_factory",
        lambda proxies, ssl_context: CannedAdapter(
            proxies=proxies, ssl_context=ssl_context, service=fake
        ),
    )
    settings.GEOCODER = {
        **settings.GEOCODER,
        "backend": "pdok",
        "timeout": 3,
        "user_agent": "liefleed-tests",
        "min_delay_seconds": 0,
        "error_wait_seconds": 0,
    }
    return fake


def query_of(call):
    return {key: values[0] for key, values in parse_qs(urlsplit(call.url).query).items()}


def test_an_address_is_found_with_its_coordinates_through_pdok(service):
    service.answers.append(PDOK_ZWAANSHALS_12)

    result = geocode_address("Zwaanshals", "12", ["3035 KS"], "Rotterdam")

    assert result.ok
    assert (result.latitude, result.longitude) == (51.93039, 4.46893)
    assert result.address == "Zwaanshals 12, 3035KS Rotterdam"
    [call] = service.calls
    assert call.url.startswith("https://api.pdok.nl/bzk/locatieserver/search/v3_1/free?")
    assert query_of(call)["q"] == "Zwaanshals 12, 3035 KS Rotterdam"
    assert query_of(call)["fq"] == "type:adres"
    assert call.timeout == 3
    assert call.headers["User-Agent"] == "liefleed-tests"


def test_an_unknown_address_is_reported_as_not_found(service):
    service.answers.append(PDOK_NOTHING)

    result = geocode_address("Nergensstraat", "1", "", "Rotterdam")

    assert not result.ok
    assert result.error == GeocodeError.NOT_FOUND
    assert result.latitude is None


def test_a_street_of_the_same_name_in_another_town_is_refused(service):
    service.answers.append(PDOK_ZWAANSHALS_12)

    result = geocode_address("Zwaanshals", "12", "3072AB, 3072AC", "Rotterdam")

    assert not result.ok
    assert result.error == GeocodeError.OUTSIDE_STREET


@pytest.mark.parametrize(
    ("answer", "error"),
    [
        (GeocoderTimedOut("Service timed out"), GeocodeError.TIMEOUT),
        (GeocoderUnavailable("Service not available"), GeocodeError.UNAVAILABLE),
        (
            AdapterHTTPError("Too Many Requests", status_code=429, headers={}, text=""),
            GeocodeError.RATE_LIMITED,
        ),
        (
            AdapterHTTPError("Server Error", status_code=500, headers={}, text="oops"),
            GeocodeError.FAILED,
        ),
        ("<html>Onderhoud</html>", GeocodeError.INVALID_RESPONSE),
        (
            '{"response": {"docs": [{"centroide_ll": "POINT(hier ergens)"}]}}',
            GeocodeError.INVALID_RESPONSE,
        ),
        (
            '{"response": {"docs": [{"centroide_ll": "POINT(4.4 123.0)"}]}}',
            GeocodeError.INVALID_RESPONSE,
        ),
        ('{"error": "bad request"}', GeocodeError.INVALID_RESPONSE),
        ("[1, 2, 3]", GeocodeError.INVALID_RESPONSE),
    ],
)
def test_a_failing_service_gives_a_clear_result_and_never_an_exception(service, answer, error):
    service.answers.append(answer)

    result = geocode_address("Zwaanshals", "12", ["3035 KS"], "Rotterdam")

    assert result == type(result)(ok=False, error=error)


def test_nominatim_can_be_chosen_instead_and_is_kept_to_the_netherlands(service, settings):
    settings.GEOCODER = {**settings.GEOCODER, "backend": "nominatim"}
    service.answers.append(
        json.dumps([{"lat": "51.9304", "lon": "4.4689", "display_name": "12, Zwaanshals"}])
    )

    result = geocode_address("Zwaanshals", "12", ["3035 KS"], "Rotterdam")

    assert result.ok
    assert (result.latitude, result.longitude) == (51.9304, 4.4689)
    [call] = service.calls
    assert urlsplit(call.url).netloc == "nominatim.openstreetmap.org"
    assert query_of(call)["countrycodes"] == "nl"


def test_with_no_geocoder_configured_no_address_leaves_the_server(service, settings):
    settings.GEOCODER = {**settings.GEOCODER, "backend": "none"}

    assert geocode_address("Zwaanshals", "12", [], "Rotterdam").error == GeocodeError.DISABLED
    settings.GEOCODER = {**settings.GEOCODER, "backend": "google"}
    assert geocode_address("Zwaanshals", "12", [], "Rotterdam").error == GeocodeError.CONFIGURATION
    assert service.calls == []


def test_an_address_without_street_or_number_is_not_sent(service):
    assert geocode_address("", "12", [], "Rotterdam").error == GeocodeError.EMPTY_ADDRESS
    assert geocode_address("Zwaanshals", "  ", [], "Rotterdam").error == GeocodeError.EMPTY_ADDRESS
    assert service.calls == []


def test_requests_to_the_service_are_spaced_by_the_configured_rate_limit(
    service, settings, monkeypatch
):
    settings.GEOCODER = {**settings.GEOCODER, "min_delay_seconds": 1.5}
    service.answers.extend([PDOK_ZWAANSHALS_12, PDOK_ZWAANSHALS_12])
    # A clock that only moves when the rate limiter sleeps, so the test waits for nothing.
    clock = SimpleNamespace(now=100.0, slept=[])

    def sleep(self, seconds):
        clock.slept.append(seconds)
        clock.now += seconds

    monkeypatch.setattr(RateLimiter, "_clock", lambda self: clock.now)
    monkeypatch.setattr(RateLimiter, "_sleep", sleep)

    assert geocode_address("Zwaanshals", "12", [], "Rotterdam").ok
    assert geocode_address("Zwaanshals", "14", [], "Rotterdam").ok

    assert clock.slept == [pytest.approx(1.5)]
    assert len(service.calls) == 2


def test_the_query_names_the_postcode_only_when_the_street_has_one():
    assert build_query("Zwaanshals", "12", ["3035ks"], "Rotterdam") == (
        "Zwaanshals 12, 3035 KS Rotterdam"
    )
    assert build_query("Bergweg", "40-2", "3036 AB, 3036 AC", "Rotterdam") == (
        "Bergweg 40-2, Rotterdam"
    )
    assert build_query("Bergweg", "7", [], "") == "Bergweg 7"
