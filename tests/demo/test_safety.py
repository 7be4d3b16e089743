"""The demo: Bea's spare key holder and emergency contact, the welzijn contact of Noord."""

import io

import pytest
from django.urls import reverse

from demo.builders import home as home_demo
from demo.builders import safety as safety_demo
from demo.builders import streets as streets_demo
from insights.models import WelzijnQuestion
from streets.models import EmergencyContact, SafetyNet, SpareKey

pytestmark = pytest.mark.django_db


def test_bea_has_a_key_holder_and_an_emergency_contact_and_building_twice_adds_nothing(client):
    out = io.StringIO()
    home = home_demo.build(out)
    streets_demo.build(home, out)
    safety_demo.build(home, out)
    safety_demo.build(home, out)

    net = SafetyNet.objects.get()
    assert net.person.email == "bewoner@example.org"
    assert SpareKey.objects.count() == 1
    assert EmergencyContact.objects.count() == 1
    assert WelzijnQuestion.objects.filter(answer__gt="").count() == 1

    assert client.login(username="bewoner@example.org", password="liefenleed")
    page = client.get(reverse("streets:safety_detail", args=[net.street_id, net.pk])).text
    assert "Dochter Sanne Bewoner" in page
    assert net.spare_keys.get().holder.get_full_name() in page
    assert client.login(username="gangmaker@example.org", password="liefenleed")
    questions = client.get(reverse("insights:questions", args=[net.street_id])).text
    assert "Wim Welzijn" in questions
