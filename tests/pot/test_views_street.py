"""The street's pot screens: who may see and do what, bad input, and the tip-to-expense flow."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from pot.choices import ExpenseStatus, Gift, Occasion, TipStatus
from pot.models import AuditEntry, Expense, LedgerEntry, Receipt, Reminder, Tip
from pot.services import record_expense
from tests.pot.conftest import EXE_BYTES, JPEG_BYTES, PDF_BYTES, jpeg, upload
from tests.pot.factories import TipFactory, funded_pot
from tests.streets.factories import GangmakerMembershipFactory

ROLES = [
    "bewoner_a",
    "gangmaker_a",
    "gangmaker_b",
    "bewoner_b",
    "welzijn_a",
    "welzijn_other",
    "coordinator",
    "outsider",
]


def snapshot():
    """Everything a refused request must leave as it was."""
    return {
        "expenses": list(Expense.objects.values_list("pk", "status", "amount").order_by("pk")),
        "entries": list(LedgerEntry.objects.values_list("pk", "amount").order_by("pk")),
        "tips": list(Tip.objects.values_list("pk", "status", "expense").order_by("pk")),
        "reminders": list(Reminder.objects.values_list("pk", "done_at").order_by("pk")),
        "receipts": Receipt.objects.count(),
        "audit": AuditEntry.objects.count(),
    }


def expense_of(pot, by, amount="12.50", **extra):
    fields = {
        "spent_on": timezone.localdate(),
        "occasion": Occasion.ZIEK,
        "gift": Gift.BLOEMEN,
        "amount": Decimal(amount),
        "for_whom": "nr. 7",
    }
    fields.update(extra)
    return record_expense(pot, by, **fields)


def valid_post(**overrides):
    data = {
        "spent_on": timezone.localdate().isoformat(),
        "occasion": Occasion.ZIEK,
        "gift": Gift.BLOEMEN,
        "amount": "12,50",
        "for_whom": "nr. 7",
        "remind_on": "",
        "reminder_text": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def objects(world, pot_a):
    """Street A's pot with one booked expense with a receipt, one open tip and a due reminder."""
    expense = expense_of(
        pot_a,
        world.gangmaker_a,
        receipt=jpeg(),
        remind_on=timezone.localdate(),
        reminder_text="Even langs?",
    )
    tip = TipFactory(street=world.street_a)
    return {
        "pot": pot_a,
        "expense": expense,
        "tip": tip,
        "reminder": expense.reminders.get(),
    }


def urls(world, objects):
    street = world.street_a.pk
    year = objects["pot"].year
    expense = objects["expense"].pk
    return {
        "pot": reverse("pot:pot", args=[street]),
        "pot_year": reverse("pot:pot_year", args=[street, year]),
        "expense_new": reverse("pot:expense_new", args=[street, year]),
        "expense": reverse("pot:expense", args=[street, expense]),
        "expense_decline": reverse("pot:expense_decline", args=[street, expense]),
        "expense_reverse": reverse("pot:expense_reverse", args=[street, expense]),
        "tip_dismiss": reverse("pot:tip_dismiss", args=[street, objects["tip"].pk]),
        "year_report": reverse("pot:year_report", args=[street, year]),
        "receipt": reverse("pot:receipt", args=[street, expense]),
        "tip_new": reverse("pot:tip_new", args=[street]),
        "street_threshold": reverse("pot:street_threshold", args=[street, year]),
    }


# Which roles may open each page of street A (everyone else: 403, anonymous: login).
GANGMAKER_ONLY = {"gangmaker_a"}
READERS = {
    "pot": GANGMAKER_ONLY,
    "pot_year": GANGMAKER_ONLY,
    "expense_new": GANGMAKER_ONLY,
    # The coordinator who may open the receipt may read the expense it belongs to.
    "expense": {"gangmaker_a", "coordinator"},
    "expense_decline": GANGMAKER_ONLY,
    "expense_reverse": GANGMAKER_ONLY,
    "tip_dismiss": GANGMAKER_ONLY,
    "year_report": {"gangmaker_a", "coordinator"},
    "receipt": {"gangmaker_a", "coordinator"},
    "tip_new": {"gangmaker_a", "bewoner_a"},
    "street_threshold": {"coordinator"},
}


