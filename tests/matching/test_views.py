"""The board's pages as each role sees them: own street, other street, and bad input."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from matching.models import (
    BoardSettings,
    HelpOffer,
    HelpPost,
    HelpRequest,
    ModerationLog,
    PostReport,
    PostStatus,
)
from streets.choices import JoinedVia
from tests.accounts.factories import OfflineUserFactory, UserFactory
from tests.streets.factories import MembershipFactory

from .factories import HelpOfferFactory, HelpRequestFactory, PostReportFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today


def in_days(n):
    return (timezone.localdate() + datetime.timedelta(days=n)).isoformat()


def request_data(**overrides):
    data = {
        "category": "boodschappen",
        "description": "Wie haalt dinsdag mijn boodschappen bij de Lidl?",
        "when": "weekly",
        "when_slots": ["1:ochtend", "1:middag"],
        "urgency": "normaal",
        "valid_until": in_days(20),
    }
    data.update(overrides)
    return data


def offer_data(**overrides):
    data = {
        "categories": ["tuin", "klusje"],
        "description": "Ik heb gereedschap.",
        "availability": ["5:ochtend"],
        "capacity": "2",
        "valid_until": in_days(20),
    }
    data.update(overrides)
    return data


def snapshot():
    """Everything a refused action must leave exactly as it was."""
    return (
        list(
            HelpPost.objects.order_by("pk").values_list(
                "pk", "status", "description", "valid_until", "author_id", "street_id"
            )
        ),
        list(HelpRequest.objects.order_by("pk").values_list("pk", "category", "when_slots")),
        list(HelpOffer.objects.order_by("pk").values_list("pk", "categories", "availability")),
        list(PostReport.objects.order_by("pk").values_list("pk", "status")),
        ModerationLog.objects.count(),
        list(BoardSettings.objects.values_list("street_id", "premoderate_new_members")),
    )


@pytest.fixture
def posts(world):
    """A request by Anna (bewoner A), a pending offer and a hidden request, a report."""
    request = HelpRequestFactory(street=world.street_a, author=world.bewoner_a)
    pending = HelpOfferFactory(
        street=world.street_a, author=world.bewoner_a, status=PostStatus.PENDING
    )
    hidden = HelpRequestFactory(
        street=world.street_a,
        author=world.bewoner_a,
        status=PostStatus.HIDDEN,
        opened_at=timezone.now(),
        description="verborgen",
    )
    report = PostReportFactory(post=request.helppost_ptr, reporter=world.gangmaker_a)
    return {"request": request, "pending": pending, "hidden": hidden, "report": report}


def board_urls(street, posts):
    """(name, url, method, data, level) for every board view and action on `street`."""
    sid = street.pk
    request, pending, hidden, report = (
        posts["request"],
        posts["pending"],
        posts["hidden"],
        posts["report"],
    )
    return [
        ("board", reverse("matching:board", args=[sid]), "get", None, "member"),
        (
            "new request",
            reverse("matching:new_request", args=[sid]),
            "post",
            request_data(),
            "member",
        ),
        ("new offer", reverse("matching:new_offer", args=[sid]), "post", offer_data(), "member"),
        (
            "edit",
            reverse("matching:edit", args=[sid, request.pk]),
            "post",
            request_data(description="weg"),
            "author",
        ),
        ("withdraw", reverse("matching:withdraw", args=[sid, request.pk]), "post", {}, "author"),
        ("renew", reverse("matching:renew", args=[sid, request.pk]), "post", {}, "author"),
        (
            "report",
            reverse("matching:report", args=[sid, request.pk]),
            "post",
            {"reason": "nee"},
            "member",
        ),
        ("moderation", reverse("matching:moderation", args=[sid]), "get", None, "gangmaker"),
        ("approve", reverse("matching:approve", args=[sid, pending.pk]), "post", {}, "gangmaker"),
        (
            "hide",
            reverse("matching:hide", args=[sid, request.pk]),
            "post",
            {"reason": "x"},
            "gangmaker",
        ),
        (
            "restore",
            reverse("matching:restore", args=[sid, hidden.pk]),
            "post",
            {"reason": "x"},
            "gangmaker",
        ),
        (
            "dismiss report",
            reverse("matching:dismiss_report", args=[sid, report.pk]),
            "post",
            {},
            "gangmaker",
        ),
        (
            "settings",
            reverse("matching:settings", args=[sid]),
            "post",
            {"premoderate_new_members": "on", "new_member_days": "10"},
            "gangmaker",
        ),
    ]


OUTSIDERS = ["outsider", "bewoner_b", "gangmaker_b", "welzijn_a", "welzijn_other", "coordinator"]


def test_anonymous_visitors_are_sent_to_log_in_for_every_board_page(client, world, posts):
    before = snapshot()
    for name, url, method, data, _level in board_urls(world.street_a, posts):
        response = getattr(client, method)(url, data) if data is not None else client.get(url)
        assert response.status_code == 302, name
        assert response["Location"].startswith(reverse("accounts:login")), name
    assert snapshot() == before


@pytest.mark.parametrize("role", OUTSIDERS)
def test_people_outside_the_street_get_403_and_change_nothing(login, world, posts, role):
    client = login(getattr(world, role))
    before = snapshot()
    for name, url, method, data, _level in board_urls(world.street_a, posts):
        response = client.post(url, data) if method == "post" else client.get(url)
        assert response.status_code == 403, (role, name)
        if method == "post":
            assert client.get(url).status_code in (403, 405), (role, name)
    assert snapshot() == before
    assert mail.outbox == []


def test_a_bewoner_may_not_moderate_nor_change_someone_elses_post(login, world, posts):
    neighbour = MembershipFactory(street=world.street_a, user__first_name="Nel").user
    client = login(neighbour)
    before = snapshot()
    for name, url, _method, data, level in board_urls(world.street_a, posts):
        if level in ("gangmaker", "author"):
            assert client.post(url, data).status_code == 403, name
            assert client.get(url).status_code in (403, 405), name
    assert snapshot() == before


OBJECT_VIEWS = {
    "edit",
    "withdraw",
    "renew",
    "report",
    "approve",
    "hide",
    "restore",
    "dismiss report",
}


def test_a_post_of_another_street_is_not_found_through_ones_own_street(login, world, posts):
    client = login(world.gangmaker_b)
    before = snapshot()
    for name, url, method, data, _level in board_urls(world.street_b, posts):
        if name in OBJECT_VIEWS:
            response = client.post(url, data) if method == "post" else client.get(url)
            assert response.status_code == 404, name
    assert snapshot() == before


def test_members_see_the_board_with_first_name_and_house_number_only(login, world):
    world.bewoner_a.last_name = "Zwartjes"
    world.bewoner_a.phone = "06-12345678"
    world.bewoner_a.save()
    HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, description="Wie laat Max uit?"
    )
    HelpOfferFactory(street=world.street_b, author=world.bewoner_b, description="Andere straat")

    body = (
        login(world.gangmaker_a)
        .get(reverse("matching:board", args=[world.street_a.pk]))
        .content.decode()
    )

    assert "Wie laat Max uit?" in body
    assert "Anna, nr. 12" in body
    assert "Zwartjes" not in body and "06-12345678" not in body
    assert "Andere straat" not in body


def test_the_board_is_not_kept_in_any_cache(login, world):
    response = login(world.bewoner_a).get(reverse("matching:board", args=[world.street_a.pk]))
    assert "no-store" in response["Cache-Control"]


def test_waiting_and_hidden_posts_are_not_on_the_board(login, world, posts):
    body = (
        login(world.gangmaker_a)
        .get(reverse("matching:board", args=[world.street_a.pk]))
        .content.decode()
    )
    assert posts["request"].description in body
    assert "verborgen" not in body.split("Mijn berichten")[0]


def test_a_neighbour_posts_a_request_and_it_appears_on_the_board(
    login, world, django_capture_on_commit_callbacks
):
    client = login(world.bewoner_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("matching:new_request", args=[world.street_a.pk]), request_data()
        )

    assert response.status_code == 302
    post = HelpRequest.objects.get()
    assert (post.street, post.author, post.status) == (
        world.street_a,
        world.bewoner_a,
        PostStatus.OPEN,
    )
    assert post.when_slots == ["1:ochtend", "1:middag"]
    board = client.get(reverse("matching:board", args=[world.street_a.pk])).content.decode()
    assert "Wie haalt dinsdag mijn boodschappen bij de Lidl?" in board


def test_a_neighbour_offers_help_with_a_grid_of_dagdelen(login, world):
    client = login(world.bewoner_a)
    form = client.get(reverse("matching:new_offer", args=[world.street_a.pk])).content.decode()
    assert 'type="checkbox" name="availability" value="0:ochtend"' in form
    assert "<script" not in form.split("<main")[1]

    response = client.post(reverse("matching:new_offer", args=[world.street_a.pk]), offer_data())

    assert response.status_code == 302
    offer = HelpOffer.objects.get()
    assert offer.categories == ["klusje", "tuin"]
    assert offer.availability == ["5:ochtend"]
    assert offer.capacity == 2


def test_extra_posted_fields_for_street_author_and_status_are_ignored(login, world):
    client = login(world.bewoner_a)
    client.post(
        reverse("matching:new_request", args=[world.street_a.pk]),
        request_data(
            street=world.street_b.pk,
            author=world.bewoner_b.pk,
            posted_by=world.gangmaker_b.pk,
            status="hidden",
            opened_at="2000-01-01",
            kind="offer",
        ),
    )
    post = HelpRequest.objects.get()
    assert post.street_id == world.street_a.pk
    assert post.author_id == world.bewoner_a.pk
    assert post.posted_by_id is None
    assert post.status == PostStatus.OPEN
    assert post.kind == "request"


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"description": ""}, "Dit is een verplicht veld."),
        ({"description": "x" * 501}, "500 tekens"),
        ({"category": "schoonmaken"}, "staat er niet in"),
        ({"when_slots": ["9:nacht"]}, "staat er niet in"),
        ({"when_slots": []}, "Kies minstens één dagdeel"),
        ({"when": "once", "needed_on": "2001-01-01"}, "Deze datum is al voorbij"),
        ({"when": "once", "needed_on": "gisteren"}, "geldige datum"),
        ({"valid_until": "2001-01-01"}, "Deze datum is al voorbij"),
        ({"valid_until": in_days(800)}, "binnen een jaar"),
        ({"urgency": "morgen!"}, "staat er niet in"),
        ({"description": "nul\x00teken"}, "Null-tekens"),
    ],
)
def test_bad_input_gets_a_dutch_error_next_to_the_field_and_keeps_what_was_typed(
    login, world, overrides, message
):
    client = login(world.bewoner_a)
    data = request_data(
        description="Mijn eigen <b>tekst</b>",
        **{k: v for k, v in overrides.items() if k != "description"},
    )
    if "description" in overrides:
        data["description"] = overrides["description"]
    response = client.post(reverse("matching:new_request", args=[world.street_a.pk]), data)

    assert response.status_code == 200
    body = response.content.decode()
    assert message in body
    assert "field--error" in body
    if data["description"].startswith("Mijn eigen"):
        assert "Mijn eigen &lt;b&gt;tekst&lt;/b&gt;" in body
    assert not HelpPost.objects.exists()


def test_script_tags_are_stored_as_typed_and_shown_escaped_to_the_gangmaker(login, world):
    login(world.bewoner_a).post(
        reverse("matching:new_request", args=[world.street_a.pk]),
        request_data(description="<script>alert('hoi')</script>"),
    )
    assert HelpRequest.objects.get().description == "<script>alert('hoi')</script>"

    for url in (
        reverse("matching:board", args=[world.street_a.pk]),
        world.street_a.url,
    ):
        body = login(world.gangmaker_a).get(url).content.decode()
        assert "<script>alert" not in body
    board = login(world.gangmaker_a).get(reverse("matching:board", args=[world.street_a.pk]))
    assert "&lt;script&gt;alert(&#x27;hoi&#x27;)&lt;/script&gt;" in board.content.decode()


def test_a_gangmaker_posts_for_an_offline_neighbour_and_the_board_says_so(login, world):
    offline = MembershipFactory(
        street=world.street_a,
        user=OfflineUserFactory(first_name="Truus"),
        house_number="40",
        joined_via=JoinedVia.GANGMAKER,
    )
    client = login(world.gangmaker_a)
    form = client.get(reverse("matching:new_request", args=[world.street_a.pk])).content.decode()
    assert "Truus" in form and "Bram" not in form  # only this street's members to choose from

    client.post(
        reverse("matching:new_request", args=[world.street_a.pk]),
        request_data(for_member=offline.pk),
    )

    post = HelpRequest.objects.get()
    assert post.author == offline.user and post.posted_by == world.gangmaker_a
    board = (
        login(world.bewoner_a)
        .get(reverse("matching:board", args=[world.street_a.pk]))
        .content.decode()
    )
    assert "Truus, nr. 40" in board
    assert "geplaatst door gangmaker Gerda" in board


def test_a_gangmaker_cannot_post_for_a_neighbour_of_another_street(login, world):
    other = MembershipFactory(street=world.street_b, user__first_name="Vreemd")
    response = login(world.gangmaker_a).post(
        reverse("matching:new_request", args=[world.street_a.pk]),
        request_data(for_member=other.pk),
    )
    assert response.status_code == 200
    assert "Kies een buur uit de lijst." in response.content.decode()
    assert not HelpPost.objects.exists()


def test_a_bewoner_cannot_post_for_someone_else(login, world):
    login(world.bewoner_a).post(
        reverse("matching:new_request", args=[world.street_a.pk]),
        request_data(for_member=world.gangmaker_a.memberships.get().pk),
    )
    assert HelpRequest.objects.get().author == world.bewoner_a


def test_the_author_edits_their_post_and_its_state_stays(login, world, posts):
    request = posts["request"]
    client = login(world.bewoner_a)
    form = client.get(
        reverse("matching:edit", args=[world.street_a.pk, request.pk])
    ).content.decode()
    assert request.description in form

    response = client.post(
        reverse("matching:edit", args=[world.street_a.pk, request.pk]),
        request_data(description="Nieuwe tekst", status="hidden"),
    )

    assert response.status_code == 302
    request.refresh_from_db()
    assert request.description == "Nieuwe tekst"
    assert request.status == PostStatus.OPEN


def test_a_gangmaker_edits_the_post_of_an_offline_neighbour(login, world):
    offline = OfflineUserFactory(first_name="Truus")
    MembershipFactory(street=world.street_a, user=offline)
    post = HelpRequestFactory(street=world.street_a, author=offline, posted_by=world.gangmaker_a)
    response = login(world.gangmaker_a).post(
        reverse("matching:edit", args=[world.street_a.pk, post.pk]),
        request_data(description="Via de gangmaker gewijzigd"),
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.description == "Via de gangmaker gewijzigd"


def test_withdrawing_asks_first_and_keeps_the_post(login, world, posts):
    request = posts["request"]
    client = login(world.bewoner_a)
    url = reverse("matching:withdraw", args=[world.street_a.pk, request.pk])

    page = client.get(url)
    assert "Ja, intrekken" in page.content.decode()
    request.refresh_from_db()
    assert request.status == PostStatus.OPEN

    client.post(url)
    request.refresh_from_db()
    assert request.status == PostStatus.WITHDRAWN


def test_renewing_an_expired_post_puts_it_back_for_a_month(login, world):
    post = HelpOfferFactory(
        street=world.street_a,
        author=world.bewoner_a,
        status=PostStatus.EXPIRED,
        opened_at=timezone.now(),
        valid_until=timezone.localdate() - datetime.timedelta(days=2),
    )
    client = login(world.bewoner_a)
    board = client.get(reverse("matching:board", args=[world.street_a.pk])).content.decode()
    assert "Verlengen met een maand" in board

    client.post(reverse("matching:renew", args=[world.street_a.pk, post.pk]))

    post.refresh_from_db()
    assert post.status == PostStatus.OPEN
    assert post.valid_until == timezone.localdate() + datetime.timedelta(days=30)


def test_renewing_is_a_post_only_action(login, world, posts):
    url = reverse("matching:renew", args=[world.street_a.pk, posts["request"].pk])
    assert login(world.bewoner_a).get(url).status_code == 405


def test_a_member_reports_a_post_and_the_gangmaker_sees_it(login, world, posts):
    neighbour = MembershipFactory(street=world.street_a, user__first_name="Nel").user
    client = login(neighbour)
    url = reverse("matching:report", args=[world.street_a.pk, posts["request"].pk])
    assert client.post(url, {"reason": ""}).status_code == 200  # reason required
    client.post(url, {"reason": "Dit is een advertentie"})

    assert PostReport.objects.filter(reporter=neighbour).count() == 1
    queue = login(world.gangmaker_a).get(reverse("matching:moderation", args=[world.street_a.pk]))
    assert "Dit is een advertentie" in queue.content.decode()


def test_one_cannot_report_ones_own_post(login, world, posts):
    url = reverse("matching:report", args=[world.street_a.pk, posts["request"].pk])
    assert login(world.bewoner_a).post(url, {"reason": "zelf"}).status_code == 403
    assert PostReport.objects.count() == 1


def test_the_gangmaker_hides_a_post_with_a_reason_and_the_author_is_told(
    login, world, posts, django_capture_on_commit_callbacks
):
    client = login(world.gangmaker_a)
    url = reverse("matching:hide", args=[world.street_a.pk, posts["request"].pk])
    assert client.post(url, {"reason": ""}).status_code == 200
    assert HelpPost.objects.get(pk=posts["request"].pk).status == PostStatus.OPEN

    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"reason": "Geen <b>reclame</b> graag"})

    assert HelpPost.objects.get(pk=posts["request"].pk).status == PostStatus.HIDDEN
    assert [m.to for m in mail.outbox] == [[world.bewoner_a.email]]
    assert "Geen <b>reclame</b> graag" in mail.outbox[0].body
    assert "Geen &lt;b&gt;reclame&lt;/b&gt; graag" in mail.outbox[0].alternatives[0][0]
    log = ModerationLog.objects.get()
    assert (log.actor, log.action, log.reason) == (
        world.gangmaker_a,
        "hidden",
        "Geen <b>reclame</b> graag",
    )
    queue = client.get(reverse("matching:moderation", args=[world.street_a.pk])).content.decode()
    assert "Geen &lt;b&gt;reclame&lt;/b&gt; graag" in queue


def test_hiding_the_post_of_an_offline_neighbour_tells_the_gangmaker_to_go_by(
    login, world, django_capture_on_commit_callbacks
):
    offline = OfflineUserFactory(first_name="Truus")
    MembershipFactory(street=world.street_a, user=offline)
    post = HelpRequestFactory(street=world.street_a, author=offline)
    client = login(world.gangmaker_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("matching:hide", args=[world.street_a.pk, post.pk]),
            {"reason": "dubbel"},
            follow=True,
        )
    assert (
        "Truus is niet online en krijgt dus geen e-mail. Vertel het persoonlijk."
        in response.content.decode()
    )
    assert mail.outbox == []


def test_the_gangmaker_approves_a_waiting_post(
    login, world, posts, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        login(world.gangmaker_a).post(
            reverse("matching:approve", args=[world.street_a.pk, posts["pending"].pk])
        )
    assert HelpPost.objects.get(pk=posts["pending"].pk).status == PostStatus.OPEN
    assert "goedgekeurd" in mail.outbox[0].body


def test_the_gangmaker_restores_a_hidden_post(login, world, posts):
    login(world.gangmaker_a).post(
        reverse("matching:restore", args=[world.street_a.pk, posts["hidden"].pk]),
        {"reason": "Toch goed"},
    )
    assert HelpPost.objects.get(pk=posts["hidden"].pk).status == PostStatus.OPEN


def test_the_gangmaker_dismisses_a_report_and_the_post_stays(login, world, posts):
    login(world.gangmaker_a).post(
        reverse("matching:dismiss_report", args=[world.street_a.pk, posts["report"].pk]),
        {"reason": ""},
    )
    posts["report"].refresh_from_db()
    assert posts["report"].status == "dismissed"
    assert HelpPost.objects.get(pk=posts["request"].pk).status == PostStatus.OPEN
    assert ModerationLog.objects.get().action == "report_dismissed"


def test_the_dismiss_page_shows_the_reported_post_with_its_writer(login, world, posts):
    response = login(world.gangmaker_a).get(
        reverse("matching:dismiss_report", args=[world.street_a.pk, posts["report"].pk])
    )

    assert response.status_code == 200
    post = posts["request"]
    assert post.detail.description in response.content.decode()
    assert f"{post.author.first_name}, nr." in response.content.decode()


def test_the_gangmaker_turns_on_premoderation_and_a_new_neighbours_post_waits(login, world):
    response = login(world.gangmaker_a).post(
        reverse("matching:settings", args=[world.street_a.pk]),
        {"premoderate_new_members": "on", "new_member_days": "30"},
    )
    assert response.status_code == 302
    assert ModerationLog.objects.get().action == "settings_changed"

    login(world.bewoner_a).post(
        reverse("matching:new_request", args=[world.street_a.pk]), request_data()
    )

    post = HelpPost.objects.get()
    assert post.status == PostStatus.PENDING
    assert (
        request_data()["description"]
        not in login(world.bewoner_b).get(world.street_b.url).content.decode()
    )
    queue = login(world.gangmaker_a).get(reverse("matching:moderation", args=[world.street_a.pk]))
    assert request_data()["description"] in queue.content.decode()
    board = login(world.gangmaker_a).get(reverse("matching:board", args=[world.street_a.pk]))
    assert request_data()["description"] not in board.content.decode()


@pytest.mark.parametrize("days", ["0", "-3", "9999", "tien"])
def test_settings_refuse_a_nonsense_number_of_days(login, world, days):
    response = login(world.gangmaker_a).post(
        reverse("matching:settings", args=[world.street_a.pk]),
        {"premoderate_new_members": "on", "new_member_days": days},
    )
    assert response.status_code == 200
    assert not BoardSettings.objects.filter(premoderate_new_members=True).exists()


def test_the_public_street_page_shows_counts_and_no_names(client, world):
    HelpOfferFactory(street=world.street_a, author=world.bewoner_a, categories=["boodschappen"])
    HelpOfferFactory(
        street=world.street_a, author=world.gangmaker_a, categories=["boodschappen", "tuin"]
    )
    HelpRequestFactory(street=world.street_a, author=world.bewoner_a, description="Geheim verzoek")

    body = client.get(world.street_a.url).content.decode()

    assert "2 buren bieden hulp bij boodschappen" in body
    assert "1 buur biedt hulp bij tuin" in body
    assert "1 buur zoekt hulp bij boodschappen" in body
    assert "Anna" not in body and "Geheim verzoek" not in body


def test_the_members_area_links_to_the_board_and_gangmakers_to_moderation(login, world):
    bewoner = login(world.bewoner_a).get(world.street_a.url).content.decode()
    assert reverse("matching:board", args=[world.street_a.pk]) in bewoner
    assert reverse("matching:moderation", args=[world.street_a.pk]) not in bewoner
    gangmaker = login(world.gangmaker_a).get(world.street_a.url).content.decode()
    assert reverse("matching:moderation", args=[world.street_a.pk]) in gangmaker


def _fill_street(world, n):
    for i in range(n):
        member = MembershipFactory(street=world.street_a, user=UserFactory()).user
        factory = HelpOfferFactory if i % 2 else HelpRequestFactory
        status = [PostStatus.OPEN, PostStatus.PENDING, PostStatus.HIDDEN][i % 3]
        post = factory(
            street=world.street_a,
            author=member,
            status=status,
            opened_at=timezone.now() if status != PostStatus.PENDING else None,
            posted_by=world.gangmaker_a if i % 4 == 0 else None,
        )
        if status == PostStatus.OPEN:
            PostReportFactory(post=post.helppost_ptr, reporter=world.bewoner_a)
        ModerationLog.objects.create(
            street=world.street_a,
            post=post.helppost_ptr,
            actor=world.gangmaker_a,
            action="approved",
        )


@pytest.mark.parametrize("view", ["matching:board", "matching:moderation"])
def test_the_board_and_the_queue_take_as_many_queries_for_50_posts_as_for_10(
    login, world, view, django_assert_num_queries
):
    client = login(world.gangmaker_a)
    url = reverse(view, args=[world.street_a.pk])
    _fill_street(world, 10)
    client.get(url)  # session and caches warm
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from streets import page_cache

    # The board's lists are kept per street version; adding posts replaces it, so the first
    # measured request must read them anew as well.
    page_cache.invalidate(world.street_a.pk)
    with CaptureQueriesContext(connection) as ten:
        assert client.get(url).status_code == 200
    _fill_street(world, 40)
    with django_assert_num_queries(len(ten.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('class="card"') >= 15


def test_an_absurdly_large_post_id_is_simply_not_found(login, world):
    url = reverse("matching:edit", args=[world.street_a.pk, 10**30])
    assert login(world.bewoner_a).get(url).status_code == 404


def test_the_gangmaker_looks_after_the_posts_of_offline_neighbours_on_the_board(login, world):
    offline = OfflineUserFactory(first_name="Truus")
    MembershipFactory(street=world.street_a, user=offline, house_number="40")
    post = HelpRequestFactory(
        street=world.street_a,
        author=offline,
        status=PostStatus.EXPIRED,
        opened_at=timezone.now(),
        valid_until=timezone.localdate() - datetime.timedelta(days=1),
        description="Truus zoekt vervoer",
    )
    client = login(world.gangmaker_a)
    board = client.get(reverse("matching:board", args=[world.street_a.pk])).content.decode()
    assert "Truus zoekt vervoer" in board
    assert reverse("matching:renew", args=[world.street_a.pk, post.pk]) in board
    bewoner_board = login(world.bewoner_a).get(reverse("matching:board", args=[world.street_a.pk]))
    assert "Truus zoekt vervoer" not in bewoner_board.content.decode()

    login(world.gangmaker_a).post(reverse("matching:renew", args=[world.street_a.pk, post.pk]))
    post.refresh_from_db()
    assert post.status == PostStatus.OPEN
