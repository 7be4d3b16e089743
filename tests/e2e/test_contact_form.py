"""The contact form (a Wagtail FormPage) sent by a person, spam protection included."""

import time

from playwright.sync_api import expect
from wagtail.contrib.forms.models import FormSubmission

from home.forms import MIN_SECONDS_ON_SCREEN
from tests.home.factories import FormFieldFactory, FormPageFactory


def test_person_sends_the_contact_form_after_reading_it(home, visitor):
    form_page = FormPageFactory(parent=home, intro="<p>Vragen? Schrijf ons.</p>")
    FormFieldFactory(page=form_page, label="Uw naam", field_type="singleline")
    FormFieldFactory(page=form_page, label="Uw vraag", field_type="multiline")
    page = visitor.page

    visitor.open(form_page.url)
    shown_at = time.monotonic()
    page.get_by_label("Uw naam").fill("Joke")
    page.get_by_label("Uw vraag").fill("Kan onze straat ook meedoen?")
    visitor.screenshot("contact-form")
    page.get_by_role("button", name="Versturen").click()

    if time.monotonic() - shown_at < MIN_SECONDS_ON_SCREEN:
        # Faster than a person can read: refused, with what was typed kept for a second try.
        expect(page.get_by_role("alert")).to_contain_text("Dat ging wel erg snel")
        expect(page.get_by_label("Uw vraag")).to_have_value("Kan onze straat ook meedoen?")
        assert not FormSubmission.objects.exists()
        page.wait_for_timeout((MIN_SECONDS_ON_SCREEN - (time.monotonic() - shown_at)) * 1000 + 200)
        page.get_by_role("button", name="Versturen").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Bedankt!")
    visitor.screenshot("contact-form-sent")
    submission = FormSubmission.objects.get(page=form_page)
    assert submission.get_data()["uw_vraag"] == "Kan onze straat ook meedoen?"