@pytest.mark.parametrize("name", sorted(READERS))
def test_each_page_opens_only_for_its_roles(world, objects, client, name):
    url = urls(world, objects)[name]

    response = client.get(url)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]

    for role in ROLES:
        client.force_login(getattr(world, role))
        expected = 200 if role in READERS[name] else 403
        assert client.get(url).status_code == expected, role


def post_actions(world, objects):
    """Every state change of street A, as (url, data)."""
    street = world.street_a.pk
    expense = objects["expense"].pk
    return [
        (reverse("pot:expense_new", args=[street, objects["pot"].year]), valid_post()),
        (reverse("pot:expense_approve", args=[street, expense]), {}),
        (reverse("pot:expense_decline", args=[street, expense]), {}),
        (reverse("pot:expense_reverse", args=[street, expense]), {"reason": "fout"}),
        (reverse("pot:receipt_upload", args=[street, expense]), {"receipt": jpeg()}),
        (reverse("pot:tip_handled", args=[street, objects["tip"].pk]), {}),
        (reverse("pot:tip_dismiss", args=[street, objects["tip"].pk]), {}),
        (reverse("pot:reminder_done", args=[street, objects["reminder"].pk]), {}),
    ]


@pytest.mark.parametrize("role", [None, *[r for r in ROLES if r != "gangmaker_a"]])
def test_nobody_but_the_streets_gangmaker_can_change_its_pot(world, objects, client, role):
    if role:
        client.force_login(getattr(world, role))
    before = snapshot()

    for url, data in post_actions(world, objects):
        response = client.post(url, data)
        assert response.status_code in (302, 403), url
        if role:
            assert response.status_code == 403, url

    assert snapshot() == before


def test_a_gangmaker_of_another_street_gets_404_for_objects_guessed_by_id(
    world, objects, pot_b, login
):
    client = login(world.gangmaker_b)
    street_b = world.street_b.pk
    expense = objects["expense"].pk
    before = snapshot()

    for url in [
        reverse("pot:expense", args=[street_b, expense]),
        reverse("pot:receipt", args=[street_b, expense]),
        reverse("pot:expense_reverse", args=[street_b, expense]),
        reverse("pot:tip_dismiss", args=[street_b, objects["tip"].pk]),
        f"{reverse('pot:expense_new', args=[street_b, pot_b.year])}?tip={objects['tip'].pk}",
    ]:
        assert client.get(url).status_code == 404, url
    for url, data in [
        (reverse("pot:expense_approve", args=[street_b, expense]), {}),
        (reverse("pot:expense_reverse", args=[street_b, expense]), {"reason": "x"}),
        (reverse("pot:tip_handled", args=[street_b, objects["tip"].pk]), {}),
        (reverse("pot:reminder_done", args=[street_b, objects["reminder"].pk]), {}),
        (reverse("pot:receipt_upload", args=[street_b, expense]), {"receipt": jpeg()}),
    ]:
        assert client.post(url, data).status_code == 404, url
    assert snapshot() == before


def test_a_pot_year_without_a_pot_is_a_404_for_the_expense_form(world, pot_a, login):
    client = login(world.gangmaker_a)

    assert client.get(reverse("pot:expense_new", args=[world.street_a.pk, 2001])).status_code == 404
    assert client.get(reverse("pot:year_report", args=[world.street_a.pk, 2001])).status_code == 404


def test_a_street_without_a_pot_shows_what_to_do(world, login):
    response = login(world.gangmaker_a).get(reverse("pot:pot", args=[world.street_a.pk]))

    assert response.status_code == 200
    assert "Er is nog geen potje voor" in response.text


def test_the_pot_page_is_never_cached(world, pot_a, login):
    response = login(world.gangmaker_a).get(reverse("pot:pot", args=[world.street_a.pk]))

    assert "no-store" in response["Cache-Control"]


