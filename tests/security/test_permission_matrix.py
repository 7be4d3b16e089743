"""Every URL of the site, for every role, against street A's objects: nothing leaks.

The table ROUTES is checked against the URL configuration, so a new view without an entry
fails `test_every_url_pattern_has_an_entry_in_the_permission_table`: add how to build its
kwargs and which roles may use it. Every request runs inside a transaction that is rolled
back, so one world serves the whole matrix and allowed changes don't disturb the next row.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.security.conftest import api_token_id, db_snapshot, route_kwargs

pytestmark = pytest.mark.django_db

ROLES = (
    "anonymous",
    "bewoner_a",
    "bewoner_b",
    "gangmaker_a",
    "gangmaker_b",
    "welzijn_a",
    "welzijn_other",
    "coordinator",
    "national",
)
ALL = frozenset(ROLES)
USERS = ALL - {"anonymous"}
NOBODY = frozenset()
MEMBERS_A = frozenset({"bewoner_a", "gangmaker_a"})
GANGMAKER_A = frozenset({"gangmaker_a"})
MANAGERS_A = frozenset({"gangmaker_a", "coordinator"})
WELZIJN_A = frozenset({"welzijn_a"})
STAFF_A = frozenset({"welzijn_a", "coordinator"})
COORDINATOR = frozenset({"coordinator"})
# The gangmakers' exchange and directory: both gangmakers (same municipality and wijk) and the
# coordinator; nobody else.
NETWORK = frozenset({"gangmaker_a", "gangmaker_b", "coordinator"})
# The national coordinator (issue 19): figures across municipalities and the interest forms,
# the national exchange and meetings; no street's personal data (every street route refuses).
NATIONAL = frozenset({"national"})
NATIONAL_NETWORK = NETWORK | NATIONAL
STAFF = frozenset({"welzijn_a", "welzijn_other", "coordinator"})
# Spare keys and emergency contacts: the person (bewoner_a) and the street's gangmakers. The
# key holder is not a matrix role: tests/streets/test_safety.py checks the holder's reach.
PERSON_AND_GANGMAKER_A = frozenset({"bewoner_a", "gangmaker_a"})

# URL prefixes that are not ours to check here: Wagtail's admin and documents have their own
# permission system (tested in tests/streets/test_admin_permissions.py), and the catch-all
# serves pages whose privacy is Wagtail's page privacy.
SKIPPED_PREFIXES = ("admin/", "documents/", "static/", "media/", "_util/")
SKIPPED_NAMES = {"set_language", "wagtail_serve"}


@dataclass(frozen=True)
class Route:
    """How to build a pattern's kwargs from street A's objects, and who may use it.

    `get` and `post` are the roles that may use the method (anyone else must be refused:
    anonymous visitors sent to the login page, others 403/404/405).
    """

    kwargs: Callable[[dict], dict]
    get: frozenset
    post: frozenset


def _none(o):
    return {}


def _street(o):
    return {"street_id": o["street_id"]}


def _with(*keys, **renamed):
    def build(o):
        kwargs = _street(o)
        kwargs.update({key: o[key] for key in keys})
        kwargs.update({new: o[old] for new, old in renamed.items()})
        return kwargs

    return build


ROUTES: dict[str, Route] = {
    # Accounts: public forms and the person's own pages.
    "accounts:login": Route(_none, ALL, ALL),
    "accounts:logout": Route(_none, NOBODY, ALL),
    "accounts:account": Route(_none, USERS, USERS),
    "accounts:two_factor_setup": Route(_none, USERS, USERS),
    "accounts:two_factor_verify": Route(_none, USERS, USERS),
    "accounts:two_factor_backup_codes": Route(_none, NOBODY, USERS),
    "accounts:my_data": Route(_none, USERS, USERS),
    "accounts:create_download": Route(_none, NOBODY, USERS),
    "accounts:download_data": Route(lambda o: {"token": "geraden-token"}, NOBODY, NOBODY),
    "accounts:delete_account": Route(_none, USERS, USERS),
    "accounts:password_change": Route(_none, USERS, USERS),
    "accounts:password_change_done": Route(_none, USERS, USERS),
    "accounts:password_reset": Route(_none, ALL, ALL),
    "accounts:password_reset_done": Route(_none, ALL, ALL),
    "accounts:password_reset_confirm": Route(
        lambda o: {"uidb64": "MQ", "token": "geraden-token"}, ALL, ALL
    ),
    "accounts:password_reset_complete": Route(_none, ALL, ALL),
    "privacy": Route(_none, ALL, ALL),
    "search": Route(_none, ALL, ALL),
    "home:set_letter_size": Route(_none, ALL, ALL),
    "ops:health": Route(_none, ALL, ALL),
    "ops:favicon": Route(_none, ALL, NOBODY),
    # Streets: joining, members, events.
    "streets:my_streets": Route(_none, USERS, USERS),
    "streets:join": Route(_street, ALL, ALL),
    "streets:join_by_code": Route(lambda o: {"code": "geraden-code"}, ALL, ALL),
    "streets:leave": Route(_street, MEMBERS_A, MEMBERS_A),
    "streets:members": Route(_street, MANAGERS_A, MANAGERS_A),
    "streets:register_offline": Route(_street, MANAGERS_A, MANAGERS_A),
    "streets:approve": Route(_with("membership_id"), MANAGERS_A, MANAGERS_A),
    "streets:decline": Route(_with("membership_id"), MANAGERS_A, MANAGERS_A),
    "streets:change_role": Route(
        _with(membership_id="member_membership_id"), MANAGERS_A, MANAGERS_A
    ),
    "streets:street_ics": Route(_street, ALL, ALL),
    "streets:street_card": Route(_street, MANAGERS_A, MANAGERS_A),
    "streets:event_new": Route(_street, MANAGERS_A, MANAGERS_A),
    "streets:event_edit": Route(_with("event_id"), MANAGERS_A, MANAGERS_A),
    "streets:event_cancel": Route(_with("event_id"), MANAGERS_A, MANAGERS_A),
    "streets:event_restore": Route(_with("event_id"), MANAGERS_A, MANAGERS_A),
    "streets:event_rsvp": Route(_with("event_id"), MEMBERS_A, MEMBERS_A),
    "streets:event_attendees": Route(_with("event_id"), MANAGERS_A, MANAGERS_A),
    "streets:event_ics": Route(_with("event_id"), ALL, ALL),
    "streets:event_flyer": Route(_with("event_id"), MANAGERS_A, MANAGERS_A),
    # Between streets: the gangmakers' exchange, the wijk's directory, messages.
    "network:index": Route(_none, NATIONAL_NETWORK, NATIONAL_NETWORK),
    "network:national": Route(_none, NATIONAL_NETWORK, NATIONAL_NETWORK),
    "network:national_new_topic": Route(_none, NATIONAL_NETWORK, NATIONAL_NETWORK),
    "network:exchange": Route(lambda o: {"home_id": o["home_id"]}, NETWORK, NETWORK),
    "network:new_topic": Route(lambda o: {"home_id": o["home_id"]}, NETWORK, NETWORK),
    "network:topic": Route(lambda o: {"topic_id": o["topic_id"]}, NETWORK, NETWORK),
    "network:report_topic": Route(lambda o: {"topic_id": o["topic_id"]}, NETWORK, NETWORK),
    "network:report_reply": Route(
        lambda o: {"topic_id": o["topic_id"], "reply_id": o["reply_id"]}, NETWORK, NETWORK
    ),
    "network:hide_topic": Route(lambda o: {"topic_id": o["topic_id"]}, COORDINATOR, COORDINATOR),
    "network:hide_reply": Route(
        lambda o: {"topic_id": o["topic_id"], "reply_id": o["reply_id"]}, COORDINATOR, COORDINATOR
    ),
    "network:directory": Route(lambda o: {"wijk_id": o["wijk_id"]}, NETWORK, NETWORK),
    "network:contact": Route(
        lambda o: {"membership_id": o["gangmaker_membership_id"]},
        frozenset({"gangmaker_b", "coordinator"}),
        frozenset({"gangmaker_b", "coordinator"}),
    ),
    "network:inbox": Route(_none, USERS, USERS),
    # A meeting for the gangmakers of wijk Noord, organised by the coordinator.
    "network:meetings": Route(_none, USERS, USERS),
    "network:new_meeting": Route(_none, COORDINATOR | NATIONAL, COORDINATOR | NATIONAL),
    "network:meeting": Route(lambda o: {"meeting_id": o["meeting_id"]}, NETWORK, NETWORK),
    "network:attend": Route(lambda o: {"meeting_id": o["meeting_id"]}, NETWORK, NETWORK),
    "network:meeting_ics": Route(lambda o: {"meeting_id": o["meeting_id"]}, NETWORK, NETWORK),
    # Newsletters: subscribing and the printed issue are public (an issue only once sent:
    # tests/network/test_newsletters.py); confirming and unsubscribing need a signed link.
    "network:newsletter_subscribe": Route(
        lambda o: {"newsletter_id": o["newsletter_id"]}, ALL, ALL
    ),
    "network:newsletter_subscribed": Route(
        lambda o: {"newsletter_id": o["newsletter_id"]}, ALL, NOBODY
    ),
    "network:newsletter_confirm": Route(lambda o: {"token": "geraden-token"}, NOBODY, NOBODY),
    "network:newsletter_unsubscribe": Route(lambda o: {"token": "geraden-token"}, NOBODY, NOBODY),
    "network:newsletter_preferences": Route(_none, USERS, USERS),
    "network:newsletter_print": Route(lambda o: {"issue_id": o["issue_id"]}, ALL, NOBODY),
    "network:invitation": Route(
        lambda o: {"meeting_id": o["meeting_id"]}, COORDINATOR, COORDINATOR
    ),
    "streets:safety": Route(_street, MEMBERS_A, MEMBERS_A),
    "streets:safety_consent": Route(_street, MEMBERS_A, MEMBERS_A),
    "streets:safety_overview": Route(_street, GANGMAKER_A, GANGMAKER_A),
    "streets:safety_register": Route(_street, GANGMAKER_A, GANGMAKER_A),
    "streets:safety_detail": Route(_with("net_id"), PERSON_AND_GANGMAKER_A, PERSON_AND_GANGMAKER_A),
    "streets:safety_card": Route(_with("net_id"), GANGMAKER_A, GANGMAKER_A),
    "streets:safety_key_add": Route(
        _with("net_id"), PERSON_AND_GANGMAKER_A, PERSON_AND_GANGMAKER_A
    ),
    "streets:safety_key_remove": Route(
        _with("net_id", "key_id"), PERSON_AND_GANGMAKER_A, PERSON_AND_GANGMAKER_A
    ),
    "streets:safety_contact_add": Route(
        _with("net_id"), PERSON_AND_GANGMAKER_A, PERSON_AND_GANGMAKER_A
    ),
    "streets:safety_contact_remove": Route(
        _with("net_id", "contact_id"), PERSON_AND_GANGMAKER_A, PERSON_AND_GANGMAKER_A
    ),
    "streets:safety_withdraw": Route(
        _with("net_id"), PERSON_AND_GANGMAKER_A, PERSON_AND_GANGMAKER_A
    ),
    # The help board.
    "matching:board": Route(_street, MEMBERS_A, MEMBERS_A),
    "matching:new_request": Route(_street, MEMBERS_A, MEMBERS_A),
    "matching:new_offer": Route(_street, MEMBERS_A, MEMBERS_A),
    "matching:edit": Route(_with("post_id"), MEMBERS_A, MEMBERS_A),
    "matching:withdraw": Route(_with("post_id"), MEMBERS_A, MEMBERS_A),
    "matching:renew": Route(_with("post_id"), MEMBERS_A, MEMBERS_A),
    "matching:report": Route(_with("post_id"), MEMBERS_A, MEMBERS_A),
    "matching:moderation": Route(_street, GANGMAKER_A, GANGMAKER_A),
    "matching:approve": Route(_with("post_id"), GANGMAKER_A, GANGMAKER_A),
    "matching:hide": Route(_with("post_id"), GANGMAKER_A, GANGMAKER_A),
    "matching:restore": Route(_with("post_id"), GANGMAKER_A, GANGMAKER_A),
    "matching:dismiss_report": Route(_with("report_id"), GANGMAKER_A, GANGMAKER_A),
    "matching:settings": Route(_street, GANGMAKER_A, GANGMAKER_A),
    "matching:my_help": Route(_street, MEMBERS_A, MEMBERS_A),
    "matching:match_overview": Route(_street, MANAGERS_A, MANAGERS_A),
    "matching:door_list": Route(_street, MANAGERS_A, MANAGERS_A),
    # Care rotas: the requester (bewoner_a) and the managers see it; changes by POST only.
    "matching:rota_new": Route(_street, MANAGERS_A, MANAGERS_A),
    "matching:rota": Route(_with("rota_id"), MEMBERS_A, MEMBERS_A),
    "matching:rota_answer": Route(_with("rota_id"), NOBODY, MEMBERS_A),
    "matching:rota_plan": Route(_with("rota_id"), NOBODY, MANAGERS_A),
    "matching:rota_fill": Route(_with("rota_id"), NOBODY, MANAGERS_A),
    "matching:rota_swap": Route(_with("rota_id"), NOBODY, MANAGERS_A),
    "matching:rota_print": Route(_with("rota_id"), MANAGERS_A, MANAGERS_A),
    "matching:match_detail": Route(_with("match_id"), MEMBERS_A, MEMBERS_A),
    "matching:match_feedback": Route(_with("match_id"), MEMBERS_A, MEMBERS_A),
    "matching:match_step": Route(
        lambda o: {**_with("match_id")(o), "action": "accepteren"}, MEMBERS_A, MEMBERS_A
    ),
    "matching:preferences": Route(_none, USERS, USERS),
    # Insights and care signals.
    "insights:index": Route(_none, STAFF, STAFF),
    "insights:dashboard": Route(
        lambda o: {"kind": "straat", "pk": o["street_id"]}, STAFF_A, STAFF_A
    ),
    "insights:export": Route(
        lambda o: {"kind": "straat", "pk": o["street_id"], "fmt": "csv"}, STAFF_A, STAFF_A
    ),
    "insights:yearly_report": Route(_street, STAFF_A | GANGMAKER_A, STAFF_A | GANGMAKER_A),
    "insights:tokens": Route(lambda o: {"pk": o["home_id"]}, COORDINATOR, COORDINATOR),
    "insights:revoke_token": Route(
        lambda o: {"pk": o["home_id"], "token_id": o["token_id"]}, COORDINATOR, COORDINATOR
    ),
    "insights:staff_signals": Route(
        _none, WELZIJN_A | {"welzijn_other"}, WELZIJN_A | {"welzijn_other"}
    ),
    "insights:staff_signal": Route(lambda o: {"pk": o["signal_id"]}, WELZIJN_A, WELZIJN_A),
    "insights:acknowledge": Route(lambda o: {"pk": o["signal_id"]}, WELZIJN_A, WELZIJN_A),
    "insights:note": Route(lambda o: {"pk": o["signal_id"]}, WELZIJN_A, WELZIJN_A),
    "insights:close": Route(lambda o: {"pk": o["signal_id"]}, WELZIJN_A, WELZIJN_A),
    "insights:my_signals": Route(_street, GANGMAKER_A, GANGMAKER_A),
    "insights:raise_signal": Route(_street, GANGMAKER_A, GANGMAKER_A),
    "insights:my_signal": Route(
        lambda o: {"street_id": o["street_id"], "pk": o["signal_id"]}, GANGMAKER_A, GANGMAKER_A
    ),
    "insights:questions": Route(_street, GANGMAKER_A, GANGMAKER_A),
    "insights:staff_questions": Route(_none, USERS, USERS),
    "insights:staff_question": Route(lambda o: {"pk": o["question_id"]}, WELZIJN_A, WELZIJN_A),
    "insights:api_municipality": Route(_none, NOBODY, NOBODY),
    "insights:api_wijken": Route(_none, NOBODY, NOBODY),
    "insights:api_wijk": Route(lambda o: {"id": o["wijk_id"]}, NOBODY, NOBODY),
    "insights:api_street": Route(lambda o: {"id": o["street_id"]}, NOBODY, NOBODY),
    "insights:api_openapi": Route(_none, ALL, ALL),
    "insights:effects": Route(lambda o: {"kind": "straat", "pk": o["street_id"]}, STAFF_A, STAFF_A),
    "insights:effects_export": Route(
        lambda o: {"kind": "straat", "pk": o["street_id"], "fmt": "json"}, STAFF_A, STAFF_A
    ),
    "insights:scope_report": Route(
        lambda o: {"kind": "wijk", "pk": o["wijk_id"]}, STAFF_A, STAFF_A
    ),
    "insights:api_effects_municipality": Route(_none, NOBODY, NOBODY),
    "insights:api_effects_wijk": Route(lambda o: {"id": o["wijk_id"]}, NOBODY, NOBODY),
    "insights:api_effects_street": Route(lambda o: {"id": o["street_id"]}, NOBODY, NOBODY),
    "effects:index": Route(_street, MEMBERS_A, MEMBERS_A),
    "effects:start": Route(_street, MANAGERS_A, MANAGERS_A),
    "effects:close": Route(_with("round_id"), MANAGERS_A, MANAGERS_A),
    "effects:answer": Route(_with("round_id"), MEMBERS_A, MEMBERS_A),
    "effects:paper": Route(_with("round_id"), MANAGERS_A, MANAGERS_A),
    "effects:print": Route(_with("round_id"), MANAGERS_A, MANAGERS_A),
    "effects:public_answer": Route(lambda o: {"token": o["round_token"]}, ALL, ALL),
    "effects:seed_items": Route(
        lambda o: {"municipality_id": o["home_id"]}, COORDINATOR, COORDINATOR
    ),
    # The pot.
    "pot:pot": Route(_street, MEMBERS_A, MEMBERS_A),
    "pot:pot_year": Route(_with("year"), MEMBERS_A, MEMBERS_A),
    "pot:expense_new": Route(_with("year"), MANAGERS_A, MANAGERS_A),
    "pot:year_report": Route(_with("year"), MEMBERS_A | COORDINATOR, MEMBERS_A | COORDINATOR),
    "pot:street_threshold": Route(_with("year"), MANAGERS_A, MANAGERS_A),
    "pot:expense": Route(_with("expense_id"), MEMBERS_A | COORDINATOR, MEMBERS_A | COORDINATOR),
    "pot:expense_approve": Route(_with("expense_id"), MANAGERS_A, MANAGERS_A),
    "pot:expense_decline": Route(_with("expense_id"), MANAGERS_A, MANAGERS_A),
    "pot:expense_reverse": Route(_with("expense_id"), MANAGERS_A, MANAGERS_A),
    "pot:receipt": Route(_with("expense_id"), MANAGERS_A, MANAGERS_A),
    "pot:receipt_upload": Route(_with("expense_id"), MANAGERS_A, MANAGERS_A),
    "pot:tip_new": Route(_street, MEMBERS_A, MEMBERS_A),
    "pot:attention_new": Route(_street, MEMBERS_A, MEMBERS_A),
    "pot:card": Route(_street, GANGMAKER_A, GANGMAKER_A),
    "pot:tip_handled": Route(_with("tip_id"), MANAGERS_A, MANAGERS_A),
    "pot:tip_dismiss": Route(_with("tip_id"), MANAGERS_A, MANAGERS_A),
    "pot:reminder_done": Route(_with("reminder_id"), MANAGERS_A, MANAGERS_A),
    "pot:overview_start": Route(_none, COORDINATOR, COORDINATOR),
    "pot:overview": Route(lambda o: {"home_id": o["home_id"]}, COORDINATOR, COORDINATOR),
    "pot:export_csv": Route(lambda o: {"home_id": o["home_id"]}, COORDINATOR, COORDINATOR),
    "pot:export_xlsx": Route(lambda o: {"home_id": o["home_id"]}, COORDINATOR, COORDINATOR),
    "pot:open_missing_pots": Route(lambda o: {"home_id": o["home_id"]}, COORDINATOR, COORDINATOR),
    "pot:settings": Route(lambda o: {"home_id": o["home_id"]}, COORDINATOR, COORDINATOR),
    # Surveys.
    "surveys:index": Route(_street, MEMBERS_A, MEMBERS_A),
    "surveys:start": Route(_street, MANAGERS_A, MANAGERS_A),
    "surveys:edit": Route(_with("survey_id"), MANAGERS_A, MANAGERS_A),
    "surveys:close": Route(_with("survey_id"), MANAGERS_A, MANAGERS_A),
    "surveys:answer": Route(_with("survey_id"), MEMBERS_A, MEMBERS_A),
    "surveys:paper": Route(_with("survey_id"), MANAGERS_A, MANAGERS_A),
    "surveys:print": Route(_with("survey_id"), MANAGERS_A, MANAGERS_A),
    "surveys:results": Route(_with("survey_id"), MANAGERS_A, MANAGERS_A),
    "surveys:figures": Route(_with("survey_id"), STAFF_A | GANGMAKER_A, STAFF_A | GANGMAKER_A),
    "surveys:mine": Route(_with("survey_id"), MEMBERS_A, MEMBERS_A),
    "surveys:mine_export": Route(_with("survey_id"), MEMBERS_A, MEMBERS_A),
    "surveys:mine_delete": Route(_with("survey_id"), MEMBERS_A, MEMBERS_A),
    "surveys:response": Route(_with("survey_id", "response_id"), MANAGERS_A, MANAGERS_A),
    "surveys:response_export": Route(_with("survey_id", "response_id"), MANAGERS_A, MANAGERS_A),
    "surveys:response_delete": Route(_with("survey_id", "response_id"), MANAGERS_A, MANAGERS_A),
    "surveys:wijk": Route(lambda o: {"wijk_id": o["wijk_id"]}, STAFF_A, STAFF_A),
    "surveys:public_answer": Route(lambda o: {"token": o["survey_token"]}, ALL, ALL),
    # The programme: applications of streets, starting them, startpakket, growth.
    "programme:apply": Route(_none, ALL, ALL),
    "programme:apply_done": Route(_none, ALL, ALL),
    "programme:start": Route(_none, COORDINATOR, COORDINATOR),
    "programme:applications": Route(lambda o: {"home_id": o["home_id"]}, COORDINATOR, COORDINATOR),
    "programme:application": Route(
        lambda o: {"application_id": o["application_id"]}, COORDINATOR, COORDINATOR
    ),
    "programme:application_state": Route(
        lambda o: {"application_id": o["application_id"]}, NOBODY, COORDINATOR
    ),
    "programme:application_notes": Route(
        lambda o: {"application_id": o["application_id"]}, NOBODY, COORDINATOR
    ),
    "programme:application_start": Route(
        lambda o: {"application_id": o["application_id"]}, COORDINATOR, COORDINATOR
    ),
    "programme:packs": Route(lambda o: {"home_id": o["home_id"]}, COORDINATOR, COORDINATOR),
    "programme:pack_record": Route(
        lambda o: {"home_id": o["home_id"], "street_id": o["street_id"]}, NOBODY, COORDINATOR
    ),
    "programme:pack_sent": Route(lambda o: {"pack_id": o["pack_id"]}, COORDINATOR, COORDINATOR),
    "programme:pack_received": Route(_with("pack_id"), NOBODY, GANGMAKER_A),
    "programme:become_gangmaker": Route(_street, MEMBERS_A, MEMBERS_A),
    "programme:gangmaker_requests": Route(_street, MANAGERS_A, MANAGERS_A),
    "programme:decide_gangmaker_request": Route(
        _with(request_id="gangmaker_request_id"), NOBODY, MANAGERS_A
    ),
    "programme:growth": Route(lambda o: {"home_id": o["home_id"]}, COORDINATOR, COORDINATOR),
    "programme:growth_csv": Route(lambda o: {"home_id": o["home_id"]}, COORDINATOR, COORDINATOR),
    "programme:growth_xlsx": Route(lambda o: {"home_id": o["home_id"]}, COORDINATOR, COORDINATOR),
    "programme:quiet_street": Route(
        lambda o: {"home_id": o["home_id"], "street_id": o["street_id"]}, COORDINATOR, COORDINATOR
    ),
    # Welcoming new neighbours and the household list.
    "welcome:list": Route(_street, GANGMAKER_A, GANGMAKER_A),
    "welcome:note": Route(_street, NOBODY, GANGMAKER_A),
    "welcome:give": Route(_with("welcome_id"), GANGMAKER_A, GANGMAKER_A),
    "welcome:households": Route(_street, GANGMAKER_A, GANGMAKER_A),
    "welcome:homes_edit": Route(_street, GANGMAKER_A, GANGMAKER_A),
    # The national layer: the public interest form; the national coordinators' pages.
    "national:interest": Route(_none, ALL, ALL),
    "national:interest_done": Route(_none, ALL, ALL),
    "national:figures": Route(_none, NATIONAL, NATIONAL),
    "national:submissions": Route(_none, NATIONAL, NATIONAL),
    "national:handle_submission": Route(
        lambda o: {"submission_id": o["submission_id"]}, NOBODY, NATIONAL
    ),
}


def _patterns(patterns=None, prefix="", namespace=""):
    """(route, name) of every concrete pattern, walking includes recursively."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _patterns(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), f"{namespace}{pattern.name}"


