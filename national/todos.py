"""The national coordinator's start page (accounts.todos): new interest from municipalities,
the figures across municipalities and the national exchange."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from accounts.todos import Todo
from streets.permissions import is_national_coordinator

from .services import new_submission_count


def national_todos(user):
    if not is_national_coordinator(user):
        return
    new = new_submission_count()
    if new:
        yield Todo(
            label=ngettext(
                "%(count)s gemeente wil Lief & Leed invoeren",
                "%(count)s gemeenten willen Lief & Leed invoeren",
                new,
            )
            % {"count": new},
            url=reverse("national:submissions"),
            count=new,
            kind="interest",
            urgent=True,
        )
    yield Todo(
        label=_("Cijfers van alle gemeenten"),
        url=reverse("national:figures"),
        kind="national_figures",
        order=120,
    )
    yield Todo(
        label=_("Aanmeldingen van gemeenten (belangstelling)"),
        url=reverse("national:submissions"),
        kind="interest_all",
        order=130,
    )
    yield Todo(
        label=_("Landelijke uitwisseling van gangmakers"),
        url=reverse("network:national"),
        kind="national_exchange",
        order=200,
    )