def test_a_tip_becomes_an_expense_in_one_prefilled_form_and_the_balance_drops(world, pot_a, login):
    tip = TipFactory(street=world.street_a, occasion=Occasion.NIEUWE_BEWONER, about="nr. 23")
    client = login(world.gangmaker_a)

    page = client.get(reverse("pot:pot", args=[world.street_a.pk]))
    form_url = f"{reverse('pot:expense_new', args=[world.street_a.pk, pot_a.year])}?tip={tip.pk}"
    assert form_url in page.text

    form = client.get(form_url).context["form"]
    assert form.initial["occasion"] == Occasion.NIEUWE_BEWONER
    assert form.initial["for_whom"] == "nr. 23"

    response = client.post(
        form_url,
        valid_post(occasion=Occasion.NIEUWE_BEWONER, for_whom="nr. 23", amount="7,95"),
        follow=True,
    )

    assert "Er zit nog € 142,05 in het potje" in response.text
    tip.refresh_from_db()
    assert tip.status == TipStatus.HANDLED
    assert tip.expense.amount == Decimal("7.95")
    assert "Tips van de buren" in response.text
    assert "nr. 23" not in response.context["open_tips"]


BAD_AMOUNTS = {
    "-5": "Een bedrag kan niet negatief zijn.",
    "12,505": "Een bedrag heeft hooguit twee cijfers achter de komma.",
    "twaalf": "Vul een bedrag in euro's in, bijvoorbeeld 12,50.",
    "0": "Het bedrag moet meer dan 0 euro zijn.",
    "123456789": "Dat bedrag is te groot.",
    "NaN": "Vul een bedrag in euro's in, bijvoorbeeld 12,50.",
}


@pytest.mark.parametrize("amount", sorted(BAD_AMOUNTS))
def test_a_bad_amount_gets_a_dutch_error_next_to_the_field_and_keeps_the_input(
    world, pot_a, login, amount
):
    client = login(world.gangmaker_a)
    before = snapshot()

    response = client.post(
        reverse("pot:expense_new", args=[world.street_a.pk, pot_a.year]),
        valid_post(amount=amount, for_whom="nr. 99"),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["amount"] == [BAD_AMOUNTS[amount]]
    assert 'value="nr. 99"' in response.text
    assert snapshot() == before


def test_an_amount_with_a_comma_or_a_euro_sign_is_understood(world, pot_a, login):
    client = login(world.gangmaker_a)
    url = reverse("pot:expense_new", args=[world.street_a.pk, pot_a.year])

    client.post(url, valid_post(amount="€ 1,50"))
    client.post(url, valid_post(amount="2.25"))

    assert sorted(Expense.objects.values_list("amount", flat=True)) == [
        Decimal("1.50"),
        Decimal("2.25"),
    ]


@pytest.mark.parametrize(
    ("when", "message"),
    [
        (lambda today: today + datetime.timedelta(days=1), "ligt in de toekomst"),
        (lambda today: today.replace(year=today.year - 1), "het jaar van dit potje"),
        (lambda today: "31-02-2026", "Voer een geldige datum in"),
    ],
)
def test_a_date_in_the_future_or_outside_the_pots_year_is_refused(
    world, pot_a, login, today, when, message
):
    client = login(world.gangmaker_a)
    value = when(today)
    before = snapshot()

    response = client.post(
        reverse("pot:expense_new", args=[world.street_a.pk, pot_a.year]),
        valid_post(spent_on=value if isinstance(value, str) else value.isoformat()),
    )

    assert response.status_code == 200
    errors = " ".join(response.context["form"].errors["spent_on"])
    assert message in errors
    assert snapshot() == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bon.jpg", EXE_BYTES, "Dit is geen foto of PDF"),
        ("bon.pdf", b"gewoon wat tekst, geen pdf", "Dit is geen foto of PDF"),
        ("bon.txt", b"boodschappen 12,50", "Dit is geen foto of PDF"),
        ("bon.jpg", JPEG_BYTES + b"\x00" * 2048, "te groot"),
    ],
)
def test_a_receipt_that_is_not_a_photo_or_pdf_or_is_too_big_is_refused(
    world, pot_a, login, settings, name, content, message
):
    settings.POT_RECEIPT_MAX_BYTES = 2048
    client = login(world.gangmaker_a)
    before = snapshot()

    response = client.post(
        reverse("pot:expense_new", args=[world.street_a.pk, pot_a.year]),
        {**valid_post(), "receipt": upload(name, content)},
    )

    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["receipt"])
    assert snapshot() == before


