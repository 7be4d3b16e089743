"""The survey's pages: who may open and change what, the three ways in, bad input, and privacy."""

import time

import pytest
from django.urls import reverse

from home.forms import HONEYPOT_FIELD, TIMESTAMP_FIELD, start_token
from matching.choices import Category
from surveys.choices import AnswerChannel, DraftStatus, QuestionKind, SurveyStatus
from surveys.models import DraftPost, Question, Survey, SurveyResponse
from surveys.services import close_survey

from .factories import SurveyResponseFactory, answers_for, question, template_survey

pytestmark = pytest.mark.django_db


@pytest.fixture
def survey(world):
    return template_survey(world.street_a, world.gangmaker_a)


def url(name, survey, *args):
    return reverse(f"surveys:{name}", args=[survey.street_id, survey.pk, *args])


def field(survey, kind):
    return question(survey, kind).field_name


def snapshot():
    """Everything the survey app stores, to prove a refused request changed nothing."""
    return (
        list(Survey.objects.values()),
        list(Question.objects.values()),
        list(SurveyResponse.objects.values()),
        list(DraftPost.objects.values()),
    )


# --- Who may do what -------------------------------------------------------------------------

GANGMAKER_PAGES = ["edit", "close", "paper", "print", "results"]
MEMBER_PAGES = ["answer"]


@pytest.mark.parametrize("name", GANGMAKER_PAGES)
@pytest.mark.parametrize(
    ("person", "status"),
    [
        ("gangmaker_a", 200),
        ("bewoner_a", 403),
        ("gangmaker_b", 403),
        ("bewoner_b", 403),
        ("welzijn_a", 403),
        ("coordinator", 403),
        ("outsider", 403),
    ],
)
def test_only_the_streets_own_gangmakers_run_the_survey(login, world, survey, name, person, status):
    response = login(getattr(world, person)).get(url(name, survey))
    assert response.status_code == status


@pytest.mark.parametrize("name", [*GANGMAKER_PAGES, *MEMBER_PAGES, "figures"])
def test_an_anonymous_visitor_is_sent_to_log_in(client, survey, name):
    response = client.get(url(name, survey))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


@pytest.mark.parametrize("name", [*GANGMAKER_PAGES, *MEMBER_PAGES, "mine", "figures"])
def test_a_survey_id_of_another_street_is_not_found_through_ones_own_street(
    login, world, survey, name
):
    # Gangmaker B asks for street A's survey through street B's address.
    address = reverse(f"surveys:{name}", args=[world.street_b.pk, survey.pk])
    assert login(world.gangmaker_b).get(address).status_code == 404


def test_a_member_answers_but_a_neighbour_of_another_street_does_not(login, world, survey):
    assert login(world.bewoner_a).get(url("answer", survey)).status_code == 200
    assert login(world.bewoner_b).get(url("answer", survey)).status_code == 403


@pytest.mark.parametrize(
    ("person", "status"),
    [
        ("gangmaker_a", 200),
        ("welzijn_a", 200),
        ("coordinator", 200),
        ("bewoner_a", 403),
        ("gangmaker_b", 403),
        ("welzijn_other", 403),
        ("outsider", 403),
    ],
)
def test_figures_are_for_the_gangmakers_welzijn_of_the_wijk_and_coordinators(
    login, world, survey, person, status
):
    assert login(getattr(world, person)).get(url("figures", survey)).status_code == status


@pytest.mark.parametrize(
    ("person", "name", "data"),
    [
        ("bewoner_a", "close", {}),
        ("gangmaker_b", "close", {}),
        ("bewoner_a", "edit", {"title": "Gekaapt"}),
        ("welzijn_a", "paper", {"consent": "on", "name": "X", "house_number": "1"}),
        ("bewoner_b", "answer", {"consent": "on"}),
    ],
)
def test_a_refused_change_leaves_the_database_unchanged(login, world, survey, person, name, data):
    before = snapshot()
    response = login(getattr(world, person)).post(url(name, survey), data)
    assert response.status_code == 403
    assert snapshot() == before


def test_another_streets_gangmaker_cannot_start_a_survey_here(login, world):
    response = login(world.gangmaker_b).post(reverse("surveys:start", args=[world.street_a.pk]))
    assert response.status_code == 403
    assert not Survey.objects.exists()


