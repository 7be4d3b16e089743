"""The survey edit page (templates/surveys/edit.html) shows one error summary for all its forms.

The settings and every question are one <form>; a summary per question would put several
role="alert" boxes on the page that each take the focus.
"""

import re

import pytest
from django.urls import reverse

from .factories import template_survey

pytestmark = pytest.mark.django_db


def _edit_url(survey):
    return reverse("surveys:edit", args=[survey.street_id, survey.pk])


def _valid_data(formset) -> dict[str, str]:
    """The page's own values posted back unchanged, as a browser would."""
    data = {
        "title": "Enquête burenhulp",
        "intro": "",
        "vragen-TOTAL_FORMS": str(len(formset.forms)),
        "vragen-INITIAL_FORMS": str(len(formset.forms)),
    }
    for index, form in enumerate(formset.forms):
        question = form.instance
        data[f"vragen-{index}-id"] = str(question.pk)
        data[f"vragen-{index}-label"] = question.label
        data[f"vragen-{index}-help_text"] = question.help_text
        data[f"vragen-{index}-position"] = str(question.position)
        data[f"vragen-{index}-is_active"] = "on"
    return data


def test_two_invalid_questions_give_one_summary_that_links_to_both_fields(world, login):
    survey = template_survey(world.street_a, world.gangmaker_a)
    client = login(world.gangmaker_a)
    data = _valid_data(client.get(_edit_url(survey)).context["formset"])
    data["vragen-0-position"] = "1200"
    data["vragen-2-label"] = ""

    body = client.post(_edit_url(survey), data).content.decode()

    assert body.count('role="alert"') == 1
    assert body.count("autofocus") == 1
    summary = re.search(r'<div class="form-errors" role="alert".*?</div>', body, re.DOTALL)[0]
    links = re.findall(r'<a href="#([^"]+)">([^<]+)</a>', summary)
    assert links == [
        ("id_vragen-0-position", "Vraag 1: Volgorde"),
        ("id_vragen-2-label", "Vraag 3: Vraag"),
    ]
    for field_id, _text in links:
        assert f'id="{field_id}"' in body
    assert "Kies een volgorde tussen 0 en 999." in body
    assert "Dit is een verplicht veld." in body


def test_an_invalid_title_is_in_the_same_single_summary(world, login):
    survey = template_survey(world.street_a, world.gangmaker_a)
    client = login(world.gangmaker_a)
    data = {**_valid_data(client.get(_edit_url(survey)).context["formset"]), "title": ""}

    body = client.post(_edit_url(survey), data).content.decode()

    assert body.count('role="alert"') == 1
    assert '<a href="#id_title">' in body