def test_a_pdf_receipt_is_accepted_and_served_as_a_download_to_the_coordinator(world, pot_a, login):
    client = login(world.gangmaker_a)
    client.post(
        reverse("pot:expense_new", args=[world.street_a.pk, pot_a.year]),
        {**valid_post(), "receipt": upload("bon.pdf", PDF_BYTES, "application/pdf")},
    )
    expense = Expense.objects.get()

    response = login(world.coordinator).get(
        reverse("pot:receipt", args=[world.street_a.pk, expense.pk])
    )

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert "no-store" in response["Cache-Control"]


def test_a_receipt_can_be_added_later_but_not_twice(world, pot_a, login):
    expense = expense_of(pot_a, world.gangmaker_a)
    client = login(world.gangmaker_a)
    url = reverse("pot:receipt_upload", args=[world.street_a.pk, expense.pk])

    client.post(url, {"receipt": jpeg()})
    response = client.post(url, {"receipt": jpeg()}, follow=True)

    assert Receipt.objects.filter(expense=expense).count() == 1
    assert "Deze uitgave heeft al een bonnetje." in response.text


def test_receipts_are_not_reachable_under_the_media_url(world, objects, client, settings):
    receipt = objects["expense"].receipt

    assert not receipt.file.path.startswith(str(settings.MEDIA_ROOT))
    with pytest.raises(ValueError):
        receipt.file.url  # noqa: B018


def test_a_reversal_asks_for_a_reason_first_and_then_returns_the_money(world, objects, login):
    client = login(world.gangmaker_a)
    url = reverse("pot:expense_reverse", args=[world.street_a.pk, objects["expense"].pk])

    assert "Uitgave corrigeren?" in client.get(url).text
    refused = client.post(url, {"reason": ""})
    assert refused.context["form"].errors["reason"]
    assert objects["pot"].balance() == Decimal("137.50")

    client.post(url, {"reason": "dubbel ingevoerd"})
    assert objects["pot"].balance() == Decimal("150.00")


def test_four_eyes_a_second_gangmaker_approves_from_the_expense_page(world, login):
    pot = funded_pot(world.street_a, four_eyes_threshold=Decimal("20.00"))
    second = GangmakerMembershipFactory(street=world.street_a).user
    client = login(world.gangmaker_a)
    response = client.post(
        reverse("pot:expense_new", args=[world.street_a.pk, pot.year]),
        valid_post(amount="35,00"),
        follow=True,
    )
    assert "tweede gangmaker" in response.text
    expense = Expense.objects.get()
    approve = reverse("pot:expense_approve", args=[world.street_a.pk, expense.pk])

    own = client.post(approve, follow=True)
    assert "niet u zelf" in own.text
    assert pot.balance() == Decimal("150.00")

    login(second).post(approve)
    expense.refresh_from_db()
    assert expense.status == ExpenseStatus.BOOKED
    assert pot.balance() == Decimal("115.00")


def test_an_expense_that_does_not_fit_keeps_the_form_with_a_clear_message(world, pot_a, login):
    expense_of(pot_a, world.gangmaker_a, amount="145.00")
    response = login(world.gangmaker_a).post(
        reverse("pot:expense_new", args=[world.street_a.pk, pot_a.year]),
        valid_post(amount="10,00"),
    )

    assert response.status_code == 200
    assert "Er zit nog € 5,00 in het potje" in response.text
    assert Expense.objects.count() == 1


def test_a_member_tips_the_gangmakers_who_are_emailed_without_the_text(
    world, login, mailoutbox, django_capture_on_commit_callbacks
):
    client = login(world.bewoner_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("pot:tip_new", args=[world.street_a.pk]),
            {"occasion": Occasion.ZIEK, "about": "nr. 7", "note": "Ligt in het ziekenhuis"},
        )

    assert response.status_code == 302
    tip = Tip.objects.get()
    assert (tip.street, tip.created_by, tip.status) == (world.street_a, world.bewoner_a, "open")
    assert [m.to for m in mailoutbox] == [[world.gangmaker_a.email]]
    assert "ziekenhuis" not in mailoutbox[0].body
    assert "nr. 7" not in mailoutbox[0].body