def test_a_gangmaker_cannot_read_delete_or_confirm_an_answer_of_another_street(
    login, world, survey
):
    answer = SurveyResponseFactory(survey=survey, answers=answers_for(survey, kan_helpen=["tuin"]))
    client = login(world.gangmaker_b)
    before = snapshot()
    for name in ("response", "response_export", "response_delete"):
        address = reverse(f"surveys:{name}", args=[world.street_b.pk, survey.pk, answer.pk])
        assert client.get(address).status_code == 404
        assert client.post(address, {"action": "post"}).status_code == 404
    assert snapshot() == before


# --- Starting, adjusting, closing --------------------------------------------------------------


def test_a_gangmaker_starts_the_template_survey_after_confirming(login, world):
    client = login(world.gangmaker_a)
    confirm = client.get(reverse("surveys:start", args=[world.street_a.pk]))
    assert "Ja, start de enquête" in confirm.content.decode()
    assert not Survey.objects.exists()

    response = client.post(reverse("surveys:start", args=[world.street_a.pk]))

    survey = Survey.objects.get(street=world.street_a)
    assert response.status_code == 302
    assert survey.title == "Enquête burenhulp"
    labels = list(survey.questions.values_list("label", flat=True))
    assert labels[:2] == ["Wat kunt u voor uw buren doen?", "Waar zou u hulp bij willen?"]
    assert set(survey.questions.values_list("kind", flat=True)) == set(QuestionKind.values)


def test_a_second_survey_cannot_start_while_one_is_open(login, world, survey):
    response = login(world.gangmaker_a).post(
        reverse("surveys:start", args=[world.street_a.pk]), follow=True
    )
    assert "Er loopt al een enquête in deze straat" in response.content.decode()
    assert Survey.objects.filter(street=world.street_a).count() == 1


def test_a_gangmaker_rewords_switches_off_and_adds_questions(login, world, survey):
    client = login(world.gangmaker_a)
    page = client.get(url("edit", survey))
    formset = page.context["formset"]
    data = {
        "title": "Burenhulp in de Zwaanshals",
        "intro": "Vul hem in!",
        "vragen-TOTAL_FORMS": str(len(formset.forms)),
        "vragen-INITIAL_FORMS": str(len(formset.forms)),
    }
    for index, form in enumerate(formset.forms):
        q = form.instance
        data[f"vragen-{index}-id"] = str(q.pk)
        data[f"vragen-{index}-label"] = q.label
        data[f"vragen-{index}-help_text"] = q.help_text
        data[f"vragen-{index}-position"] = str(q.position)
        if q.kind != QuestionKind.LANGUAGES:
            data[f"vragen-{index}-is_active"] = "on"
        if q.kind == QuestionKind.CAN_HELP:
            data[f"vragen-{index}-label"] = "Waarmee helpt u de buren graag?"
    assert client.post(url("edit", survey), data).status_code == 302
    client.post(
        url("edit", survey), {"nieuw-label": "Kent u de buren op uw galerij?", "add_question": "1"}
    )

    form = client.get(url("answer", survey)).content.decode()
    assert "Waarmee helpt u de buren graag?" in form
    assert "Welke talen spreekt u?" not in form
    assert "Kent u de buren op uw galerij?" in form
    survey.refresh_from_db()
    assert survey.title == "Burenhulp in de Zwaanshals"


def test_editing_a_question_of_another_survey_through_the_formset_is_refused(login, world, survey):
    other = template_survey(world.street_b, world.gangmaker_b)
    foreign = other.questions.first()
    data = {
        "title": "Titel",
        "intro": "",
        "vragen-TOTAL_FORMS": "1",
        "vragen-INITIAL_FORMS": "1",
        "vragen-0-id": str(foreign.pk),
        "vragen-0-label": "Gekaapt",
        "vragen-0-position": "1",
    }
    # Django's edit-only formset treats an id outside its queryset as a new row and drops it.
    response = login(world.gangmaker_a).post(url("edit", survey), data)
    assert response.status_code in (200, 302)
    foreign.refresh_from_db()
    assert foreign.label != "Gekaapt"