def checked_patterns() -> list[tuple[str, str]]:
    return [
        (route, name)
        for route, name in _patterns()
        if not route.lstrip("^").startswith(SKIPPED_PREFIXES) and name not in SKIPPED_NAMES
    ]


def test_every_url_pattern_has_an_entry_in_the_permission_table():
    missing = sorted(name for _route, name in checked_patterns() if name not in ROUTES)
    assert not missing, (
        "These URL patterns have no entry in ROUTES (tests/security/test_permission_matrix.py); "
        f"add how to build their kwargs and which roles may use them: {missing}"
    )


def test_the_permission_table_names_no_pattern_that_is_gone():
    names = {name for _route, name in checked_patterns()}
    assert not set(ROUTES) - names


def _objects(world) -> tuple[dict, dict]:
    """The kwargs sources for street A and for street B (same wijk, same municipality)."""
    token_id = api_token_id(world)
    return (
        route_kwargs(world, world.street_a, world.gangmaker_a, world.bewoner_a, token_id),
        route_kwargs(world, world.street_b, world.gangmaker_b, world.bewoner_b, token_id),
    )


def _clients(world) -> dict[str, Client]:
    """One logged-in client per role, so the matrix does not log in for every request."""
    clients = {}
    for role in ROLES:
        client = Client()
        if role != "anonymous":
            client.force_login(getattr(world, role))
        clients[role] = client
    return clients