def test_only_the_gangmakers_see_the_tip_text(world, login):
    TipFactory(street=world.street_a, note="Geheim voor de gangmakers")
    street_url = world.street_a.url

    assert "Geheim voor de gangmakers" not in login(world.bewoner_a).get(street_url).text
    pot_page = login(world.gangmaker_a).get(reverse("pot:pot", args=[world.street_a.pk]))
    assert "Geheim voor de gangmakers" in pot_page.text


def test_dismissing_a_tip_asks_first(world, objects, login):
    client = login(world.gangmaker_a)
    url = reverse("pot:tip_dismiss", args=[world.street_a.pk, objects["tip"].pk])

    assert "terzijde leggen?" in client.get(url).text
    assert Tip.objects.get().status == TipStatus.OPEN
    client.post(url)
    assert Tip.objects.get().status == TipStatus.DISMISSED


def test_the_pot_page_shows_the_due_reminder_until_it_is_done(world, objects, login):
    client = login(world.gangmaker_a)
    url = reverse("pot:pot", args=[world.street_a.pk])

    assert "Even langs?" in client.get(url).text
    client.post(reverse("pot:reminder_done", args=[world.street_a.pk, objects["reminder"].pk]))
    assert "Even langs?" not in client.get(url).text


def test_the_pot_page_needs_the_same_number_of_queries_for_more_entries(
    world, objects, login, django_assert_num_queries
):
    client = login(world.gangmaker_a)
    url = reverse("pot:pot", args=[world.street_a.pk])
    client.get(url)  # the first request fills caches (site root, session)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(5):
        expense_of(objects["pot"], world.gangmaker_a, amount="1.00", for_whom=f"nr. {n}")
        TipFactory(street=world.street_a)

    with django_assert_num_queries(len(few.captured_queries)):
        client.get(url)


def test_the_year_report_lists_the_expenses_for_the_coordinator(world, objects, login):
    response = login(world.coordinator).get(
        reverse("pot:year_report", args=[world.street_a.pk, objects["pot"].year])
    )

    assert response.status_code == 200
    assert "nr. 7" in response.text
    assert "€\u00a012,50" in response.text
    assert "print.css" in response.text


@pytest.mark.parametrize(
    "path",
    [
        "{expense_new}?tip=²",
        "{expense_new}?tip=99999999999999999999",
        "{expense_new}?tip=",
        "/straat/{street}/potje/99999999999999999999/",
        "/straat/{street}/potje/99999999999999999999/uitgave/nieuw/",
        "/straat/{street}/potje/uitgave/99999999999999999999/bonnetje/",
    ],
)
def test_odd_ids_in_the_address_give_a_404_not_an_error(world, pot_a, login, path):
    url = path.format(
        expense_new=reverse("pot:expense_new", args=[world.street_a.pk, pot_a.year]),
        street=world.street_a.pk,
    )

    response = login(world.gangmaker_a).get(url)

    assert response.status_code in (200, 404)


@hypothesis_settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    data=st.fixed_dictionaries(
        {
            field: st.one_of(
                st.text(max_size=300),
                st.sampled_from(["\x00", "1" * 10_000, "‮12,50", "<script>x</script>"]),
            )
            for field in [
                "spent_on",
                "occasion",
                "gift",
                "amount",
                "for_whom",
                "remind_on",
                "reminder_text",
            ]
        }
    )
)
def test_no_input_in_the_expense_form_causes_a_server_error(world, pot_a, client, data):
    client.force_login(world.gangmaker_a)

    response = client.post(
        reverse("pot:expense_new", args=[world.street_a.pk, pot_a.year]),
        data,
    )

    assert response.status_code < 500


def test_the_coordinator_gives_one_street_its_own_four_eyes_amount(world, pot_a, login):
    url = reverse("pot:street_threshold", args=[world.street_a.pk, pot_a.year])

    assert login(world.gangmaker_a).post(url, {"four_eyes_threshold": "0"}).status_code == 403
    refused = login(world.coordinator).post(url, {"four_eyes_threshold": "-3"})
    assert refused.context["form"].errors["four_eyes_threshold"]
    pot_a.refresh_from_db()
    assert pot_a.four_eyes_threshold is None

    login(world.coordinator).post(url, {"four_eyes_threshold": "25,00"})

    pot_a.refresh_from_db()
    assert pot_a.four_eyes_threshold == Decimal("25.00")
    assert AuditEntry.objects.filter(pot=pot_a, actor=world.coordinator).exists()


