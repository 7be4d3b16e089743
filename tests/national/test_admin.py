"""A national coordinator writes the national newsletter in the Wagtail admin: the national
home page's subtree only, granted with the assignment and taken away with it; no page of a
municipality (and so no street's personal data) in the explorer, the search or the editor."""

import pytest
from django.urls import reverse

from streets.models import NationalCoordinatorAssignment
from tests.accounts.factories import UserFactory
from tests.national.factories import national_site
from tests.network.factories import NewsletterIndexPageFactory, NewsletterPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def national_issue():
    home = national_site()
    newsletter = NewsletterIndexPageFactory(
        parent=home, title="Landelijke nieuwsbrief", slug="nieuwsbrief"
    )
    return NewsletterPageFactory(parent=newsletter, title="Landelijk nieuws")


@pytest.fixture
def national_coordinator(national_issue):
    # Appointed after the national site exists: the assignment itself grants the access.
    user = UserFactory(first_name="Noor")
    NationalCoordinatorAssignment.objects.create(user=user)
    return user


def test_the_national_coordinator_edits_and_sends_the_national_newsletter(
    login, national_coordinator, national_issue
):
    admin = login(national_coordinator)

    edit = admin.get(reverse("wagtailadmin_pages:edit", args=[national_issue.pk]))
    assert edit.status_code == 200
    assert "Verzenden naar abonnees" in edit.content.decode()
    add = admin.get(
        reverse(
            "wagtailadmin_pages:add",
            args=["network", "newsletterpage", national_issue.get_parent().pk],
        )
    )
    assert add.status_code == 200
    confirm = admin.get(reverse("network_newsletter_send", args=[national_issue.pk]))
    assert confirm.status_code == 200
    assert "ontvangers" in confirm.content.decode()


def test_the_national_coordinator_reaches_no_page_of_a_municipality(
    login, world, national_coordinator, national_issue
):
    municipal_issue = NewsletterPageFactory(
        parent=NewsletterIndexPageFactory(parent=world.home), title="Nieuwsbrief april"
    )
    admin = login(national_coordinator)

    for page in (world.home, world.street_a, municipal_issue):
        for name in ("wagtailadmin_pages:edit", "wagtailadmin_pages:delete"):
            response = admin.get(reverse(name, args=[page.pk]))
            assert response.status_code in (302, 403, 404), (page, name)
        explore = admin.get(reverse("wagtailadmin_explore", args=[page.pk]))
        assert explore.status_code in (302, 403, 404), page
    assert admin.get(reverse("network_newsletter_send", args=[municipal_issue.pk])).status_code in (
        302,
        403,
        404,
    )
    found = admin.get(reverse("wagtailadmin_pages:search"), {"q": world.street_a.title})
    assert found.status_code == 200
    for page in (world.street_a, world.home):
        # The query itself is echoed in the search box; no result links to the page.
        assert reverse("wagtailadmin_pages:edit", args=[page.pk]) not in found.content.decode()
    # The search does find the national newsletter (so an empty answer above means something).
    own = admin.get(reverse("wagtailadmin_pages:search"), {"q": "Landelijke nieuwsbrief"})
    newsletter_pk = national_issue.get_parent().pk
    assert reverse("wagtailadmin_pages:edit", args=[newsletter_pk]) in own.content.decode()
    root = admin.get(reverse("wagtailadmin_explore_root")).content.decode()
    assert world.street_a.title not in root and world.home.title not in root
    assert reverse("wagtailadmin_explore", args=[world.home.pk]) not in root


def test_removing_the_assignment_takes_the_admin_access_away(
    login, national_coordinator, national_issue
):
    NationalCoordinatorAssignment.objects.get(user=national_coordinator).delete()
    national_coordinator.refresh_from_db()

    assert not national_coordinator.has_perm("wagtailadmin.access_admin")
    edit = login(national_coordinator).get(
        reverse("wagtailadmin_pages:edit", args=[national_issue.pk])
    )
    assert edit.status_code in (302, 403)
