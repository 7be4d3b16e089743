"""A Rotterdam-scale data set: 2,000 streets in 60 wijken, 60,000 members, 20,000 open posts,
5,000 events and ten years of pot ledgers (all divided by --scale's inverse).

    DATABASE_URL=sqlite:////work/main/var/scale.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=... .venv/bin/python manage.py seed_demo      # demo logins and the site root
    DATABASE_URL=... .venv/bin/python bench/scale/generate.py --scale 0.1

Pages are not built with treebeard's add_child (one save, one revision and a parent update
per page): their paths are computed here and the rows are inserted in bulk. Wagtail pages use
multi-table inheritance, which Django's bulk_create refuses, so the base rows go through
bulk_create and the subclass rows through the same insert that save() would use, in batches.
Run it once per database: a second run adds another set of wijken.
"""

import argparse
import os
import random
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

import django  # noqa: E402

django.setup()

from django.contrib.auth.hashers import make_password  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page, Site  # noqa: E402

from accounts.models import User  # noqa: E402
from matching.choices import Category, Urgency  # noqa: E402
from matching.models import HelpOffer, HelpPost, HelpRequest, PostKind, PostStatus  # noqa: E402
from pot.choices import EntryKind, ExpenseStatus, Gift, Occasion  # noqa: E402
from pot.models import Expense, LedgerEntry, Pot  # noqa: E402
from streets.choices import MemberRole, MembershipStatus  # noqa: E402
from streets.models import EventPage, NeighbourhoodPage, StreetMembership, StreetPage  # noqa: E402

FULL = {"wijken": 60, "streets": 2_000, "members": 60_000, "posts": 20_000, "events": 5_000}
POT_YEARS = 10
EXPENSES_PER_YEAR = 4
PASSWORD = "bench-wachtwoord"  # noqa: S105 (generated neighbours of a local benchmark)
BATCH = 500
STREET_NAMES = ["Zwaan", "Lijster", "Merel", "Spreeuw", "Mus", "Kievit", "Reiger", "Meeuw"]
STREET_KINDS = ["straat", "laan", "weg", "hof", "kade", "singel"]
SLOTS = [f"{day}:{part}" for day in range(7) for part in ("ochtend", "middag", "avond")]


def insert_children(model, objects):
    """Insert only the subclass rows of multi-table pages/posts whose parent rows exist.

    This is the insert Model.save_base(raw=True) does one row at a time; QuerySet._insert is
    private API, acceptable in a benchmark script and checked by the page counts at the end.
    """
    fields = model._meta.local_concrete_fields
    for start in range(0, len(objects), BATCH):
        model._base_manager._insert(objects[start : start + BATCH], fields=fields, raw=True)


def add_pages(parent_of, model, specifics, now):
    """Create pages of `model` below their parents; `specifics` is [(parent, title, slug, fields)]."""
    content_type = ContentType.objects.get_for_model(model)
    children = {}
    bases = []
    for parent, title, slug, _ in specifics:
        step = parent.numchild + children.get(parent.pk, 0) + 1
        children[parent.pk] = children.get(parent.pk, 0) + 1
        bases.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                url_path=f"{parent.url_path}{slug}/",
                path=Page._get_path(parent.path, parent.depth + 1, step),
                depth=parent.depth + 1,
                numchild=0,
                locale_id=parent.locale_id,
                translation_key=uuid.uuid4(),
                first_published_at=now,
                last_published_at=now,
            )
        )
    Page.objects.bulk_create(bases, batch_size=BATCH)
    if connection.vendor != "postgresql" and bases[0].pk is None:
        raise SystemExit("This database does not return ids from bulk_create.")
    pages = [
        model(page_ptr_id=base.pk, **fields)
        for base, (_, _, _, fields) in zip(bases, specifics, strict=True)
    ]
    insert_children(model, pages)
    for parent_pk, count in children.items():
        Page.objects.filter(pk=parent_pk).update(numchild=parent_of[parent_pk].numchild + count)
    return list(model.objects.filter(pk__in=[b.pk for b in bases]).order_by("path"))


def counts(scale):
    return {key: max(1, round(value * scale)) for key, value in FULL.items()}