def test_an_empty_tip_is_refused_in_dutch_and_never_reaches_the_pot_as_ill(world, login):
    client = login(world.bewoner_a)
    url = reverse("pot:tip_new", args=[world.street_a.pk])

    form_page = client.get(url).text
    assert '<option value="" selected>Kies een reden</option>' in form_page

    response = client.post(url, {"occasion": "", "about": "", "note": ""})
    assert response.status_code == 200
    assert "Kies waarom u de gangmakers tipt." in response.text
    assert Tip.objects.count() == 0

    # A reason alone says the gangmakers nothing: who, or what is the matter?
    response = client.post(url, {"occasion": Occasion.ZIEK, "about": " ", "note": ""})
    assert response.status_code == 200
    assert "Vertel de gangmakers over wie het gaat of wat er is" in response.text
    assert '<option value="ill" selected>' in response.text  # what was chosen stays chosen
    assert Tip.objects.count() == 0
    pot_page = login(world.gangmaker_a).get(reverse("pot:pot", args=[world.street_a.pk]))
    assert "Geen nieuwe tips." in pot_page.text


def test_the_coordinator_reads_the_expense_of_a_receipt_but_cannot_change_it(world, objects, login):
    expense = objects["expense"]
    page = login(world.coordinator).get(
        reverse("pot:expense", args=[world.street_a.pk, expense.pk])
    )
    assert page.status_code == 200
    assert "Bonnetje bekijken" in page.text
    assert reverse("pot:receipt", args=[world.street_a.pk, expense.pk]) in page.text
    assert "Corrigeren" not in page.text
    assert "Bonnetje bewaren" not in page.text
    assert reverse("pot:year_report", args=[world.street_a.pk, expense.pot.year]) in page.text
    # Correcting stays the gangmakers' work.
    reverse_url = reverse("pot:expense_reverse", args=[world.street_a.pk, expense.pk])
    assert login(world.coordinator).post(reverse_url, {"reason": "x"}).status_code == 403


def test_the_ledger_is_in_the_order_of_its_dates_whenever_an_expense_was_entered(world, login):
    year = timezone.localdate().year - 1
    pot = funded_pot(world.street_a, year=year)
    # Entered in this order, spent on other days.
    for day, whom in [((3, 3), "maart drie"), ((3, 20), "maart twintig"), ((2, 1), "februari")]:
        expense_of(pot, world.gangmaker_a, spent_on=datetime.date(year, *day), for_whom=whom)

    page = login(world.gangmaker_a).get(reverse("pot:pot_year", args=[world.street_a.pk, year]))
    ledger = page.text[page.text.index("Laatste boekingen") :]
    positions = [ledger.index(whom) for whom in ("maart twintig", "maart drie", "februari")]
    assert positions == sorted(positions)
    assert ledger.index("bijdrage gemeente") < positions[0]  # booked today, the newest date


def test_the_balance_label_is_smaller_than_the_amount_and_money_out_stays_on_one_line(
    world, pot_a, login
):
    import re
    from pathlib import Path

    from pot.templatetags.pot_tags import euro

    expense_of(pot_a, world.gangmaker_a, amount="12.50")
    page = login(world.gangmaker_a).get(reverse("pot:pot", args=[world.street_a.pk])).text

    assert '<h2 id="balance-title" class="balance__label">Er zit nog</h2>' in page
    css = Path("static/css/site.css").read_text()

    def size(selector):
        return float(re.search(rf"{re.escape(selector)} {{[^}}]*font-size: ([\d.]+)rem", css)[1])

    assert size(".balance__label") < size(".balance__amount")
    # No place to break between the minus sign, the euro sign and the number.
    assert euro(Decimal("-12.50")) == "−\u2060€\u00a012,50"
    assert '<td class="amount">−\u2060€\u00a012,50</td>' in page
    assert re.search(r"\.amount \{[^}]*white-space: nowrap", css)
