"""Logging in, as a person does it in the browser."""

import re

from playwright.sync_api import expect


def test_login_with_a_wrong_password_says_so_in_dutch_and_keeps_the_email(world, visitor):
    page = visitor.page
    visitor.log_in(world.bewoner_a.email, "verkeerd wachtwoord")

    expect(page).to_have_url(re.compile(r"/account/inloggen/"))
    expect(page.get_by_role("alert")).to_contain_text(
        "Dit e-mailadres en wachtwoord horen niet bij elkaar."
    )
    expect(page.get_by_label("E-mailadres")).to_have_value(world.bewoner_a.email)
    expect(page.get_by_role("link", name="Mijn straten")).to_have_count(0)
    visitor.screenshot("login-error")


def test_login_with_the_right_password_opens_my_streets(world, visitor):
    page = visitor.page
    visitor.log_in(world.bewoner_a.email)

    expect(page.get_by_role("heading", level=1)).to_have_text("Welkom, Anna")
    expect(page.get_by_role("main").get_by_role("link", name="Zwaanshals")).to_be_visible()
