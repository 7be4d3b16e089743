"""Whatever is typed into a form or a query string, the site answers without a server error.

Each form's fields are read from the page itself (every input, select and textarea), so a
field added later is fuzzed too. Values come from hypothesis: NUL bytes, lone surrogates
(sent as the invalid UTF-8 bytes a browser would send), 10 kB strings, right-to-left text,
HTML and script, `javascript:` links and template syntax.
"""

import re
import time
from urllib.parse import quote

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from home.forms import TIMESTAMP_FIELD, start_token
from insights.services import create_api_token
from tests.home.factories import FormFieldFactory, FormPageFactory
from tests.security.conftest import street_objects

pytestmark = pytest.mark.django_db

HOSTILE = (
    "\x00",
    "a\x00b",
    "\ud800",
    "abc\udfff",
    "x" * 10_240,
    "\u202eevil\u202c",
    "مرحبا بالجيران",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "{{ 7*7 }}",
    "{% debug %}",
    "${7*7}",
    "-1",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "2026-02-30",
    "0:ochtend",
    "",
    " ",
)

hostile_values = st.one_of(
    st.sampled_from(HOSTILE),
    st.text(max_size=40),
    st.lists(st.sampled_from(HOSTILE), min_size=1, max_size=3).map("".join),
)

_FIELD_NAME = re.compile(r'<(?:input|select|textarea)\b[^>]*\bname="([^"]+)"')
_SKIPPED_FIELDS = {"csrfmiddlewaretoken", TIMESTAMP_FIELD}


def field_names(html: str) -> list[str]:
    return sorted(set(_FIELD_NAME.findall(html)) - _SKIPPED_FIELDS)


def encode(pairs) -> str:
    """urlencode by hand so lone surrogates arrive as the invalid bytes a browser would send."""
    return "&".join(
        f"{quote(key, safe='')}={quote(value, safe='', errors='surrogatepass')}"
        for key, value in pairs
    )


FUZZ_SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# (url name, kwargs keys from street A's objects, role that may use the form)
FORMS = [
    ("streets:join", ("street_id",), None),
    ("streets:join", ("street_id",), "bewoner_b"),
    ("streets:register_offline", ("street_id",), "gangmaker_a"),
    ("streets:event_new", ("street_id",), "gangmaker_a"),
    ("streets:event_edit", ("street_id", "event_id"), "gangmaker_a"),
    ("matching:new_request", ("street_id",), "bewoner_a"),
    ("matching:new_offer", ("street_id",), "bewoner_a"),
    ("matching:edit", ("street_id", "post_id"), "bewoner_a"),
    ("matching:report", ("street_id", "post_id"), "gangmaker_a"),
    ("matching:hide", ("street_id", "post_id"), "gangmaker_a"),
    ("matching:settings", ("street_id",), "gangmaker_a"),
    ("pot:expense_new", ("street_id", "year"), "gangmaker_a"),
    ("pot:expense_reverse", ("street_id", "expense_id"), "gangmaker_a"),
    ("pot:street_threshold", ("street_id", "year"), "coordinator"),
    ("pot:tip_new", ("street_id",), "bewoner_a"),
    ("surveys:answer", ("street_id", "survey_id"), "bewoner_a"),
    ("surveys:paper", ("street_id", "survey_id"), "gangmaker_a"),
    ("effects:answer", ("street_id", "round_id"), "bewoner_a"),
    ("effects:paper", ("street_id", "round_id"), "gangmaker_a"),
    ("insights:raise_signal", ("street_id",), "gangmaker_a"),
    ("insights:note", ("signal_id",), "welzijn_a"),
    ("insights:close", ("signal_id",), "welzijn_a"),
    ("insights:questions", ("street_id",), "gangmaker_a"),
    ("insights:staff_question", ("question_id",), "welzijn_a"),
    ("streets:safety_consent", ("street_id",), "gangmaker_a"),
    ("streets:safety_register", ("street_id",), "gangmaker_a"),
    ("streets:safety_key_add", ("street_id", "net_id"), "bewoner_a"),
    ("streets:safety_contact_add", ("street_id", "net_id"), "bewoner_a"),
    ("accounts:login", (), None),
    ("accounts:password_reset", (), None),
    ("network:newsletter_subscribe", ("newsletter_id",), None),
    ("network:newsletter_preferences", (), "gangmaker_a"),
]


@pytest.fixture
def objects_a(world):
    objects = street_objects(world, world.street_a, world.gangmaker_a, world.bewoner_a)
    return {**objects, "street_id": world.street_a.pk}