def test_an_empty_question_text_is_refused_in_dutch_and_the_rest_is_kept(login, world, survey):
    client = login(world.gangmaker_a)
    response = client.post(
        url("edit", survey),
        {"nieuw-label": "", "nieuw-help_text": "toelichting", "add_question": "1"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dit is een verplicht veld." in body
    assert 'value="toelichting"' in body


def test_closing_asks_first_and_then_the_link_stops_working(client, login, world, survey):
    gangmaker = login(world.gangmaker_a)
    assert "Ja, sluit de enquête" in gangmaker.get(url("close", survey)).content.decode()
    gangmaker.post(url("close", survey))
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.CLOSED
    client.logout()
    response = client.get(reverse("surveys:public_answer", args=[survey.token]))
    assert response.status_code == 410
    assert "Deze enquête is gesloten" in response.content.decode()


# --- Answering online ---------------------------------------------------------------------


def test_a_member_answers_online_and_sees_drafts_for_the_board(login, world, survey):
    client = login(world.bewoner_a)
    response = client.post(
        url("answer", survey),
        {
            field(survey, QuestionKind.CAN_HELP): ["boodschappen", "gezelschap"],
            field(survey, QuestionKind.NEEDS_HELP): ["computer"],
            field(survey, QuestionKind.AVAILABILITY): ["1:ochtend", "3:middag"],
            field(survey, QuestionKind.SPARE_KEY): "bewaren",
            "consent": "on",
        },
        follow=True,
    )
    body = response.content.decode()
    assert "Bedankt voor uw antwoord!" in body
    answer = SurveyResponse.objects.get(person=world.bewoner_a)
    assert answer.channel == AnswerChannel.ONLINE
    assert answer.house_number == "12"
    drafts = {(d.kind, d.category) for d in answer.drafts.all()}
    assert drafts == {
        ("offer", "boodschappen"),
        ("offer", "gezelschap"),
        ("offer", "sleutel"),
        ("request", "computer"),
    }
    assert "Op het prikbord zetten" in body


def test_answering_again_changes_the_one_answer(login, world, survey):
    client = login(world.bewoner_a)
    client.post(url("answer", survey), {field(survey, QuestionKind.CAN_HELP): ["tuin"]})
    form = client.get(url("answer", survey))
    assert form.context["form"].initial[field(survey, QuestionKind.CAN_HELP)] == ["tuin"]
    client.post(url("answer", survey), {field(survey, QuestionKind.CAN_HELP): ["klusje"]})
    answer = SurveyResponse.objects.get(person=world.bewoner_a)
    assert answer.answers == {str(question(survey, QuestionKind.CAN_HELP).pk): ["klusje"]}


@pytest.mark.parametrize(
    "bad",
    [
        {"categories": ["bestaat_niet"]},
        {"slots": ["9:nacht"]},
        {"key": "<script>alert(1)</script>"},
        {"text": "x" * 2001},
        {"text": "nul\x00byte"},
    ],
)
def test_odd_input_gets_a_dutch_error_never_a_500_and_keeps_what_was_typed(
    login, world, survey, bad
):
    data = {
        field(survey, QuestionKind.LANGUAGES): "Nederlands en Papiamento",
        field(survey, QuestionKind.CAN_HELP): bad.get("categories", ["tuin"]),
        field(survey, QuestionKind.AVAILABILITY): bad.get("slots", []),
        field(survey, QuestionKind.SPARE_KEY): bad.get("key", ""),
        field(survey, QuestionKind.TEXT): bad.get("text", ""),
    }
    response = login(world.bewoner_a).post(url("answer", survey), data)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Er ging iets mis" in body
    assert 'value="Nederlands en Papiamento"' in body
    assert not SurveyResponse.objects.exists()


def test_an_empty_answer_is_refused(login, world, survey):
    response = login(world.bewoner_a).post(url("answer", survey), {"consent": "on"})
    assert "Vul minstens één vraag in." in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_mass_assigned_fields_are_ignored(login, world, survey):
    other = template_survey(world.street_b, world.gangmaker_b)
    login(world.bewoner_a).post(
        url("answer", survey),
        {
            field(survey, QuestionKind.CAN_HELP): ["tuin"],
            "survey": other.pk,
            "person": world.gangmaker_b.pk,
            "channel": "paper",
            "name": "Iemand anders",
            field(other, QuestionKind.CAN_HELP): ["vervoer"],
        },
    )
    answer = SurveyResponse.objects.get()
    assert (answer.survey, answer.person, answer.channel, answer.name) == (
        survey,
        world.bewoner_a,
        "online",
        "",
    )
    assert list(answer.answers.values()) == [["tuin"]]


# --- The anonymous link --------------------------------------------------------------------


def public_post(client, survey, **extra):
    data = {
        field(survey, QuestionKind.NEEDS_HELP): ["boodschappen"],
        "name": "Mevrouw Jansen",
        "house_number": "21",
        "consent": "on",
        TIMESTAMP_FIELD: start_token(time.time() - 60),
    }
    data.update(extra)
    return client.post(reverse("surveys:public_answer", args=[survey.token]), data)


def test_a_neighbour_without_account_answers_through_the_secret_link(client, survey):
    page = client.get(reverse("surveys:public_answer", args=[survey.token]))
    assert page.status_code == 200
    assert "Wat kunt u voor uw buren doen?" in page.content.decode()
    assert "no-store" in page["Cache-Control"]

    response = public_post(client, survey)

    assert "Bedankt voor uw antwoord!" in response.content.decode()
    answer = SurveyResponse.objects.get()
    assert (answer.channel, answer.name, answer.person) == (
        AnswerChannel.LINK,
        "Mevrouw Jansen",
        None,
    )
    assert answer.drafts.get().status == DraftStatus.PENDING


@pytest.mark.parametrize("token", ["verkeerd", "x" * 300, "%00"])
def test_a_wrong_token_is_not_found(client, survey, token):
    assert client.get(f"/enquete/{token}/").status_code == 404


def test_the_honeypot_and_a_too_quick_answer_are_refused(client, survey):
    assert (
        "kon niet worden verstuurd"
        in public_post(client, survey, **{HONEYPOT_FIELD: "http://spam"}).content.decode()
    )
    response = public_post(client, survey, **{TIMESTAMP_FIELD: start_token()})
    assert "Dat ging wel erg snel" in response.content.decode()
    assert 'value="Mevrouw Jansen"' in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_consent_without_name_and_house_number_asks_for_them(client, survey):
    response = public_post(client, survey, name="", house_number="")
    body = response.content.decode()
    assert "Vul een naam in: zonder naam kan niets op het prikbord." in body
    assert "Vul een huisnummer in" in body
    assert not SurveyResponse.objects.exists()


def test_an_anonymous_answer_without_consent_may_stay_anonymous(client, survey):
    public_post(client, survey, name="", house_number="", consent="")
    answer = SurveyResponse.objects.get()
    assert not answer.consent
    assert not answer.drafts.exists()


# --- Paper answers --------------------------------------------------------------------------


def test_a_gangmaker_types_in_a_paper_answer_for_an_offline_neighbour(login, world, survey):
    from tests.accounts.factories import OfflineUserFactory
    from tests.streets.factories import MembershipFactory

    offline = MembershipFactory(
        street=world.street_a, user=OfflineUserFactory(first_name="Truus"), house_number="40-2"
    )
    client = login(world.gangmaker_a)
    assert "Truus" in client.get(url("paper", survey)).content.decode()

    response = client.post(
        url("paper", survey),
        {
            "person": offline.pk,
            field(survey, QuestionKind.NEEDS_HELP): ["vervoer", "boodschappen"],
            field(survey, QuestionKind.CONTACT): ["aanbellen"],
            "consent": "on",
        },
    )

    answer = SurveyResponse.objects.get()
    assert response.status_code == 302
    assert (answer.channel, answer.person, answer.entered_by, answer.house_number) == (
        AnswerChannel.PAPER,
        offline.user,
        world.gangmaker_a,
        "40-2",
    )
    assert answer.drafts.count() == 2


def test_a_paper_answer_cannot_name_a_member_of_another_street(login, world, survey):
    from streets.models import StreetMembership

    foreign = StreetMembership.objects.get(user=world.bewoner_b)
    response = login(world.gangmaker_a).post(
        url("paper", survey),
        {"person": foreign.pk, field(survey, QuestionKind.CAN_HELP): ["tuin"]},
    )
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_a_neighbour_who_answered_online_cannot_be_entered_again_on_paper(login, world, survey):
    from streets.models import StreetMembership

    SurveyResponseFactory(survey=survey, channel="online", person=world.bewoner_a, name="")
    membership = StreetMembership.objects.get(user=world.bewoner_a)
    response = login(world.gangmaker_a).post(
        url("paper", survey),
        {"person": membership.pk, field(survey, QuestionKind.CAN_HELP): ["tuin"]},
    )
    assert "Deze buur heeft de enquête al ingevuld." in response.content.decode()
    assert SurveyResponse.objects.count() == 1


# --- Print, results, figures ---------------------------------------------------------------


def test_the_printed_version_has_every_question_and_a_qr_code_to_the_secret_link(
    login, world, survey
):
    body = login(world.gangmaker_a).get(url("print", survey)).content.decode()
    for q in survey.questions.all():
        assert q.label in body
    assert "<svg" in body
    assert f"/enquete/{survey.token}/" in body
    assert "survey-print.css" in body
    assert str(Category.SLEUTEL.label) in body


def test_results_show_who_can_help_and_who_needs_help_to_the_gangmakers(
    login, world, survey, django_assert_max_num_queries
):
    SurveyResponseFactory(
        survey=survey,
        name="Henk",
        answers=answers_for(survey, kan_helpen=["tuin"], open="Graag een straatfeest!"),
    )
    for n in range(5):
        SurveyResponseFactory(
            survey=survey, name=f"Buur {n}", answers=answers_for(survey, wil_hulp=["tuin"])
        )
    client = login(world.gangmaker_a)
    with django_assert_max_num_queries(20):
        response = client.get(url("results", survey))
    body = response.content.decode()
    assert "Henk" in body
    assert "Graag een straatfeest!" in body
    assert "6 antwoorden" in body
    assert "no-store" in response["Cache-Control"]


def test_results_page_queries_do_not_grow_with_the_number_of_answers(
    login, world, survey, django_assert_num_queries
):
    client = login(world.gangmaker_a)
    SurveyResponseFactory(survey=survey, answers=answers_for(survey, kan_helpen=["tuin"]))
    client.get(url("results", survey))
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(url("results", survey))
    for _n in range(10):
        SurveyResponseFactory(survey=survey, answers=answers_for(survey, kan_helpen=["tuin"]))
    with django_assert_num_queries(len(few)):
        client.get(url("results", survey))


def test_welzijn_sees_figures_without_names_and_small_counts_suppressed(login, world, survey):
    SurveyResponseFactory(
        survey=survey,
        name="Zebedeus Quarles",
        answers=answers_for(survey, kan_helpen=["tuin"], open="Mijn buurman is erg ziek"),
    )
    for n in range(6):
        SurveyResponseFactory(
            survey=survey, name=f"Buur {n}", answers=answers_for(survey, wil_hulp=["tuin"])
        )
    response = login(world.welzijn_a).get(url("figures", survey))
    body = response.content.decode()
    figures = response.context["figures"]
    assert "Zebedeus" not in body and "Buur 0" not in body
    assert "Mijn buurman is erg ziek" not in body
    tuin = next(row for row in figures.categories if row.label == str(Category.TUIN.label))
    assert (tuin.helpers, tuin.askers) == ("< 5", "6")
    assert figures.total == "7"
    shown = [o.count for q in figures.questions for o in q.options] + [
        o.count for o in figures.by_channel
    ]
    assert all(count == "< 5" or int(count) >= 5 for count in shown)


def test_welzijn_finds_the_surveys_of_their_wijk_only(login, world, survey):
    client = login(world.welzijn_a)
    assert (
        "Zwaanshals" in client.get(reverse("surveys:wijk", args=[world.wijk.pk])).content.decode()
    )
    assert client.get(reverse("surveys:wijk", args=[world.other_wijk.pk])).status_code == 403
    assert (
        login(world.bewoner_a).get(reverse("surveys:wijk", args=[world.wijk.pk])).status_code == 403
    )


# --- Own answer: export and erasure ----------------------------------------------------------


def test_a_member_downloads_and_erases_their_own_answer(login, world, survey):
    SurveyResponseFactory(
        survey=survey,
        channel="online",
        person=world.bewoner_a,
        name="",
        answers=answers_for(survey, talen="Fries"),
    )
    other = SurveyResponseFactory(
        survey=survey, name="Zebedeus Quarles", answers=answers_for(survey, talen="Duits")
    )
    client = login(world.bewoner_a)

    download = client.get(url("mine_export", survey))
    assert download["Content-Disposition"].startswith("attachment")
    assert "Fries" in download.content.decode()
    assert "Zebedeus" not in download.content.decode()

    assert "Ja, verwijderen" in client.get(url("mine_delete", survey)).content.decode()
    client.post(url("mine_delete", survey))
    assert list(SurveyResponse.objects.all()) == [other]


def test_a_member_cannot_confirm_drafts_of_a_paper_answer_about_them(login, world, survey):
    answer = SurveyResponseFactory(
        survey=survey,
        channel="paper",
        person=world.bewoner_a,
        answers=answers_for(survey, kan_helpen=["tuin"]),
    )
    from surveys.services import sync_drafts

    sync_drafts(answer)
    draft = answer.drafts.get()
    before = snapshot()
    response = login(world.bewoner_a).post(
        url("mine", survey), {"drafts": [draft.pk], "action": "post"}
    )
    assert response.status_code == 403
    assert snapshot() == before


def test_a_gangmaker_erases_an_answer_after_confirming(login, world, survey):
    answer = SurveyResponseFactory(survey=survey, answers=answers_for(survey, talen="Fries"))
    client = login(world.gangmaker_a)
    assert client.get(url("response_delete", survey, answer.pk)).status_code == 200
    assert SurveyResponse.objects.exists()
    client.post(url("response_delete", survey, answer.pk))
    assert not SurveyResponse.objects.exists()


def test_a_closed_survey_takes_no_more_answers(login, world, survey):
    close_survey(survey)
    response = login(world.bewoner_a).post(
        url("answer", survey), {field(survey, QuestionKind.CAN_HELP): ["tuin"]}, follow=True
    )
    assert "Deze enquête is gesloten." in response.content.decode()
    assert not SurveyResponse.objects.exists()


def test_the_street_page_links_members_to_the_survey(login, world, survey):
    body = login(world.bewoner_a).get(world.street_a.url).content.decode()
    assert reverse("surveys:index", args=[world.street_a.pk]) in body


def test_script_in_a_question_or_an_answer_is_shown_as_text_never_run(login, world, survey):
    from surveys.services import add_open_question

    SurveyResponseFactory(
        survey=survey,
        name="<img src=x onerror=alert(1)>",
        answers=answers_for(survey, open="<b>hoi</b>"),
    )
    add_open_question(survey, "<script>alert('vraag')</script>")
    form = login(world.bewoner_a).get(url("answer", survey)).content.decode()
    results = login(world.gangmaker_a).get(url("results", survey)).content.decode()
    printed = login(world.gangmaker_a).get(url("print", survey)).content.decode()
    for body in (form, results, printed):
        assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#x27;vraag&#x27;)&lt;/script&gt;" in form
    assert "<img src=x" not in results and "<b>hoi</b>" not in results


def test_the_paper_survey_prints_in_turkish_for_neighbours_who_read_that_better(
    login, world, survey
):
    from django.utils import translation

    from surveys.services import add_open_question

    add_open_question(survey, "Zullen we een straatfeest houden?")
    world.gangmaker_a.language = "nl"
    world.gangmaker_a.save(update_fields=["language"])
    client = login(world.gangmaker_a)

    dutch = client.get(url("print", survey)).content.decode()
    assert '<html lang="nl"' in dutch and "?taal=tr" in dutch and "Türkçe" in dutch

    turkish = client.get(url("print", survey) + "?taal=tr").content.decode()
    assert '<html lang="tr" dir="ltr"' in turkish
    with translation.override("tr"):
        for msgid in (
            "Enquête burenhulp",
            "Wat kunt u voor uw buren doen?",
            "Inleveren bij de gangmakers",
        ):
            assert translation.gettext(msgid) in turkish
    assert "Wat kunt u voor uw buren doen?" not in turkish
    # The street's own question as the gangmakers wrote it, marked as Dutch.
    assert '<h2 lang="nl" dir="auto">Zullen we een straatfeest houden?</h2>' in turkish
    # How to print stays in the gangmaker's Dutch.
    assert "Dit is de papieren versie" in turkish

    arabic = client.get(url("print", survey) + "?taal=ar").content.decode()
    assert '<html lang="ar" dir="rtl"' in arabic
    unknown = client.get(url("print", survey) + "?taal=xx")
    assert unknown.status_code == 200 and '<html lang="nl"' in unknown.content.decode()


def test_a_print_language_opens_no_paper_survey_to_a_neighbour(login, world, survey):
    response = login(world.bewoner_a).get(url("print", survey) + "?taal=tr")
    assert response.status_code in (403, 404)