def _request(client, method: str, url: str, rollback: bool = True):
    """One request; rolled back afterwards (unless refused) so the next sees the same world."""
    if not rollback:
        return getattr(client, method)(url)
    with transaction.atomic():
        response = getattr(client, method)(url)
        transaction.set_rollback(True)
    return response


def _is_refusal(response, role: str) -> bool:
    # 410: a guessed or used download token is gone, whoever asks.
    if response.status_code in (403, 404, 405, 410):
        return True
    if role == "anonymous" and response.status_code in (302, 401):
        return response.status_code == 401 or "/account/inloggen/" in response["Location"]
    return response.status_code == 401


def test_every_role_is_refused_what_it_may_not_do_and_a_refused_post_changes_nothing(world):
    objects, _objects_b = _objects(world)
    clients = _clients(world)
    before = db_snapshot()
    problems = []
    for name, route in ROUTES.items():
        url = reverse(name, kwargs=route.kwargs(objects))
        for method, allowed in (("get", route.get), ("post", route.post)):
            for role in ROLES:
                refused = role not in allowed
                if not refused and method == "post":
                    # What an allowed POST does is each app's own tests' business.
                    continue
                # Refused requests are not rolled back: the snapshot below must see them.
                response = _request(clients[role], method, url, rollback=not refused)
                status = response.status_code
                if status >= 500:
                    problems.append(f"{method.upper()} {name} as {role}: {status}")
                elif refused and not _is_refusal(response, role):
                    problems.append(f"{method.upper()} {name} as {role}: {status}, not refused")
        after = db_snapshot()
        changed = sorted(table for table in after if after[table] != before.get(table))
        if changed:
            problems.append(f"refused requests to {name} changed {changed}")
            before = after
    assert not problems, "\n".join(problems)