def _url(name: str, keys, objects: dict) -> str:
    renamed = {"signal_id": "pk", "question_id": "pk"}
    return reverse(name, kwargs={renamed.get(key, key): objects[key] for key in keys})


# POST-only actions whose form is shown on another page.
FORM_SHOWN_ON = {"insights:note": "insights:staff_signal"}


def _fuzz_form(client, url: str, extra=(), shown_on: str | None = None):
    page = client.get(shown_on or url)
    assert page.status_code == 200, f"{url} did not show its form"
    names = field_names(page.content.decode())
    assert names, f"no form fields found on {url}"

    @FUZZ_SETTINGS
    @given(data=st.data())
    def check(data):
        pairs = [(name, data.draw(hostile_values, label=name)) for name in names]
        response = client.post(
            url,
            data=encode([*pairs, *extra]),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code < 500, pairs
        query = client.get(f"{url}?{encode(pairs)}")
        assert query.status_code < 500, pairs

    check()


@pytest.mark.parametrize(
    ("name", "keys", "role"), FORMS, ids=[f"{n}-{r or 'anonymous'}" for n, _k, r in FORMS]
)
def test_hostile_values_in_every_field_never_cause_a_server_error(
    client, world, objects_a, name, keys, role
):
    if role:
        client.force_login(getattr(world, role))
    shown_on = FORM_SHOWN_ON.get(name)
    _fuzz_form(
        client,
        _url(name, keys, objects_a),
        shown_on=shown_on and _url(shown_on, keys, objects_a),
    )


def test_hostile_values_in_the_contact_form_never_cause_a_server_error(client, home):
    page = FormPageFactory(parent=home)
    FormFieldFactory(page=page, label="Uw vraag", field_type="multiline")
    FormFieldFactory(page=page, label="Uw e-mailadres", field_type="email", required=False)
    _fuzz_form(client, page.url, extra=[(TIMESTAMP_FIELD, start_token(time.time() - 30))])


@FUZZ_SETTINGS
@given(query=hostile_values, page=hostile_values)
def test_hostile_search_queries_never_cause_a_server_error(client, world, query, page):
    response = client.get(f"{reverse('search')}?{encode([('q', query), ('page', page)])}")
    assert response.status_code < 500


@FUZZ_SETTINGS
@given(value=hostile_values)
def test_hostile_query_parameters_on_member_pages_never_cause_a_server_error(
    login, world, objects_a, value
):
    client = login(world.gangmaker_a)
    urls = [
        reverse("matching:board", kwargs={"street_id": objects_a["street_id"]}),
        reverse("pot:pot", kwargs={"street_id": objects_a["street_id"]}),
        reverse("insights:yearly_report", kwargs={"street_id": objects_a["street_id"]}),
        reverse("streets:members", kwargs={"street_id": objects_a["street_id"]}),
    ]
    params = ("q", "page", "jaar", "year", "categorie", "category", "status", "periode", "van")
    for url in urls:
        response = client.get(f"{url}?{encode([(param, value) for param in params])}")
        assert response.status_code < 500, url


def _as_a_server_reads_it(header: str) -> str:
    """A header as a WSGI server hands it on: the bytes sent, read as Latin-1."""
    return header.encode("utf-8", "surrogatepass").decode("latin-1")


@FUZZ_SETTINGS
@given(
    van=hostile_values,
    tot=hostile_values,
    token=hostile_values,
    object_id=st.integers(min_value=0, max_value=10**30),
)
def test_hostile_periods_ids_and_tokens_on_the_api_never_cause_a_server_error(
    client, world, van, tot, token, object_id
):
    real_token = create_api_token(world.home, "Fuzz", None)[1]
    query = encode([("van", van), ("tot", tot)])
    urls = [
        reverse("insights:api_municipality"),
        reverse("insights:api_wijken"),
        reverse("insights:api_wijk", kwargs={"id": object_id}),
        reverse("insights:api_street", kwargs={"id": object_id}),
        reverse("insights:api_wijk", kwargs={"id": world.wijk.pk}),
    ]
    for url in urls:
        for authorization in (f"Bearer {real_token}", f"Bearer {token}", token):
            response = client.get(
                f"{url}?{query}", HTTP_AUTHORIZATION=_as_a_server_reads_it(authorization)
            )
            assert response.status_code in (200, 400, 401, 404), (url, response.status_code)
            assert response["Content-Type"].startswith("application/json"), url
