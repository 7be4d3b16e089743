"""Care rotas as the street uses them: a gangmaker turns a request into a rota, the engine asks
the neighbours who offer that help, helpers take or leave their moments, the gangmaker fills
and swaps, the rota prints with the gaps, and helpers are reminded the evening before.
The planner's own properties are in test_engine_rota.py."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from matching.models import CareRota, Notification, RotaDecline, RotaMoment, RotaMomentState
from matching.services.rota import RotaError, fill_by_hand, remind_helpers, swap
from tests.streets.factories import MembershipFactory

from .factories import HelpOfferFactory, HelpRequestFactory, evening_rota

pytestmark = pytest.mark.django_db

EVERY_EVENING = [f"{day}:avond" for day in range(7)]


@pytest.fixture
def cooks(world):
    """Five neighbours of street A who cook a meal on any evening."""
    people = []
    for name, number in (
        ("Henk", "14"),
        ("Ineke", "16"),
        ("Joop", "18"),
        ("Kees", "20"),
        ("Lies", "22"),
    ):
        user = MembershipFactory(
            street=world.street_a, user__first_name=name, house_number=number
        ).user
        HelpOfferFactory(
            street=world.street_a, author=user, categories=["maaltijd"], availability=EVERY_EVENING
        )
        people.append(user)
    return people


@pytest.fixture
def meals(world):
    return HelpRequestFactory(
        street=world.street_a, author=world.bewoner_a, category="maaltijd", when_slots=EVERY_EVENING
    )


def _rota(world, meals, days=14, per_week=2):
    return evening_rota(meals, by=world.gangmaker_a, days=days, per_week=per_week)


def test_a_gangmaker_makes_a_fortnight_of_meals_and_the_street_covers_it(
    login, world, cooks, meals
):
    client = login(world.gangmaker_a)
    first_day = timezone.localdate() + datetime.timedelta(days=1)
    response = client.post(
        reverse("matching:rota_new", args=[world.street_a.pk]),
        {
            "request": meals.pk,
            "first_day": first_day.isoformat(),
            "days": 14,
            "dagdelen": ["avond"],
            "per_week": 2,
        },
        follow=True,
    )
    rota = CareRota.objects.get(request=meals)
    assert rota.moments.count() == 14
    # Five cooks, two evenings a week each, two weeks: every evening is asked of someone.
    assert rota.moments.filter(state=RotaMomentState.PROPOSED).count() == 14
    assert "14 van de 14 momenten hebben een helper" in response.content.decode()
    # Nobody takes everything: at most two evenings in each week of the rota.
    per_helper = {}
    for moment in rota.moments.all():
        per_helper.setdefault(moment.helper_id, []).append(moment)
    assert world.bewoner_a.pk not in per_helper
    for moments in per_helper.values():
        assert len(moments) <= 4
    # Each helper is told once, in plain Dutch.
    for helper_id in per_helper:
        texts = Notification.objects.filter(user_id=helper_id, kind="rota_proposed")
        assert texts.count() == 1
        assert "Anna krijgt hulp via een zorgrooster" in texts.get().text


def test_a_rejected_rota_form_keeps_what_was_typed_with_a_dutch_error(login, world, meals):
    client = login(world.gangmaker_a)
    response = client.post(
        reverse("matching:rota_new", args=[world.street_a.pk]),
        {"request": meals.pk, "first_day": "2020-01-01", "days": "99", "per_week": "2"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "De eerste dag ligt in het verleden." in body
    assert "Kies minstens één dagdeel." in body
    assert 'value="99"' in body
    assert not CareRota.objects.exists()


def test_a_helper_takes_some_moments_and_the_rest_goes_back_to_the_gaps(login, world, cooks, meals):
    rota = _rota(world, meals)
    henk = cooks[0]
    asked = list(rota.moments.filter(helper=henk).order_by("day"))
    assert asked
    client = login(henk)
    page = client.get(reverse("matching:rota", args=[world.street_a.pk, rota.pk]))
    assert "Kunt u helpen op deze momenten?" in page.content.decode()

    client.post(
        reverse("matching:rota_answer", args=[world.street_a.pk, rota.pk]),
        {"take": [asked[0].pk]},
    )
    asked[0].refresh_from_db()
    assert asked[0].state == RotaMomentState.ACCEPTED
    for moment in asked[1:]:
        moment.refresh_from_db()
        assert moment.helper_id is None and moment.state == RotaMomentState.OPEN
        assert RotaDecline.objects.filter(moment=moment, helper=henk).exists()

    # Planning again asks someone else for the declined evenings, never Henk.
    client = login(world.gangmaker_a)
    client.post(reverse("matching:rota_plan", args=[world.street_a.pk, rota.pk]))
    for moment in asked[1:]:
        moment.refresh_from_db()
        assert moment.helper_id != henk.pk


def test_a_helper_cannot_answer_for_moments_that_are_not_theirs(login, world, cooks, meals):
    rota = _rota(world, meals)
    henk, ineke = cooks[0], cooks[1]
    inekes = list(rota.moments.filter(helper=ineke).values_list("pk", flat=True))
    login(henk).post(
        reverse("matching:rota_answer", args=[world.street_a.pk, rota.pk]),
        {"take": [str(pk) for pk in inekes]},
    )
    assert set(rota.moments.filter(pk__in=inekes).values_list("helper_id", flat=True)) == {ineke.pk}
    assert not rota.moments.filter(pk__in=inekes, state=RotaMomentState.ACCEPTED).exists()


def test_only_the_street_managers_the_requester_and_its_helpers_see_the_rota(
    login, world, cooks, meals
):
    rota = _rota(world, meals)
    url = reverse("matching:rota", args=[world.street_a.pk, rota.pk])
    helper = rota.moments.exclude(helper=None).first().helper
    for person in (world.gangmaker_a, world.bewoner_a, helper):
        assert login(person).get(url).status_code == 200
    stranger = MembershipFactory(street=world.street_a, user__first_name="Truus").user
    assert login(stranger).get(url).status_code == 404
    assert login(world.gangmaker_b).get(url).status_code == 403
    # The gangmaker's tools are refused to a helper, and nothing changes.
    before = list(rota.moments.values_list("pk", "helper_id", "state"))
    response = login(helper).post(reverse("matching:rota_plan", args=[world.street_a.pk, rota.pk]))
    assert response.status_code == 403
    assert list(rota.moments.values_list("pk", "helper_id", "state")) == before
    # Pages that are only looked at change nothing.
    login(world.gangmaker_a).get(url)
    assert list(rota.moments.values_list("pk", "helper_id", "state")) == before


def test_the_gangmaker_fills_a_gap_by_hand_and_swaps_two_helpers(login, world, cooks, meals):
    # Only two cooks, at most two evenings a week: 8 of 14 evenings covered, 6 gaps.
    rota = evening_rota(meals, by=world.gangmaker_a)
    rota.moments.update(helper=None, state=RotaMomentState.OPEN)
    gap, other_gap = rota.moments.order_by("day")[:2]
    client = login(world.gangmaker_a)
    client.post(
        reverse("matching:rota_fill", args=[world.street_a.pk, rota.pk]),
        {"moment": gap.pk, "helper": cooks[2].pk},
    )
    gap.refresh_from_db()
    assert gap.helper_id == cooks[2].pk and gap.state == RotaMomentState.ACCEPTED and gap.by_hand
    assert Notification.objects.filter(user=cooks[2], kind="rota_by_hand").exists()

    with pytest.raises(RotaError):
        fill_by_hand(gap, cooks[3], by=world.gangmaker_a)  # taken already
    with pytest.raises(RotaError):
        fill_by_hand(other_gap, world.bewoner_b, by=world.gangmaker_a)  # another street

    fill_by_hand(other_gap, cooks[3], by=world.gangmaker_a)
    client.post(
        reverse("matching:rota_swap", args=[world.street_a.pk, rota.pk]),
        {"first": gap.pk, "second": other_gap.pk},
    )
    gap.refresh_from_db()
    other_gap.refresh_from_db()
    assert (gap.helper_id, other_gap.helper_id) == (cooks[3].pk, cooks[2].pk)
    with pytest.raises(RotaError):
        swap(gap, gap, by=world.gangmaker_a)


def test_the_printed_rota_shows_first_names_house_numbers_and_the_gaps(login, world, cooks, meals):
    rota = _rota(world, meals)
    open_moment = rota.moments.order_by("day").first()
    open_moment.helper, open_moment.state = None, RotaMomentState.OPEN
    open_moment.save()
    taken = rota.moments.exclude(helper=None).select_related("helper").first()
    body = (
        login(world.gangmaker_a)
        .get(reverse("matching:rota_print", args=[world.street_a.pk, rota.pk]))
        .content.decode()
    )
    assert "NOG OPEN" in body
    assert taken.helper.first_name in body
    assert "13 van de 14 momenten hebben een helper" in body
    assert taken.helper.last_name not in body


def test_helpers_are_reminded_the_evening_before_once(world, cooks, meals):
    rota = _rota(world, meals)
    tomorrow = rota.moments.get(day=timezone.localdate() + datetime.timedelta(days=1))
    tomorrow.state = RotaMomentState.ACCEPTED
    tomorrow.save()
    # This evening in Amsterdam: between 23:00 and 00:00 UTC the UTC date is a day behind.
    evening = timezone.localtime().replace(hour=18, minute=0)
    assert remind_helpers(evening) == 1
    assert remind_helpers(evening) == 0
    reminder = Notification.objects.get(user=tomorrow.helper, kind="rota_reminder")
    assert "Morgen" in reminder.text and "Anna" in reminder.text and "nr. 12" in reminder.text


def test_one_request_gets_one_rota(world, cooks, meals):
    _rota(world, meals)
    with pytest.raises(RotaError):
        _rota(world, meals)
    assert RotaMoment.objects.count() == 14


def test_a_helper_who_leaves_or_is_erased_leaves_gaps_not_broken_moments(world, cooks, meals):
    from accounts.privacy import export_personal_data
    from streets.services import leave_street

    rota = _rota(world, meals)
    henk, ineke = cooks[0], cooks[1]
    assert rota.moments.filter(helper=henk).exists()
    assert export_personal_data(henk)["prikbord"]["zorgrooster_momenten"]

    leave_street(henk.memberships.get(street=world.street_a))
    assert not rota.moments.filter(helper=henk).exists()

    held = rota.moments.filter(helper=ineke).count()
    assert held
    ineke.delete()
    assert rota.moments.filter(state=RotaMomentState.OPEN).count() >= held


def _in(language: str, msgid: str) -> str:
    with translation.override(language):
        return translation.gettext(msgid)


def test_a_helper_filled_in_swapped_and_reminded_reads_each_news_in_their_own_language(
    world, cooks, meals
):
    rota = evening_rota(meals, by=world.gangmaker_a)
    rota.moments.update(helper=None, state=RotaMomentState.OPEN)
    first, second = rota.moments.order_by("day")[:2]
    english, turkish = cooks[2], cooks[3]
    for person, language in ((english, "en"), (turkish, "tr")):
        person.language = language
        person.save(update_fields=["language"])

    with translation.override("nl"):  # the gangmaker works on a Dutch screen
        fill_by_hand(first, english, by=world.gangmaker_a)
        fill_by_hand(second, turkish, by=world.gangmaker_a)
        swap(first, second, by=world.gangmaker_a)
        evening = datetime.datetime.combine(timezone.localdate(), datetime.time(18))
        remind_helpers(timezone.make_aware(evening))

    by_hand = Notification.objects.get(user=english, kind="rota_by_hand").text
    assert by_hand.startswith(
        _in("en", "De gangmaker heeft u ingeroosterd bij %(requester)s: %(moment)s.").split("%")[0]
    )
    assert not by_hand.startswith("De gangmaker")
    swapped = Notification.objects.get(user=turkish, kind="rota_swapped").text
    assert swapped.startswith(
        _in("tr", "Uw moment bij %(requester)s is gewijzigd: %(moment)s.").split("%")[0]
    )
    # After the swap the Turkish cook has tomorrow's evening: reminded in Turkish.
    reminder = Notification.objects.get(user=turkish, kind="rota_reminder").text
    tomorrow = _in(
        "tr", "Morgen, %(moment)s, helpt u %(requester)s (nr. %(number)s) met %(category)s."
    ).split("%")[0]
    assert tomorrow != "Morgen, " and reminder.startswith(tomorrow)


def _print_rota(client, world, rota, query=""):
    url = reverse("matching:rota_print", args=[world.street_a.pk, rota.pk])
    return client.get(url + query)


def test_the_printed_rota_is_in_the_language_of_the_neighbour_it_is_for(login, world, cooks, meals):
    world.gangmaker_a.language = "nl"
    world.gangmaker_a.save(update_fields=["language"])
    world.bewoner_a.language = "tr"  # Anna, who receives the meals
    world.bewoner_a.save(update_fields=["language"])
    rota = _rota(world, meals)
    rota.moments.update(helper=None, state=RotaMomentState.OPEN)
    client = login(world.gangmaker_a)

    body = _print_rota(client, world, rota).content.decode()
    assert '<html lang="tr" dir="ltr"' in body
    assert _in("tr", "NOG OPEN") in body and "NOG OPEN" not in body
    # The gangmaker still reads how to print in Dutch, and can choose another language.
    assert "Druk dit rooster af op A4" in body
    assert 'hreflang="en"' in body and "?taal=ar" in body and "Türkçe" in body

    english = _print_rota(client, world, rota, "?taal=en").content.decode()
    assert '<html lang="en"' in english and _in("en", "NOG OPEN") in english

    arabic = _print_rota(client, world, rota, "?taal=ar").content.decode()
    assert '<html lang="ar" dir="rtl"' in arabic

    unknown = _print_rota(client, world, rota, "?taal=xx")
    assert unknown.status_code == 200
    assert '<html lang="tr"' in unknown.content.decode()


def test_choosing_a_print_language_shows_a_rota_to_nobody_new(login, world, cooks, meals):
    rota = _rota(world, meals)
    stranger = login(world.bewoner_b)
    assert _print_rota(stranger, world, rota, "?taal=tr").status_code in (403, 404)
