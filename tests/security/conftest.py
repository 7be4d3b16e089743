"""Fixtures for the security tests: one object of every kind in a street, and DB snapshots.

`street_objects(world, street)` fills a street the way real use would (through the apps'
services where they exist) and returns the ids the URL patterns need. `db_snapshot()` is a
fingerprint of every project table, so a refused request can be shown to change nothing.
"""

import datetime
import hashlib
from decimal import Decimal

import pytest
from django.apps import apps
from django.db import connection
from django.utils import timezone

from insights.models import WelzijnQuestion
from insights.services import create_api_token
from matching.models import CareRota
from matching.services.lifecycle import make_match
from national.models import InterestSubmission
from network.models import Meeting
from network.newsletters.models import Dispatch
from network.services import post_reply, post_topic
from pot.choices import Gift, Occasion
from pot.models import Reminder
from pot.services import record_expense
from programme.models import GangmakerRequest, StarterPack
from streets.choices import MembershipStatus
from streets.safety.choices import ContactKind
from streets.safety.services import add_emergency_contact, add_spare_key, give_consent
from tests.effects.factories import effect_round
from tests.insights.factories import CareSignalFactory
from tests.matching.factories import HelpOfferFactory, HelpRequestFactory, PostReportFactory
from tests.network.factories import NewsletterIndexPageFactory, NewsletterPageFactory
from tests.pot.factories import TipFactory, funded_pot
from tests.programme.factories import StreetApplicationFactory
from tests.streets.factories import EventPageFactory, MembershipFactory
from tests.surveys.factories import SurveyResponseFactory, template_survey
from welcome.services import note_new_residents

# Tables whose rows are not the project's data: sessions and caches change on every login,
# django-q and axes bookkeeping is not something a refused request could leak through.
_VOLATILE_PREFIXES = ("django_session", "axes_", "django_q_", "django_cache")

# The apps whose data a refused request must leave alone.
_OWNED_APPS = (
    "accounts",
    "streets",
    "matching",
    "pot",
    "network",
    "surveys",
    "effects",
    "insights",
    "welcome",
    "home",
    "wagtailcore",
    "programme",
    "national",
)


@pytest.fixture(autouse=True)
def _receipt_root(settings, tmp_path):
    settings.POT_RECEIPT_ROOT = tmp_path / "receipts"


