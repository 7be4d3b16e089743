"""The dashboard pages and their exports: who may see which wijk, and no exact small counts."""

import csv
import io
import json
import re
from io import StringIO

import pytest
from django.core.cache import cache
from django.urls import reverse

from insights.suppression import SUPPRESSED
from tests.streets.factories import MembershipFactory

from .factories import helped

pytestmark = pytest.mark.django_db


def dashboard_url(kind, page, **query):
    url = reverse("insights:dashboard", args=[kind, page.pk])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def export_url(kind, page, fmt):
    return reverse("insights:export", args=[kind, page.pk, fmt])


def scoped_urls(world, kind, page):
    return [
        dashboard_url(kind, page),
        export_url(kind, page, "csv"),
        export_url(kind, page, "json"),
    ]


@pytest.fixture
def six_in_street_a(world):
    MembershipFactory.create_batch(4, street=world.street_a)  # with bewoner_a and gangmaker_a: 6


def test_welzijn_staff_see_their_wijk_and_its_streets(world, login, six_in_street_a):
    client = login(world.welzijn_a)
    for url in scoped_urls(world, "wijk", world.wijk) + scoped_urls(
        world, "straat", world.street_a
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"]


def test_welzijn_staff_of_wijk_a_get_403_for_every_view_and_export_of_wijk_b(world, login):
    client = login(world.welzijn_a)
    urls = scoped_urls(world, "wijk", world.other_wijk) + scoped_urls(
        world, "straat", world.street_c
    )
    urls += scoped_urls(world, "gemeente", world.home)
    urls.append(reverse("insights:yearly_report", args=[world.street_c.pk]))
    urls.append(reverse("insights:tokens", args=[world.home.pk]))
    for url in urls:
        assert client.get(url).status_code == 403, url


@pytest.mark.parametrize("who", ["bewoner_a", "gangmaker_a", "outsider"])
def test_neighbours_and_gangmakers_do_not_see_the_dashboards(world, login, who):
    client = login(getattr(world, who))
    for url in scoped_urls(world, "wijk", world.wijk) + scoped_urls(
        world, "straat", world.street_a
    ):
        assert client.get(url).status_code == 403, url
    assert client.get(reverse("insights:index")).status_code == 403


def test_an_anonymous_visitor_is_sent_to_log_in(client, world):
    response = client.get(dashboard_url("wijk", world.wijk))
    assert response.status_code == 302
    assert reverse("accounts:login") in response.url


def test_an_unknown_scope_or_id_is_a_404(world, login):
    client = login(world.coordinator)
    assert client.get("/signalen/wijk/999999/").status_code == 404
    # A street's id asked for as a wijk is not a wijk.
    assert client.get(dashboard_url("wijk", world.street_a)).status_code == 404
    assert client.get("/signalen/provincie/1/").status_code == 404


def test_small_counts_are_suppressed_in_html_csv_and_json_alike(world, login, six_in_street_a):
    client = login(world.welzijn_a)

    html = client.get(dashboard_url("wijk", world.wijk)).content.decode()
    assert "&lt; 5" in html
    bergweg_row = re.search(r"Bergweg</a></th>(.*?)</tr>", html, re.S).group(1)
    assert re.findall(r"<td>(\d+)</td>", bergweg_row) == []  # two members: never exact
    zwaanshals_row = re.search(r"Zwaanshals</a></th>(.*?)</tr>", html, re.S).group(1)
    assert "<td>6</td>" in zwaanshals_row

    rows = list(
        csv.reader(
            io.StringIO(
                client.get(export_url("wijk", world.wijk, "csv")).content.decode("utf-8-sig")
            ),
            delimiter=";",
        )
    )
    assert rows[0] == ["niveau", "naam", "kengetal", "eenheid", "waarde"]
    bergweg = [r for r in rows if r[1] == "Bergweg"]
    assert bergweg and {r[4] for r in bergweg} == {SUPPRESSED}
    assert ["straat", "Zwaanshals", "Bewoners die meedoen", "", "6"] in rows

    data = json.loads(client.get(export_url("wijk", world.wijk, "json")).content)
    by_title = {s["title"]: s["figures"] for s in data["streets"]}
    assert by_title["Bergweg"]["bewoners"] == SUPPRESSED
    assert by_title["Zwaanshals"]["bewoners"] == 6
    assert data["suppression"] == {"min_people": 5, "shown_as": SUPPRESSED}


def test_match_figures_from_fewer_than_five_neighbours_are_suppressed_in_html_csv_and_json(
    world, login
):
    for _ in range(4):
        helped(world.street_a)
    client = login(world.welzijn_a)

    html = client.get(dashboard_url("wijk", world.wijk)).content.decode()
    assert "<strong>&lt; 5</strong>Hulpvragen die een helper kregen" in html
    assert "<strong>&lt; 5</strong>Tijd tot een helper (mediaan)" in html
    body = client.get(export_url("wijk", world.wijk, "csv")).content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    match_rows = [
        r
        for r in rows
        if r[2] in ("Hulpvragen die een helper kregen", "Tijd tot een helper (90e percentiel)")
    ]
    assert len(match_rows) == 2 * (1 + 2) + 12  # wijk and two streets, and the month trend
    assert {r[4] for r in match_rows} == {SUPPRESSED}
    data = json.loads(client.get(export_url("wijk", world.wijk, "json")).content)
    assert data["totals"]["hulpvragen_met_helper"] == SUPPRESSED
    assert {s["figures"]["tijd_tot_helper_p90"] for s in data["streets"]} == {SUPPRESSED}

    helped(world.street_a)
    # The figures are kept for five minutes, and the page says when they were computed.
    html = client.get(dashboard_url("wijk", world.wijk)).content.decode()
    assert "<strong>&lt; 5</strong>Hulpvragen die een helper kregen" in html
    assert "Berekend om " in html
    cache.clear()  # five minutes later
    html = client.get(dashboard_url("wijk", world.wijk)).content.decode()
    assert "<strong>5</strong>Hulpvragen die een helper kregen" in html
    assert "<strong>2,0 dagen</strong>Tijd tot een helper (mediaan)" in html


def test_exports_hold_no_names_and_no_care_signals(world, login, six_in_street_a):
    from .factories import CareSignalFactory

    CareSignalFactory(street=world.street_a, neighbour=world.bewoner_a, raised_by=world.gangmaker_a)
    client = login(world.coordinator)
    for fmt in ("csv", "json"):
        body = client.get(export_url("gemeente", world.home, fmt)).content.decode("utf-8-sig")
        assert "Anna" not in body and "Gerda" not in body
        assert "in de war" not in body


def test_the_period_filter_keeps_a_wrong_period_with_a_clear_error(world, login):
    client = login(world.welzijn_a)
    response = client.get(dashboard_url("wijk", world.wijk, van="2026-06-01", tot="2026-01-01"))
    assert response.status_code == 200
    assert "Het einde ligt voor het begin." in response.content.decode()

    for odd in ("abc", "9999-99-99", "%00", "2026-01-01'--", "x" * 5000):
        assert client.get(dashboard_url("wijk", world.wijk, van=odd, tot=odd)).status_code == 200


def test_a_chosen_period_is_shown_and_carried_into_the_export_links(world, login):
    client = login(world.welzijn_a)
    html = client.get(
        dashboard_url("wijk", world.wijk, van="2025-01-01", tot="2025-12-31")
    ).content.decode()
    assert "1 januari 2025 tot en met 31 december 2025" in html
    assert "export.csv?van=2025-01-01&amp;tot=2025-12-31" in html
    data = json.loads(
        client.get(
            export_url("wijk", world.wijk, "json") + "?van=2025-01-01&tot=2025-12-31"
        ).content
    )
    assert data["period"] == {"from": "2025-01-01", "to": "2025-12-31"}
    assert [p["month"] for p in data["trends"][0]["points"]][0] == "2025-01"
    assert len(data["trends"][0]["points"]) == 12


def test_the_dashboard_draws_its_charts_as_inline_svg(world, login):
    html = login(world.welzijn_a).get(dashboard_url("wijk", world.wijk)).content.decode()
    # Each chart twice: months side by side for a wide screen, a month per row for a phone.
    assert html.count('<svg class="chart chart--columns"') >= 3
    assert html.count('<svg class="chart chart--rows"') == html.count(
        '<svg class="chart chart--columns"'
    )
    assert "<script" not in html


def test_coordinators_see_the_municipality_with_quiet_streets_and_handovers(world, login):
    html = login(world.coordinator).get(dashboard_url("gemeente", world.home)).content.decode()
    assert "Stille straten" in html
    assert "Putselaan" in html
    assert "tijd voor een overdracht" in html


def test_the_municipality_dashboard_page_costs_the_same_queries_for_more_streets(
    world, login, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.streets.factories import StreetPageFactory

    client = login(world.coordinator)
    client.get(dashboard_url("gemeente", world.home))  # warm up the session and site caches
    # Both measured requests compute the figures: nothing cached from the one before.
    cache.clear()
    with CaptureQueriesContext(connection) as before:
        client.get(dashboard_url("gemeente", world.home))
    for n in range(10):
        StreetPageFactory(parent=world.wijk, slug=f"extra-{n}")
    cache.clear()
    with django_assert_num_queries(len(before.captured_queries)):
        client.get(dashboard_url("gemeente", world.home))


def test_the_yearly_report_is_for_the_streets_gangmakers_and_staff(world, login):
    url = reverse("insights:yearly_report", args=[world.street_a.pk])
    for who in ("gangmaker_a", "coordinator", "welzijn_a"):
        response = login(getattr(world, who)).get(url)
        assert response.status_code == 200, who
        assert "Zwaanshals: ons jaar" in response.content.decode()
    for who in ("gangmaker_b", "bewoner_a", "welzijn_other", "outsider"):
        assert login(getattr(world, who)).get(url).status_code == 403, who


def test_the_yearly_report_prints_and_accepts_odd_years_without_error(world, login):
    client = login(world.gangmaker_a)
    html = client.get(reverse("insights:yearly_report", args=[world.street_a.pk])).content.decode()
    assert "insights/print.css" in html and 'media="print"' in html
    for odd in ("1850", "abc", "99999999999999999999", "2025"):
        response = client.get(
            reverse("insights:yearly_report", args=[world.street_a.pk]) + f"?jaar={odd}"
        )
        assert response.status_code == 200


def test_the_index_lists_a_welzijn_users_wijken_and_a_coordinators_municipality(world, login):
    html = login(world.welzijn_a).get(reverse("insights:index")).content.decode()
    assert dashboard_url("wijk", world.wijk) in html
    assert dashboard_url("wijk", world.other_wijk) not in html
    html = login(world.coordinator).get(reverse("insights:index")).content.decode()
    assert dashboard_url("gemeente", world.home) in html


def test_street_and_wijk_names_in_the_street_table_are_shown_as_text(world, login):
    from tests.streets.factories import NeighbourhoodPageFactory, StreetPageFactory

    wijk = NeighbourhoodPageFactory(parent=world.home, title="<b>Wijk</b>", slug="wijk-x")
    StreetPageFactory(parent=wijk, title='"><script>alert(1)</script>', slug="straat-x")

    client = login(world.coordinator)
    html = client.get(dashboard_url("gemeente", world.home)).content.decode()
    assert "<b>Wijk</b>" not in html
    assert "&lt;b&gt;Wijk&lt;/b&gt;</a></th><td>1</td>" in html

    # The street table is in the wijk's own dashboard.
    html = client.get(dashboard_url("wijk", wijk)).content.decode()
    assert "<script>alert(1)" not in html
    assert "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</a></th>" in html


def test_the_municipality_shows_a_row_per_wijk_that_leads_to_its_streets(world, login):
    client = login(world.coordinator)
    html = client.get(dashboard_url("gemeente", world.home)).content.decode()
    assert "Per wijk" in html
    assert dashboard_url("wijk", world.wijk) in html
    assert dashboard_url("wijk", world.other_wijk) in html
    # No row per street here: those are one click further.
    assert dashboard_url("straat", world.street_b) not in html
    wijk = client.get(dashboard_url("wijk", world.wijk)).content.decode()
    assert dashboard_url("straat", world.street_a) in wijk
    assert dashboard_url("straat", world.street_b) in wijk


def test_the_hourly_job_keeps_the_figures_warm_so_a_request_computes_nothing(world, login):
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from ops.schedules import declared_schedules

    assert "warm_dashboards" in {job.command for job in declared_schedules()}
    client = login(world.coordinator)
    client.get(dashboard_url("gemeente", world.home))
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        client.get(dashboard_url("gemeente", world.home))
    cache.clear()
    call_command("warm_dashboards", stdout=StringIO())
    with CaptureQueriesContext(connection) as warm:
        html = client.get(dashboard_url("gemeente", world.home)).content.decode()
        client.get(dashboard_url("wijk", world.wijk))
    assert "Per wijk" in html
    # The page's own queries only (session, user, scope, the wijken), for both pages together.
    assert len(warm.captured_queries) < len(cold.captured_queries)


@pytest.mark.parametrize("who", ["bewoner_a", "gangmaker_a"])
def test_signalen_refuses_a_neighbour_with_a_text_about_who_it_is_for(world, login, who):
    response = login(getattr(world, who)).get(reverse("insights:index"))
    assert response.status_code == 403
    assert "welzijnsmedewerkers" in response.text
    assert "deze straat" not in response.text


def test_a_dashboard_of_another_wijk_says_who_may_see_it(world, login):
    url = reverse("insights:dashboard", kwargs={"kind": "wijk", "pk": world.wijk.pk})
    response = login(world.welzijn_other).get(url)
    assert response.status_code == 403
    assert "welzijnsmedewerkers van deze wijk" in response.text
    assert "deze straat" not in response.text
