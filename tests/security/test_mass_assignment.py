"""Mass assignment: extra fields posted to any form are ignored or refused.

Every URL pattern that takes a POST (the permission matrix's ROUTES) needs a valid submission
in SUBMISSIONS, or a reason in NOT_A_FORM; a new form without either fails
`test_every_route_that_takes_a_post_has_a_valid_submission_or_a_reason`. Each submission is
posted three times, each time in a transaction that is rolled back: once as it is, and twice
with EXTRA fields carrying hostile values (street B's id, an outsider's id, "approved",
"open", 999999, ...). Compared with the plain submission, the hostile ones may write less
(refused) but never a hostile value the plain one did not write, never more rows, and never
rows the plain one left alone. Routes in NOT_A_FORM get the same three posts without data.
"""

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import Page

from accounts import twofactor
from effects.models import EffectRound
from home.forms import TIMESTAMP_FIELD, start_token
from matching.models import CareRota, HelpPost, Match, MatchStatus, PostStatus
from pot.models import Pot
from pot.services import record_expense
from programme.models import StarterPack
from streets.events.services import set_cancelled
from streets.models import StreetMembership
from surveys.choices import AnswerChannel, DraftStatus, QuestionKind
from surveys.models import Survey, SurveyResponse
from surveys.services import close_survey, save_response
from tests.accounts.factories import DEFAULT_PASSWORD
from tests.matching.factories import HelpRequestFactory
from tests.security.conftest import api_token_id, route_kwargs
from tests.security.test_permission_matrix import ROUTES
from tests.streets.factories import GangmakerMembershipFactory
from tests.surveys.factories import question

pytestmark = pytest.mark.django_db

# Session, cache, axes and queue bookkeeping change on every request and hold no form data.
_VOLATILE = ("django_session", "axes_", "django_q_", "django_cache")
_PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _hostile(world, variant: int) -> dict:
    """The extra fields, with values no form of street A may let through."""
    street, user = world.street_b.pk, world.outsider.pk
    return {
        "street": street,
        "street_id": street,
        "owner": user,
        "author": user,
        "author_id": user,
        "user": user,
        "created_by": user,
        "approved_by": user,
        "status": ("approved", "open")[variant],
        "balance": 999999,
        "kind": ("offer", "request")[variant],
        "role": ("gangmaker", "coordinator")[variant],
        "is_staff": "on",
        "is_superuser": "true",
        "amount_cents": 999999,
        "opened_at": "2000-01-01T00:00:00",
        "handled_at": "2000-01-01T00:00:00",
        "handled_by": user,
    }