@transaction.atomic
def generate(scale: float, seed: int, out) -> dict:
    rng = random.Random(seed)
    n = counts(scale)
    now = timezone.now()
    today = timezone.localdate()
    home = Site.objects.get(is_default_site=True).root_page
    run = uuid.uuid4().hex[:6]
    timings = {}

    def lap(name, started):
        timings[name] = time.perf_counter() - started
        out.write(f"{name}: {timings[name]:.1f} s\n")
        return time.perf_counter()

    t = time.perf_counter()
    wijken = add_pages(
        {home.pk: home},
        NeighbourhoodPage,
        [(home, f"Wijk {i + 1}", f"wijk-{run}-{i + 1}", {}) for i in range(n["wijken"])],
        now,
    )
    by_pk = {w.pk: w for w in wijken}
    street_specs = []
    for i in range(n["streets"]):
        wijk = wijken[i % len(wijken)]
        name = f"{rng.choice(STREET_NAMES)}{rng.choice(STREET_KINDS)} {i + 1}"
        postcode = f"{3000 + i // 20} {chr(65 + i % 20)}{chr(65 + (i // 3) % 26)}"
        fields = {
            "intro": f"<p>Welkom in de {name}.</p>",
            "postcodes": postcode.replace(" ", ""),
            "join_code": f"b{run}{i:06d}",
            "how_to_join": "",
        }
        street_specs.append((wijk, name, f"straat-{i + 1}", fields))
    streets = add_pages(by_pk, StreetPage, street_specs, now)
    t = lap("wijken and streets", t)

    password = make_password(PASSWORD)
    users = [
        User(
            email=f"bewoner{i}-{run}@bench.example.org",
            first_name=f"Buur{i}",
            last_name="Bench",
            password=password,
        )
        for i in range(n["members"])
    ]
    User.objects.bulk_create(users, batch_size=BATCH)
    users = list(User.objects.filter(email__endswith=f"-{run}@bench.example.org").order_by("pk"))
    members_by_street = {s.pk: [] for s in streets}
    memberships = []
    for i, user in enumerate(users):
        street = streets[i % len(streets)]
        role = MemberRole.GANGMAKER if len(members_by_street[street.pk]) < 2 else MemberRole.BEWONER
        members_by_street[street.pk].append(user)
        memberships.append(
            StreetMembership(
                user=user,
                street=street,
                role=role,
                status=MembershipStatus.APPROVED,
                house_number=str(len(members_by_street[street.pk])),
                decided_at=now,
            )
        )
    StreetMembership.objects.bulk_create(memberships, batch_size=BATCH)
    t = lap("members", t)

    posts, offers, requests = [], [], []
    for i in range(n["posts"]):
        street = streets[i % len(streets)]
        author = rng.choice(members_by_street[street.pk] or users)
        # Alternate per round over the streets: with `i % 2` and an even number of streets,
        # every street got only offers or only requests, and nothing could be matched.
        is_offer = (i // len(streets)) % 2 == 0
        posts.append(
            HelpPost(
                street=street,
                author=author,
                kind=PostKind.OFFER if is_offer else PostKind.REQUEST,
                status=PostStatus.OPEN,
                description="Bench",
                valid_until=today + timedelta(days=rng.randint(7, 60)),
                opened_at=now - timedelta(days=rng.randint(0, 30)),
                created_at=now - timedelta(days=rng.randint(0, 30)),
            )
        )
    HelpPost.objects.bulk_create(posts, batch_size=BATCH)
    for post in posts:
        if post.kind == PostKind.OFFER:
            offers.append(
                HelpOffer(
                    helppost_ptr_id=post.pk,
                    categories=rng.sample(Category.values, rng.randint(1, 3)),
                    availability=rng.sample(SLOTS, rng.randint(2, 6)),
                    capacity=rng.randint(1, 3),
                )
            )
        else:
            requests.append(
                HelpRequest(
                    helppost_ptr_id=post.pk,
                    category=rng.choice(Category.values),
                    needed_on=today + timedelta(days=rng.randint(0, 14)) if i % 3 else None,
                    when_slots=rng.sample(SLOTS, rng.randint(1, 3)),
                    urgency=rng.choice(Urgency.values),
                )
            )
    insert_children(HelpOffer, offers)
    insert_children(HelpRequest, requests)
    t = lap("open offers and requests", t)

    street_by_pk = {s.pk: s for s in streets}
    event_specs = []
    for i in range(n["events"]):
        street = streets[i % len(streets)]
        start = now + timedelta(days=rng.randint(-60, 90), hours=rng.randint(0, 10))
        fields = {
            "start": start,
            "end": start + timedelta(hours=2),
            "location": "Op straat",
            "description": "<p>Samen koffie.</p>",
        }
        event_specs.append((street, f"Koffie {i + 1}", f"koffie-{i + 1}", fields))
    add_pages(street_by_pk, EventPage, event_specs, now)
    t = lap("events", t)

    pots = [
        Pot(street=street, year=today.year - back, opened_at=now)
        for street in streets
        for back in range(POT_YEARS)
    ]
    Pot.objects.bulk_create(pots, batch_size=BATCH)
    expenses, entries = [], []
    for pot in pots:
        gangmakers = members_by_street[pot.street_id][:2]
        entries.append(LedgerEntry(pot=pot, kind=EntryKind.FUNDING, amount=Decimal("250.00")))
        for _ in range(EXPENSES_PER_YEAR):
            expenses.append(
                Expense(
                    pot=pot,
                    spent_on=date(pot.year, rng.randint(1, 12), rng.randint(1, 28)),
                    occasion=rng.choice(Occasion.values),
                    gift=rng.choice(Gift.values),
                    amount=Decimal(rng.randint(500, 4000)) / 100,
                    for_whom="Een buur",
                    status=ExpenseStatus.BOOKED,
                    recorded_by=gangmakers[0] if gangmakers else None,
                    approved_by=gangmakers[1] if len(gangmakers) > 1 else None,
                    approved_at=now,
                )
            )
    Expense.objects.bulk_create(expenses, batch_size=BATCH)
    entries += [
        LedgerEntry(
            pot_id=e.pot_id,
            kind=EntryKind.EXPENSE,
            amount=-e.amount,
            expense=e,
            created_at=datetime(
                e.spent_on.year, e.spent_on.month, e.spent_on.day, tzinfo=now.tzinfo
            ),
        )
        for e in expenses
    ]
    LedgerEntry.objects.bulk_create(entries, batch_size=BATCH)
    lap("pot ledgers", t)

    made = {
        "wijken": len(wijken),
        "streets": len(streets),
        "members": len(memberships),
        "open posts": len(posts),
        "events": len(event_specs),
        "pots": len(pots),
        "ledger entries": len(entries),
    }
    if StreetPage.objects.filter(pk__in=[s.pk for s in streets]).count() != len(streets):
        raise SystemExit("Street pages are missing their subclass rows.")
    return {"made": made, "timings": timings}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="1 = Rotterdam, 0.1 = a tenth")
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    result = generate(args.scale, args.seed, sys.stdout)
    total = time.perf_counter() - started
    made = ", ".join(f"{count:,} {name}" for name, count in result["made"].items())
    print(f"{made} in {total:.1f} s ({connection.vendor})")


if __name__ == "__main__":
    main()