# Ids that are the same in both streets (shared municipality, year) or not an object.
_NOT_GUESSED = {"street_id", "year", "action", "home_id", "wijk_id", "token_id"}


def test_objects_of_another_street_through_this_streets_urls_are_not_found(world):
    """Never shown or changed: 404 (or 403/405 before the lookup); a redirect changes nothing."""
    objects_a, objects_b = _objects(world)
    clients = _clients(world)
    before = db_snapshot()
    problems = []
    for name, route in ROUTES.items():
        kwargs = route.kwargs(objects_a)
        if "street_id" not in kwargs or not set(kwargs) - _NOT_GUESSED:
            continue
        guesses = (
            ("a", {**kwargs, **_guessed_ids(route, objects_a, objects_b)}),
            ("b", {**route.kwargs(objects_b), **_guessed_ids(route, objects_b, objects_a)}),
        )
        for street, guessed in guesses:
            url = reverse(name, kwargs=guessed)
            for role in (f"gangmaker_{street}", f"bewoner_{street}", "coordinator", "welzijn_a"):
                for method in ("get", "post"):
                    status = _request(clients[role], method, url, rollback=False).status_code
                    if status not in (302, 403, 404, 405):
                        problems.append(
                            f"{method.upper()} {name} of street {street.upper()} with the other "
                            f"street's ids as {role}: {status}"
                        )
        after = db_snapshot()
        changed = sorted(table for table in after if after[table] != before.get(table))
        if changed:
            problems.append(f"guessed ids through {name} changed {changed}")
            before = after
    assert not problems, "\n".join(problems)


def _guessed_ids(route: Route, own: dict, other: dict) -> dict:
    """Route kwargs that name objects, taken from the other street's objects."""
    own_kwargs, other_kwargs = route.kwargs(own), route.kwargs(other)
    return {
        key: other_kwargs[key]
        for key in own_kwargs
        if key not in _NOT_GUESSED and key not in ("token", "code", "fmt", "kind")
    }
