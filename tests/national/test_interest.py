"""The interest form "Lief & Leed invoeren in uw gemeente?": stored, the national
coordinators told by e-mail after the commit, bad input kept, spam refused."""

import time

import pytest
from django.core import mail
from django.urls import reverse

from home.forms import HONEYPOT_FIELD, TIMESTAMP_FIELD, start_token
from national.models import InterestSubmission
from tests.streets.factories import NationalCoordinatorAssignmentFactory

pytestmark = pytest.mark.django_db


def _data(**changes):
    data = {
        "name": "Ingrid de Vries",
        "organisation": "Gemeente Zwolle",
        "email": "ingrid@zwolle.example",
        "phone": "038 498 91 11",
        "message": "Wij willen in twee wijken beginnen.",
        TIMESTAMP_FIELD: start_token(time.time() - 30),
    }
    data.update(changes)
    return data


def test_a_submission_is_stored_and_reaches_the_national_coordinators(
    client, django_capture_on_commit_callbacks
):
    coordinator = NationalCoordinatorAssignmentFactory(user__email="landelijk@example.org").user

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("national:interest"), _data())

    assert response.status_code == 302
    assert response["Location"] == reverse("national:interest_done")
    submission = InterestSubmission.objects.get()
    assert submission.organisation == "Gemeente Zwolle"
    assert submission.handled_at is None
    (message,) = mail.outbox
    assert message.to == [coordinator.email]
    assert "Gemeente Zwolle" in message.subject
    # The mail says who asks; the person's details are read on the site.
    assert "ingrid@zwolle.example" not in message.body
    done = client.get(response["Location"])
    assert "Dank u wel" in done.text


def test_bad_input_keeps_what_was_typed_and_says_what_is_wrong_in_dutch(client):
    response = client.post(
        reverse("national:interest"), _data(email="geen-adres", organisation="", phone="bel me")
    )

    assert response.status_code == 200
    assert not InterestSubmission.objects.exists()
    assert "Dit e-mailadres klopt niet" in response.text
    assert "Vul uw gemeente of organisatie in." in response.text
    assert "Een telefoonnummer bestaat uit cijfers" in response.text
    assert 'value="Ingrid de Vries"' in response.text
    assert "Wij willen in twee wijken beginnen." in response.text


@pytest.mark.parametrize(
    "changes",
    [
        pytest.param(lambda: {HONEYPOT_FIELD: "http://spam.example"}, id="honeypot filled"),
        # Made when the test runs: collecting the tests takes longer than the minimum.
        pytest.param(lambda: {TIMESTAMP_FIELD: start_token(time.time())}, id="sent too fast"),
        pytest.param(lambda: {TIMESTAMP_FIELD: "vervalst"}, id="forged start time"),
    ],
)
def test_spam_is_refused_and_nobody_is_mailed(client, changes):
    NationalCoordinatorAssignmentFactory()

    response = client.post(reverse("national:interest"), _data(**changes()))

    assert response.status_code == 200
    assert not InterestSubmission.objects.exists()
    assert not mail.outbox


def test_odd_input_gives_no_error_page(client):
    response = client.post(
        reverse("national:interest"), _data(name="x" * 5000, message="\x00" * 3, email="@")
    )
    assert response.status_code == 200
    assert not InterestSubmission.objects.exists()


def test_the_form_page_shows_the_form_without_javascript(client):
    response = client.get(reverse("national:interest"))
    assert response.status_code == 200
    assert 'name="organisation"' in response.text
    assert f'name="{TIMESTAMP_FIELD}"' in response.text


def test_old_submissions_go_after_the_retention_period(settings):
    import datetime

    from django.core.management import call_command
    from django.utils import timezone

    from tests.national.factories import InterestSubmissionFactory

    settings.RETENTION_INTEREST_DAYS = 730
    old = InterestSubmissionFactory(created_at=timezone.now() - datetime.timedelta(days=731))
    recent = InterestSubmissionFactory(created_at=timezone.now() - datetime.timedelta(days=700))

    call_command("remove_old_interest")

    assert not InterestSubmission.objects.filter(pk=old.pk).exists()
    assert InterestSubmission.objects.filter(pk=recent.pk).exists()


def test_the_personal_data_download_and_erasure_include_the_submission():
    from accounts.privacy import erase_user, export_personal_data
    from tests.accounts.factories import UserFactory
    from tests.national.factories import InterestSubmissionFactory

    user = UserFactory(email="ingrid@zwolle.example")
    InterestSubmissionFactory(email="Ingrid@Zwolle.example")
    other = InterestSubmissionFactory(email="iemand@anders.example")

    exported = export_personal_data(user)
    assert exported["landelijk"]["belangstelling_gemeente"][0]["organisation"] == "Gemeente Zwolle"

    erase_user(user)

    assert list(InterestSubmission.objects.all()) == [other]
