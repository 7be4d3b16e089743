"""The Wagtail admin speaks Dutch in a Dutch session: its own texts through Wagtail's Dutch
translations, and the names the project stores (the moderation workflow and its task)."""

import re

import pytest
from wagtail.models import Task, Workflow

from tests.accounts.factories import UserFactory

pytestmark = pytest.mark.django_db


def _labels(page: str) -> list[str]:
    return [
        " ".join(re.sub(r"<[^>]+>", " ", label).split())
        for label in re.findall(r"<label[^>]*>(.*?)</label>", page, re.DOTALL)
    ]


def test_the_admin_login_asks_for_the_password_in_dutch(client, world):
    page = client.get("/admin/login/").text
    labels = _labels(page)
    assert any(label.startswith("Wachtwoord") for label in labels), labels
    assert not any(label.startswith("Password") for label in labels), labels


def test_the_moderation_workflow_and_its_task_have_dutch_names():
    names = set(Workflow.objects.values_list("name", flat=True)) | set(
        Task.objects.values_list("name", flat=True)
    )
    assert names == {"Goedkeuring door moderatoren"}


def test_an_editor_submits_a_page_to_the_dutch_named_workflow(login, world):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    page = login(superuser).get(f"/admin/pages/{world.street_a.pk}/edit/").text
    assert "Goedkeuring door moderatoren" in page
    assert "Moderators approval" not in page


def test_the_admin_uses_wagtails_dutch_translations(login, world):
    superuser = UserFactory(is_superuser=True, is_staff=True)
    page = login(superuser).get("/admin/pages/").text
    assert 'lang="nl"' in page
    assert "Pagina's" in page or "Pagina&#x27;s" in page