def _number(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return None


# Column name -> does this stored value come from a hostile field?
_HOSTILE_COLUMNS: dict[str, Callable] = {
    "status": lambda v: v in ("approved", "open"),
    "kind": lambda v: v in ("offer", "request"),
    "role": lambda v: v in ("gangmaker", "coordinator"),
    "balance": lambda v: _number(v) == 999999,
    "amount_cents": lambda v: _number(v) == 999999,
    "amount": lambda v: _number(v) == 999999,
    "is_staff": lambda v: v in (True, 1),
    "is_superuser": lambda v: v in (True, 1),
    "opened_at": lambda v: str(v).startswith("2000-01-01"),
    "handled_at": lambda v: str(v).startswith("2000-01-01"),
}


@dataclass(frozen=True)
class Submission:
    """A valid POST to one route: who sends it, its fields, what must exist first.

    `prepare(ctx, client)` runs inside the rolled-back transaction before the post (and may
    put ids on ctx); `kwargs(ctx)` replaces the matrix's URL kwargs; `url(ctx, client)` the
    whole URL. `writes` is False for forms that store nothing (login, a mail, a cookie).
    """

    role: str
    data: Callable[[SimpleNamespace], dict] = lambda ctx: {}
    prepare: Callable | None = None
    kwargs: Callable | None = None
    url: Callable | None = None
    writes: bool = True


def _today(days: int = 0) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


# --- What some submissions need first ---------------------------------------------------


def _pending_app(ctx, client):
    ctx.code = str(totp(twofactor.pending_device(ctx.world.welzijn_a).bin_key)).zfill(6)


def _confirmed_app(ctx, client):
    device = TOTPDevice.objects.create(user=ctx.world.gangmaker_a, name="app", confirmed=True)
    ctx.code = str(totp(device.bin_key)).zfill(6)


def _verified_session(ctx, client):
    device = TOTPDevice.objects.create(user=ctx.world.gangmaker_a, name="app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def _reset_link(ctx, client) -> str:
    # Fresh from the database: logins in earlier (rolled back) posts moved last_login in memory.
    user = get_user_model().objects.get(pk=ctx.world.bewoner_a.pk)
    link = reverse(
        "accounts:password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    # Django swaps the token for a session key and redirects to the form's own URL.
    return client.get(link)["Location"]


def _cancelled_event(ctx, client):
    event = Page.objects.get(pk=ctx.o["event_id"]).specific
    set_cancelled(event, ctx.world.gangmaker_a, True, "")


def _next_date(ctx) -> str:
    event = Page.objects.get(pk=ctx.o["event_id"]).specific
    return timezone.localtime(event.start).date().isoformat()


def _post_status(status):
    def prepare(ctx, client):
        HelpPost.objects.filter(pk=ctx.o["post_id"]).update(status=status)

    return prepare


def _match_done(ctx, client):
    Match.objects.filter(pk=ctx.o["match_id"]).update(status=MatchStatus.DONE)


def _open_pair(ctx, client):
    """A request and an offer nobody paired yet."""
    request = HelpPost.objects.get(pk=ctx.o["post_id"])
    Match.objects.filter(pk=ctx.o["match_id"]).delete()
    HelpPost.objects.filter(pk__in=[request.pk, ctx.o["offer_id"]]).update(status=PostStatus.OPEN)
    # The gangmaker confirms the pairing even where the helper's days do not fit the request.
    ctx.pair = {"request": request.pk, "offer": ctx.o["offer_id"], "despite_times": "on"}


def _pending_expense(ctx, client):
    """An expense above the four-eyes amount, recorded by the street's other gangmaker."""
    pot = Pot.objects.get(street=ctx.world.street_a, year=ctx.o["year"])
    Pot.objects.filter(pk=pot.pk).update(four_eyes_threshold=Decimal("10.00"))
    pot.refresh_from_db()
    other = GangmakerMembershipFactory(street=ctx.world.street_a, user__first_name="Kees").user
    expense = record_expense(
        pot,
        other,
        spent_on=timezone.localdate(),
        occasion="ill",
        gift="flowers",
        amount=Decimal("40.00"),
        for_whom="nr. 7",
    )
    ctx.expense_id = expense.pk


def _expense_kwargs(ctx):
    return {"street_id": ctx.o["street_id"], "expense_id": ctx.expense_id}


def _survey(ctx) -> Survey:
    return Survey.objects.get(pk=ctx.o["survey_id"])


def _text_question(ctx) -> str:
    return f"q{question(_survey(ctx), QuestionKind.LANGUAGES).pk}"


def _needs_help(ctx) -> dict:
    return {str(question(_survey(ctx), QuestionKind.NEEDS_HELP).pk): ["boodschappen"]}


def _no_effect_round(ctx, client):
    EffectRound.objects.filter(street_id=ctx.o["street_id"]).delete()


def _effect_answers(ctx) -> dict:
    data = {f"item_{n}": "no" for n in range(1, 7)}
    return data | {f"seed_{i}": "yes" for i in range(3)}


def _no_pack(ctx, client):
    StarterPack.objects.filter(street=ctx.world.street_a).delete()


def _no_open_survey(ctx, client):
    close_survey(_survey(ctx))


def _linked_answer_with_drafts(ctx, client):
    # The answer is linked to bewoner_a below, who must not have an own answer already (the
    # service refuses that). Until issue 23 this submission counted as taken only because the
    # Wagtail user bar wrote a user profile row on the refused page.
    SurveyResponse.objects.filter(survey=_survey(ctx), person=ctx.world.bewoner_a).delete()
    response = save_response(
        _survey(ctx),
        AnswerChannel.LINK,
        _needs_help(ctx),
        consent=True,
        name="Truus",
        house_number="20",
    )
    ctx.response_id = response.pk
    ctx.drafts = list(
        response.drafts.filter(status=DraftStatus.PENDING).values_list("pk", flat=True)
    )


def _own_online_answer_with_drafts(ctx, client):
    SurveyResponse.objects.filter(pk=ctx.o["response_id"]).update(channel=AnswerChannel.ONLINE)
    response = save_response(
        _survey(ctx),
        AnswerChannel.ONLINE,
        _needs_help(ctx),
        consent=True,
        person=ctx.world.bewoner_a,
        house_number="12",
        instance=SurveyResponse.objects.get(pk=ctx.o["response_id"]),
    )
    ctx.drafts = list(
        response.drafts.filter(status=DraftStatus.PENDING).values_list("pk", flat=True)
    )


def _bewoner_membership(ctx) -> int:
    return StreetMembership.objects.get(user=ctx.world.bewoner_a, street=ctx.world.street_a).pk


def _henks_membership(ctx) -> int:
    """The helper of street_objects: a member without keys and contacts of his own."""
    return StreetMembership.objects.get(street=ctx.world.street_a, user__first_name="Henk").pk


REQUEST = {
    "category": "boodschappen",
    "description": "Wie haalt zaterdag brood voor mij?",
    "when": "once",
    "urgency": "normaal",
}


def _request_data(ctx) -> dict:
    return {**REQUEST, "needed_on": _today(3), "valid_until": _today(20)}


# (url name, valid submission); a name may occur more than once (another way in).
def _rota_request(ctx, client):
    ctx.rota_request = HelpRequestFactory(
        street=ctx.world.street_a, author=ctx.world.bewoner_a, category="maaltijd"
    ).pk


SUBMISSIONS: list[tuple[str, Submission]] = [
    # Care rotas.
    (
        "matching:rota_new",
        Submission(
            "gangmaker_a",
            lambda c: {
                "request": c.rota_request,
                "first_day": (timezone.localdate() + datetime.timedelta(days=1)).isoformat(),
                "days": "3",
                "dagdelen": ["avond"],
                "per_week": "2",
            },
            prepare=_rota_request,
        ),
    ),
    (
        "matching:rota_fill",
        Submission(
            "gangmaker_a",
            lambda c: {
                "moment": CareRota.objects.get(pk=c.o["rota_id"]).moments.first().pk,
                "helper": c.world.gangmaker_a.pk,
            },
        ),
    ),
    # The gangmakers' exchange and meetings.
    (
        "network:new_topic",
        Submission("gangmaker_a", lambda c: {"title": "Kerst", "body": "Wat doen jullie?"}),
    ),
    (
        "network:national_new_topic",
        Submission("gangmaker_a", lambda c: {"title": "Kerst", "body": "Wat doen jullie?"}),
    ),
    ("network:topic", Submission("gangmaker_a", lambda c: {"body": "Op de straatborrel."})),
    ("network:report_topic", Submission("gangmaker_a", lambda c: {"reason": "Reclame."})),
    ("network:report_reply", Submission("gangmaker_a", lambda c: {"reason": "Reclame."})),
    (
        "network:contact",
        Submission("gangmaker_b", lambda c: {"body": "Zullen we samen iets doen?"}),
    ),
    (
        "network:new_meeting",
        Submission(
            "coordinator",
            lambda c: {
                "municipality": c.world.home.pk,
                "wijk": c.world.wijk.pk,
                "title": "Gangmakersavond",
                "start": (timezone.localtime() + datetime.timedelta(days=7)).strftime(
                    "%Y-%m-%dT19:30"
                ),
                "end": (timezone.localtime() + datetime.timedelta(days=7)).strftime(
                    "%Y-%m-%dT21:30"
                ),
                "location": "Buurthuis",
                "description": "",
                "audience": "gangmakers",
            },
        ),
    ),
    # Accounts.
    (
        "accounts:login",
        Submission(
            "anonymous",
            lambda c: {"username": c.world.bewoner_a.email, "password": DEFAULT_PASSWORD},
            writes=False,
        ),
    ),
    (
        "accounts:account",
        Submission(
            "bewoner_a",
            lambda c: {"first_name": "Anna", "last_name": "de Wit", "phone": "0612345678"},
        ),
    ),
    (
        "accounts:two_factor_setup",
        Submission("welzijn_a", lambda c: {"token": c.code}, prepare=_pending_app),
    ),
    (
        "accounts:two_factor_verify",
        Submission("gangmaker_a", lambda c: {"token": c.code}, prepare=_confirmed_app),
    ),
    ("accounts:two_factor_backup_codes", Submission("gangmaker_a", prepare=_verified_session)),
    ("accounts:create_download", Submission("bewoner_a")),
    (
        "accounts:delete_account",
        Submission("bewoner_a", lambda c: {"password": DEFAULT_PASSWORD, "confirm": "on"}),
    ),
    (
        "accounts:password_change",
        Submission(
            "bewoner_a",
            lambda c: {
                "old_password": DEFAULT_PASSWORD,
                "new_password1": "zwaan en eend 42",
                "new_password2": "zwaan en eend 42",
            },
        ),
    ),
    (
        "accounts:password_reset",
        Submission("anonymous", lambda c: {"email": c.world.bewoner_a.email}, writes=False),
    ),
    (
        "accounts:password_reset_confirm",
        Submission(
            "anonymous",
            lambda c: {"new_password1": "zwaan en eend 42", "new_password2": "zwaan en eend 42"},
            url=_reset_link,
        ),
    ),
    (
        "home:set_letter_size",
        Submission("anonymous", lambda c: {"letters": "groot", "next": "/"}, writes=False),
    ),
    # Streets.
    (
        "streets:join",
        Submission(
            "anonymous",
            lambda c: {
                "first_name": "Joop",
                "email": "joop@example.org",
                "password": "zwaan en eend 42",
                "house_number": "30",
                "privacy": "on",
            },
        ),
    ),
    ("streets:join", Submission("bewoner_b", lambda c: {"house_number": "31"})),
    ("streets:leave", Submission("bewoner_a")),
    (
        "streets:register_offline",
        Submission("gangmaker_a", lambda c: {"first_name": "Truus", "house_number": "20"}),
    ),
    ("streets:approve", Submission("gangmaker_a")),
    ("streets:decline", Submission("gangmaker_a", lambda c: {"note": "Woont niet hier."})),
    ("streets:change_role", Submission("coordinator", lambda c: {"role": "gangmaker"})),
    (
        "streets:event_new",
        Submission(
            "gangmaker_a",
            lambda c: {
                "title": "Burendag",
                "date": _today(10),
                "start_time": "14:00",
                "repeat": "never",
                "interval": "1",
            },
        ),
    ),
    (
        "streets:event_edit",
        Submission(
            "gangmaker_a",
            lambda c: {
                "title": "Liftkoffie verplaatst",
                "date": _today(11),
                "start_time": "10:00",
                "repeat": "never",
                "interval": "1",
            },
        ),
    ),
    ("streets:event_cancel", Submission("gangmaker_a", lambda c: {"what": "all", "note": ""})),
    ("streets:event_restore", Submission("gangmaker_a", prepare=_cancelled_event)),
    ("streets:event_rsvp", Submission("bewoner_a", lambda c: {"date": _next_date(c)})),
    # Spare keys and emergency contacts (bewoner A has consented; Henk keeps the key).
    ("streets:safety_consent", Submission("gangmaker_a", lambda c: {"consent": "on"})),
    (
        "streets:safety_register",
        Submission(
            "gangmaker_a",
            lambda c: {"member": _henks_membership(c), "consent_in_person": "on"},
        ),
    ),
    ("streets:safety_key_add", Submission("bewoner_a", lambda c: {"holder_name": "Beheer"})),
    ("streets:safety_key_remove", Submission("bewoner_a")),
    (
        "streets:safety_contact_add",
        Submission(
            "bewoner_a", lambda c: {"kind": "gp", "name": "Dokter Brink", "phone": "010 1234567"}
        ),
    ),
    ("streets:safety_contact_remove", Submission("bewoner_a")),
    ("streets:safety_withdraw", Submission("bewoner_a")),
    # The help board.
    ("matching:new_request", Submission("bewoner_a", _request_data)),
    (
        "matching:new_offer",
        Submission(
            "bewoner_a",
            lambda c: {
                "categories": ["boodschappen"],
                "availability": ["0:ochtend"],
                "capacity": "1",
                "valid_until": _today(20),
            },
        ),
    ),
    ("matching:edit", Submission("bewoner_a", _request_data)),
    ("matching:withdraw", Submission("bewoner_a")),
    ("matching:renew", Submission("bewoner_a", prepare=_post_status(PostStatus.OPEN))),
    (
        "matching:report",
        Submission(
            "gangmaker_a",
            lambda c: {"reason": "Reclame."},
            prepare=_post_status(PostStatus.OPEN),
        ),
    ),
    ("matching:approve", Submission("gangmaker_a", prepare=_post_status(PostStatus.PENDING))),
    (
        "matching:hide",
        Submission(
            "gangmaker_a", lambda c: {"reason": "Reclame."}, prepare=_post_status(PostStatus.OPEN)
        ),
    ),
    (
        "matching:restore",
        Submission(
            "gangmaker_a", lambda c: {"reason": "Toch goed."}, prepare=_post_status("hidden")
        ),
    ),
    ("matching:dismiss_report", Submission("gangmaker_a", lambda c: {"reason": ""})),
    (
        "matching:settings",
        Submission(
            "gangmaker_a", lambda c: {"premoderate_new_members": "on", "new_member_days": "30"}
        ),
    ),
    ("matching:match_overview", Submission("gangmaker_a", lambda c: c.pair, prepare=_open_pair)),
    (
        "matching:match_step",
        Submission(
            "gangmaker_a",
            lambda c: {"note": "Geregeld."},
            kwargs=lambda c: {
                "street_id": c.o["street_id"],
                "match_id": c.o["match_id"],
                "action": "accept",
            },
        ),
    ),
    (
        "matching:match_feedback",
        Submission("bewoner_a", lambda c: {"helped": "ja"}, prepare=_match_done),
    ),
    ("matching:preferences", Submission("bewoner_a", lambda c: {"digest": "weekly"})),
    # Insights and care signals.
    ("insights:tokens", Submission("coordinator", lambda c: {"name": "Rapportage"})),
    ("insights:revoke_token", Submission("coordinator")),
    ("insights:acknowledge", Submission("welzijn_a")),
    ("insights:questions", Submission("gangmaker_a", lambda c: {"question": "Wat kan ik doen?"})),
    ("insights:staff_question", Submission("welzijn_a", lambda c: {"answer": "Bel gerust."})),
    ("insights:note", Submission("welzijn_a", lambda c: {"text": "Gebeld, gaat goed."})),
    ("insights:close", Submission("welzijn_a", lambda c: {"closing_message": "Geregeld."})),
    (
        "insights:raise_signal",
        Submission(
            "gangmaker_a",
            lambda c: {
                "member": _bewoner_membership(c),
                "concern": "Komt de deur niet meer uit.",
                "urgency": "normaal",
                "basis": "consent",
                "consent_given_by": "de buur zelf",
                "consent_at": _today(),
                "consent_method": "in_person",
            },
        ),
    ),
    # The pot.
    (
        "pot:expense_new",
        Submission(
            "gangmaker_a",
            lambda c: {
                "spent_on": _today(),
                "occasion": "ill",
                "gift": "flowers",
                "amount": "7,50",
                "for_whom": "nr. 3",
            },
        ),
    ),
    ("pot:street_threshold", Submission("coordinator", lambda c: {"four_eyes_threshold": "25"})),
    (
        "pot:expense_approve",
        Submission("gangmaker_a", prepare=_pending_expense, kwargs=_expense_kwargs),
    ),
    (
        "pot:expense_decline",
        Submission("gangmaker_a", prepare=_pending_expense, kwargs=_expense_kwargs),
    ),
    ("pot:expense_reverse", Submission("gangmaker_a", lambda c: {"reason": "Verkeerd bedrag."})),
    (
        "pot:receipt_upload",
        Submission(
            "gangmaker_a", lambda c: {"receipt": SimpleUploadedFile("bon.png", _PNG, "image/png")}
        ),
    ),
    (
        "pot:tip_new",
        Submission(
            "bewoner_a", lambda c: {"occasion": "ill", "about": "nr. 5", "note": "Is gevallen."}
        ),
    ),
    ("pot:tip_handled", Submission("gangmaker_a")),
    ("pot:tip_dismiss", Submission("gangmaker_a")),
    ("pot:reminder_done", Submission("gangmaker_a")),
    ("pot:open_missing_pots", Submission("coordinator")),
    (
        "pot:settings",
        Submission(
            "coordinator",
            lambda c: {"yearly_amount": "150,00", "carry_over": "on", "sensitive_text_days": "90"},
        ),
    ),
    # The effect questionnaire.
    ("effects:start", Submission("gangmaker_a", prepare=_no_effect_round)),
    ("effects:close", Submission("gangmaker_a")),
    ("effects:answer", Submission("bewoner_a", _effect_answers)),
    ("effects:paper", Submission("gangmaker_a", _effect_answers)),
    (
        "effects:public_answer",
        Submission(
            "anonymous",
            lambda c: (
                _effect_answers(c) | {TIMESTAMP_FIELD: start_token(timezone.now().timestamp() - 30)}
            ),
        ),
    ),
    ("effects:seed_items", Submission("coordinator", lambda c: {"seed_0": "Ik groet mijn buren"})),
    (
        "pot:attention_new",
        Submission(
            "bewoner_a",
            lambda c: {
                "spent_on": _today(),
                "occasion": "ill",
                "gift": "visit",
                "for_whom": "nr. 3",
                "house_number": "3",
            },
        ),
    ),
    (
        "pot:card",
        Submission(
            "gangmaker_a",
            lambda c: {"kind": "get_well", "line": "", "record": "on", "for_whom": "nr. 3"},
        ),
    ),
    # Welcoming new neighbours.
    ("welcome:note", Submission("gangmaker_a", lambda c: {"house_number": "16"})),
    (
        "welcome:give",
        Submission(
            "gangmaker_a",
            lambda c: {"outcome": "card", "spent_on": _today(), "for_whom": "de nieuwe buren"},
        ),
    ),
    ("welcome:homes_edit", Submission("gangmaker_a", lambda c: {"ranges": "1-9 oneven"})),
    # The programme: applying for a street, the intake, starting, the startpakket, quiet
    # streets' follow-up.
    (
        "programme:apply",
        Submission(
            "anonymous",
            lambda c: {
                "street_name": "Bloemkweekstraat",
                "postcodes": "3035 AA",
                "name": "Ria Bos",
                "email": "ria@example.org",
                "house_number": "5",
                "gangmaker_1_name": "Ria Bos",
                "gangmaker_1_email": "ria@example.org",
                "gangmaker_2_name": "Henk Smit",
                "gangmaker_2_phone": "010 1234567",
                TIMESTAMP_FIELD: start_token(timezone.now().timestamp() - 30),
            },
        ),
    ),
    (
        "programme:application_state",
        Submission("coordinator", lambda c: {"state": "introduction", "note": "Gebeld."}),
    ),
    ("programme:application_notes", Submission("coordinator", lambda c: {"notes": "Gebeld."})),
    (
        "programme:application_start",
        Submission(
            "coordinator",
            lambda c: {"title": "Bloemkweekstraat", "postcodes": "", "wijk": c.world.wijk.pk},
        ),
    ),
    ("programme:pack_record", Submission("coordinator", prepare=_no_pack)),
    (
        "programme:pack_sent",
        Submission(
            "coordinator",
            lambda c: {"items": ["folder", "cards"], "recipient": "Gerda", "sent_on": _today()},
        ),
    ),
    ("programme:pack_received", Submission("gangmaker_a")),
    ("programme:become_gangmaker", Submission("bewoner_a", lambda c: {"motivation": "Graag."})),
    (
        "programme:quiet_street",
        Submission(
            "coordinator",
            lambda c: {
                "gangmaker": c.world.gangmaker_a.pk,
                "called_on": _today(),
                "outcome": "ok",
                "note": "Loopt goed.",
            },
        ),
    ),
    # Surveys.
    ("surveys:start", Submission("gangmaker_a", prepare=_no_open_survey)),
    (
        "surveys:edit",
        Submission(
            "gangmaker_a",
            lambda c: {"add_question": "1", "nieuw-label": "Heeft u een ladder?"},
        ),
    ),
    ("surveys:close", Submission("gangmaker_a")),
    ("surveys:answer", Submission("bewoner_a", lambda c: {_text_question(c): "Nederlands"})),
    (
        "surveys:paper",
        Submission(
            "gangmaker_a",
            lambda c: {_text_question(c): "Turks", "name": "Truus", "house_number": "20"},
        ),
    ),
    (
        "surveys:mine",
        Submission(
            "bewoner_a", lambda c: {"drafts": c.drafts}, prepare=_own_online_answer_with_drafts
        ),
    ),
    ("surveys:mine_delete", Submission("bewoner_a")),
    (
        "surveys:response",
        Submission(
            "gangmaker_a",
            lambda c: {"drafts": c.drafts, "person": _bewoner_membership(c)},
            prepare=_linked_answer_with_drafts,
            kwargs=lambda c: {
                "street_id": c.o["street_id"],
                "survey_id": c.o["survey_id"],
                "response_id": c.response_id,
            },
        ),
    ),
    ("surveys:response_delete", Submission("gangmaker_a")),
    # Newsletters: the public subscribe form and a gangmaker's own switch.
    (
        "network:newsletter_subscribe",
        Submission(
            "anonymous",
            lambda c: {
                "email": "lezer@example.org",
                "name": "Lies",
                TIMESTAMP_FIELD: start_token(timezone.now().timestamp() - 30),
            },
        ),
    ),
    # The national layer: the interest form, and a national coordinator marking it handled.
    (
        "national:interest",
        Submission(
            "anonymous",
            lambda c: {
                "name": "Ingrid de Vries",
                "organisation": "Gemeente Zwolle",
                "email": "ingrid@zwolle.example",
                "phone": "038 498 91 11",
                "message": "Wij willen beginnen.",
                TIMESTAMP_FIELD: start_token(timezone.now().timestamp() - 30),
            },
        ),
    ),
    (
        "network:newsletter_preferences",
        Submission("gangmaker_a", lambda c: {"newsletter": c.o["newsletter_id"]}),
    ),
    ("national:handle_submission", Submission("national")),
    (
        "surveys:public_answer",
        Submission(
            "anonymous",
            lambda c: {
                _text_question(c): "Pools",
                TIMESTAMP_FIELD: start_token(timezone.now().timestamp() - 30),
            },
        ),
    ),
]

_READS = "a page to read: a POST shows the same page, or 405"
_BUTTON = "a button without fields, or a redirect"
NOT_A_FORM: dict[str, str] = {
    **dict.fromkeys(
        [
            "accounts:my_data",
            "accounts:password_change_done",
            "accounts:password_reset_done",
            "accounts:password_reset_complete",
            "privacy",
            "search",
            "ops:health",
            "streets:my_streets",
            "streets:members",
            "streets:street_ics",
            "streets:street_card",
            "streets:event_attendees",
            "streets:event_ics",
            "streets:event_flyer",
            "streets:safety",
            "streets:safety_overview",
            "streets:safety_detail",
            "streets:safety_card",
            "matching:board",
            "matching:moderation",
            "matching:my_help",
            "matching:match_detail",
            "insights:index",
            "insights:dashboard",
            "insights:export",
            "insights:yearly_report",
            "insights:staff_signals",
            "insights:staff_questions",
            "insights:staff_signal",
            "insights:my_signals",
            "insights:my_signal",
            "insights:api_openapi",
            "pot:pot",
            "pot:pot_year",
            "pot:year_report",
            "pot:expense",
            "pot:receipt",
            "pot:overview_start",
            "pot:overview",
            "pot:export_csv",
            "pot:export_xlsx",
            "surveys:index",
            "surveys:print",
            "surveys:results",
            "surveys:figures",
            "surveys:wijk",
            "surveys:mine_export",
            "surveys:response_export",
            "effects:index",
            "effects:print",
            "insights:effects",
            "insights:effects_export",
            "insights:scope_report",
            "welcome:list",
            "welcome:households",
            "matching:rota",
            "matching:rota_print",
            "network:index",
            "network:national",
            "network:exchange",
            "network:directory",
            "network:meetings",
            "network:meeting",
            "network:meeting_ics",
            "network:invitation",
            "national:interest_done",
            "national:figures",
            "national:submissions",
            "programme:apply_done",
            "programme:start",
            "programme:applications",
            "programme:application",
            "programme:packs",
            "programme:gangmaker_requests",
            "programme:growth",
            "programme:growth_csv",
            "programme:growth_xlsx",
        ],
        _READS,
    ),
    **dict.fromkeys(
        ["accounts:logout", "streets:join_by_code", "matching:door_list"],
        _BUTTON,
    ),
    **dict.fromkeys(
        [
            "matching:rota_plan",
            "network:hide_topic",
            "network:hide_reply",
            "network:attend",
            "network:inbox",
            "programme:decide_gangmaker_request",
        ],
        _BUTTON,
    ),
    # Their only fields are ids of the rota's own moments, checked against the helper's or the
    # rota's moments (tests/matching/test_rota_flow.py tries another helper's moments).
    "matching:rota_answer": "checkboxes of the helper's own proposed moments",
    "matching:rota_swap": "two moments of this rota; both must have a helper",
}


# Who posts to a route in NOT_A_FORM: the first of these the matrix allows.
_ROLE_ORDER = ("gangmaker_a", "coordinator", "welzijn_a", "bewoner_a", "national", "anonymous")


def _posting_routes() -> set[str]:
    return {name for name, route in ROUTES.items() if route.post}


def test_every_route_that_takes_a_post_has_a_valid_submission_or_a_reason():
    covered = {name for name, _submission in SUBMISSIONS}
    missing = sorted(_posting_routes() - covered - set(NOT_A_FORM))
    assert not missing, (
        "These routes take a POST but have no valid submission in SUBMISSIONS "
        f"(tests/security/test_mass_assignment.py), nor a reason in NOT_A_FORM: {missing}"
    )
    assert not (covered | set(NOT_A_FORM)) - _posting_routes(), "entries for routes that are gone"
    assert not covered & set(NOT_A_FORM), "a route is both a form and not a form"


# --- Snapshots of every table, row by row -------------------------------------------------


@dataclass(frozen=True)
class Table:
    name: str
    pk: str
    columns: tuple[str, ...]
    user_columns: frozenset
    page_columns: frozenset


def _tables() -> list[Table]:
    user_model = get_user_model()
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.db_table.startswith(_VOLATILE) or not meta.managed or meta.proxy:
            continue
        # Only the columns of this table: a child page's inherited fields live in its parent's
        # table (SQLite would read an unknown quoted column as a string literal and hide it).
        fields = meta.local_concrete_fields
        fks = [f for f in fields if f.is_relation and f.remote_field]
        tables[meta.db_table] = Table(
            meta.db_table,
            meta.pk.column,
            tuple(f.column for f in fields),
            frozenset(f.column for f in fks if issubclass(f.related_model, user_model)),
            frozenset(f.column for f in fks if issubclass(f.related_model, Page)),
        )
    return list(tables.values())


def _rows(tables: list[Table]) -> dict[str, dict]:
    """Every row of every table, keyed by primary key."""
    snapshot = {}
    with connection.cursor() as cursor:
        for table in tables:
            quoted = ", ".join(connection.ops.quote_name(c) for c in table.columns)
            cursor.execute(f"SELECT {quoted} FROM {connection.ops.quote_name(table.name)}")  # noqa: S608
            position = table.columns.index(table.pk)
            snapshot[table.name] = {
                row[position]: dict(zip(table.columns, row, strict=True))
                for row in cursor.fetchall()
            }
    return snapshot


@dataclass
class Changes:
    written: dict[str, list[dict]]  # rows created or changed, per table
    # (table, n) of rows that existed and changed or went; n is the row's place in its table
    # by primary key. Rows a submission prepares are made again for every post, and on
    # PostgreSQL a rolled-back insert still uses up its id, so the ids differ between posts
    # while the places do not.
    existing: set[tuple[str, int]]


def _changes(before: dict, after: dict) -> Changes:
    written, existing = {}, set()
    for table, rows in after.items():
        old = before.get(table, {})
        place = {pk: n for n, pk in enumerate(sorted(old))}
        for pk, row in rows.items():
            if old.get(pk) != row:
                written.setdefault(table, []).append(row)
                if pk in old:
                    existing.add((table, place[pk]))
        existing.update((table, place[pk]) for pk in old.keys() - rows.keys())
    return Changes(written, existing)


# --- Posting ------------------------------------------------------------------------------


def _client(world, role: str) -> Client:
    client = Client()
    if role != "anonymous":
        client.force_login(getattr(world, role))
    return client


def _post(ctx, name: str, submission: Submission, extra: dict, tables):
    """Post once inside a transaction that is rolled back; the response and what the post
    itself wrote (not the login or the preparation before it)."""
    with transaction.atomic():
        cache.clear()  # rate limits count in the cache, which no rollback resets
        client = _client(ctx.world, submission.role)
        if submission.prepare:
            submission.prepare(ctx, client)
        if submission.url:
            url = submission.url(ctx, client)
        else:
            kwargs = submission.kwargs(ctx) if submission.kwargs else ROUTES[name].kwargs(ctx.o)
            url = reverse(name, kwargs=kwargs)
        data = submission.data(ctx)
        before = _rows(tables)
        response = client.post(url, {**extra, **data})
        changes = _changes(before, _rows(tables))
        transaction.set_rollback(True)
    return response, changes


def _hostile_values(tables, world, plain: Changes, hostile: Changes) -> list[str]:
    """Values in rows the hostile post wrote that came from the extra fields."""
    problems = []
    by_name = {table.name: table for table in tables}
    for table_name, rows in hostile.written.items():
        table = by_name[table_name]
        checks = {c: f for c, f in _HOSTILE_COLUMNS.items() if c in table.columns}
        checks.update(dict.fromkeys(table.user_columns, lambda v: v == world.outsider.pk))
        checks.update(dict.fromkeys(table.page_columns, lambda v: v == world.street_b.pk))
        plain_rows = plain.written.get(table_name, [])
        for row in rows:
            for column, is_hostile in checks.items():
                value = row[column]
                if is_hostile(value) and not any(r[column] == value for r in plain_rows):
                    problems.append(f"{table_name}.{column} = {value!r}")
    return problems


def _compare(name, world, tables, plain: Changes, hostile: Changes) -> list[str]:
    problems = [f"{name}: {p}" for p in _hostile_values(tables, world, plain, hostile)]
    more = sorted(hostile.existing - plain.existing)
    if more:
        problems.append(f"{name}: extra fields changed or removed rows {more}")
    for table, rows in hostile.written.items():
        if len(rows) > len(plain.written.get(table, [])):
            problems.append(f"{name}: extra fields wrote more rows to {table}")
    return problems


def _succeeded(response, changes: Changes, submission: Submission) -> bool:
    """A valid submission is taken: a redirect or a result page, and (mostly) stored data."""
    if response.status_code not in (200, 302):
        return False
    if response.status_code == 200 and re.search(rb'class="[^"]*errorlist', response.content):
        return False
    return bool(changes.written or changes.existing) or not submission.writes


@pytest.fixture
def ctx(world):
    token_id = api_token_id(world)
    return world, route_kwargs(world, world.street_a, world.gangmaker_a, world.bewoner_a, token_id)


def test_extra_fields_posted_to_every_form_are_ignored_or_refused(ctx):
    world, objects = ctx
    tables = _tables()
    others = [
        (name, Submission(next(role for role in _ROLE_ORDER if role in ROUTES[name].post)))
        for name in sorted(NOT_A_FORM)
        if ROUTES[name].post
    ]
    problems = []
    for name, submission in [*SUBMISSIONS, *others]:

        def post(extra, name=name, submission=submission):
            fresh = SimpleNamespace(world=world, o=objects)
            return _post(fresh, name, submission, extra, tables)

        response, plain = post({})
        if (name, submission) in SUBMISSIONS and not _succeeded(response, plain, submission):
            problems.append(
                f"{name} as {submission.role}: the valid submission was not taken "
                f"({response.status_code}); fix its data in SUBMISSIONS"
            )
            continue
        for variant in (0, 1):
            _response, hostile = post(_hostile(world, variant))
            problems.extend(_compare(name, world, tables, plain, hostile))
    print(f"mass assignment: {len(SUBMISSIONS)} forms and {len(others)} other POST routes")
    assert not problems, "\n".join(problems)