def street_objects(world, street, gangmaker, bewoner) -> dict[str, int]:
    """One object of every kind in `street`, as ids keyed by the URL kwarg that takes them."""
    helper = MembershipFactory(street=street, user__first_name="Henk", house_number="14").user
    applicant = MembershipFactory(
        street=street, status=MembershipStatus.PENDING, user__first_name="Piet"
    )
    help_request = HelpRequestFactory(street=street, author=bewoner)
    offer = HelpOfferFactory(street=street, author=helper)
    report = PostReportFactory(post=help_request, reporter=helper, reason="Dit is reclame.")
    match = make_match(help_request, offer, gangmaker)
    event = EventPageFactory(parent=street, title=f"Liftkoffie {street.title}")
    pot = funded_pot(street)
    expense = record_expense(
        pot,
        gangmaker,
        spent_on=timezone.localdate(),
        occasion=Occasion.ZIEK,
        gift=Gift.BLOEMEN,
        amount=Decimal("12.50"),
        for_whom="Mevrouw Jansen",
    )
    tip = TipFactory(street=street, created_by=bewoner, note="Buurvrouw ligt in het ziekenhuis.")
    reminder = Reminder.objects.create(
        pot=pot,
        occasion=Occasion.ZIEK,
        due_on=timezone.localdate() + datetime.timedelta(days=3),
        text="Even langsgaan.",
        created_by=gangmaker,
    )
    survey = template_survey(street, gangmaker)
    response = SurveyResponseFactory(survey=survey, person=bewoner, name="Anna Enquête")
    signal = CareSignalFactory(street=street, neighbour=bewoner, raised_by=gangmaker)
    rota = CareRota.objects.create(
        street=street,
        request=help_request,
        first_day=timezone.localdate(),
        days=1,
        dagdelen=["avond"],
        created_by=gangmaker,
    )
    rota.moments.create(day=rota.first_day, dagdeel="avond")
    topic = post_topic(
        gangmaker, world.home, title="Tweede gangmaker?", body="Hoe vinden jullie die?"
    )
    reply = post_reply(bewoner_gangmaker(world, gangmaker), topic, body="Op de straatborrel.")
    meeting = Meeting.objects.create(
        municipality=world.home,
        wijk=world.wijk,
        title="Gangmakersavond Noord",
        start=timezone.now() + datetime.timedelta(days=7),
        end=timezone.now() + datetime.timedelta(days=7, hours=2),
        location="Buurthuis",
        organiser=world.coordinator,
    )
    pack = StarterPack.objects.create(street=street, year=pot.year)
    gangmaker_request = GangmakerRequest.objects.create(
        membership=helper.memberships.get(street=street), motivation="Ik help graag."
    )
    effect = effect_round(street, timezone.localdate().year, by=gangmaker)
    welcome, _created = note_new_residents(street, gangmaker, "14")
    net = give_consent(bewoner, street)
    spare_key = add_spare_key(net, holder=helper)
    contact = add_emergency_contact(net, ContactKind.FAMILY, "Dochter Ineke", "06 12345678")
    question = WelzijnQuestion.objects.create(
        street=street, asked_by=gangmaker, question="Wat kan ik doen?"
    )
    newsletter = NewsletterIndexPageFactory(parent=world.home)
    issue = NewsletterPageFactory(parent=newsletter, title=f"Nieuwsbrief {street.title}")
    Dispatch.objects.create(issue=issue, subject=issue.title, body_html="", body_text="")
    return {
        "meeting_id": meeting.pk,
        "membership_id": applicant.pk,
        "gangmaker_membership_id": gangmaker.memberships.get(street=street).pk,
        "topic_id": topic.pk,
        "reply_id": reply.pk,
        "member_membership_id": bewoner.memberships.get(street=street).pk,
        "post_id": help_request.pk,
        "offer_id": offer.pk,
        "report_id": report.pk,
        "match_id": match.pk,
        "event_id": event.pk,
        "year": pot.year,
        "expense_id": expense.pk,
        "tip_id": tip.pk,
        "reminder_id": reminder.pk,
        "survey_id": survey.pk,
        "survey_token": survey.token,
        "response_id": response.pk,
        "signal_id": signal.pk,
        "rota_id": rota.pk,
        "pack_id": pack.pk,
        "gangmaker_request_id": gangmaker_request.pk,
        "round_id": effect.pk,
        "round_token": effect.token,
        "welcome_id": welcome.pk,
        "net_id": net.pk,
        "key_id": spare_key.pk,
        "contact_id": contact.pk,
        "question_id": question.pk,
        "newsletter_id": newsletter.pk,
        "issue_id": issue.pk,
    }


def bewoner_gangmaker(world, gangmaker):
    """Another gangmaker of the municipality, to answer in the exchange."""
    return world.gangmaker_b if gangmaker == world.gangmaker_a else world.gangmaker_a


def api_token_id(world) -> int:
    token, _raw = create_api_token(world.home, "Gemeente dashboard", world.coordinator)
    return token.pk


def route_kwargs(world, street, gangmaker, bewoner, token_id: int) -> dict[str, int]:
    """Every URL kwarg the site's routes take, for `street`: its objects (street_objects), the
    street itself, its wijk, the municipality and an API token."""
    return {
        **street_objects(world, street, gangmaker, bewoner),
        "street_id": street.pk,
        "home_id": world.home.pk,
        "wijk_id": world.wijk.pk,
        "token_id": token_id,
        "application_id": StreetApplicationFactory(municipality=world.home).pk,
        "submission_id": InterestSubmission.objects.create(
            name="Ingrid Interesse",
            organisation="Gemeente Zwolle",
            email="ingrid@zwolle.example",
        ).pk,
    }


def _tables() -> list[str]:
    names = []
    for app_label in _OWNED_APPS:
        for model in apps.get_app_config(app_label).get_models():
            table = model._meta.db_table
            if not table.startswith(_VOLATILE_PREFIXES):
                names.append(table)
    return sorted(set(names))


def db_snapshot() -> dict[str, str]:
    """A hash of every row of the project's tables (sessions and bookkeeping left out).

    Login bookkeeping (last_login) changes on every forced login, so the user table is
    hashed without that column.
    """
    snapshot = {}
    with connection.cursor() as cursor:
        for table in _tables():
            columns = [
                c.name
                for c in connection.introspection.get_table_description(cursor, table)
                if c.name != "last_login"
            ]
            quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
            cursor.execute(
                f"SELECT {quoted} FROM {connection.ops.quote_name(table)} ORDER BY 1"  # noqa: S608
            )
            digest = hashlib.sha256(repr(cursor.fetchall()).encode()).hexdigest()
            snapshot[table] = digest
    return snapshot
