"""The languages of the site and of each person.

A person's language is kept on their account (`User.language`, empty until they choose or
join): the site is shown in it once they are logged in (`AccountLanguageMiddleware`), and every
e-mail, digest, reminder and notification text for them is written in it (`for_person`), the
text of the one who triggered it notwithstanding. Visitors choose in the footer (a cookie,
home.middleware.ChosenLanguageMiddleware).
"""

from contextlib import contextmanager

from django.conf import settings
from django.utils import translation


def language_choices() -> list[tuple[str, str]]:
    """The site's languages, each named in itself (settings.LANGUAGES)."""
    return list(settings.LANGUAGES)


def is_available(code: str | None) -> bool:
    return bool(code) and code in {c for c, _name in settings.LANGUAGES}


def usable(code: str | None) -> str:
    """`code` if the site offers it, else the site's default (Dutch)."""
    return code if is_available(code) else settings.LANGUAGE_CODE


def language_of(user) -> str:
    """The language to write to `user` in: theirs if they chose one, else the site's default.
    Works for anything with an optional `language` attribute (a recipient without account)."""
    return usable(getattr(user, "language", None))


def chosen_or(user, language: str | None) -> str:
    """The language of someone who may have an account: the account's choice if it made one,
    else `language` (the one they used on the site when they gave their address), else Dutch."""
    return usable(getattr(user, "language", None) or language)


def is_rtl(code: str | None) -> bool:
    return bool(code) and translation.get_language_info(code)["bidi"]


@contextmanager
def for_person(user):
    """Render what is meant for `user` in their language: `with for_person(user): ...`."""
    with translation.override(language_of(user)):
        yield


def keep_chosen_language(sender, request, user, **kwargs) -> None:
    """On login, a person who never chose a language keeps the one they chose in the footer
    as a visitor (only a choice other than the default: a Dutch login writes nothing)."""
    language = getattr(request, "LANGUAGE_CODE", None)
    if (
        not getattr(user, "language", None)
        and is_available(language)
        and language != settings.LANGUAGE_CODE
        and user.pk is not None
    ):
        user.language = language
        user.save(update_fields=["language"])


# The query parameter of a printed sheet's language: `?taal=tr` prints the sheet in Turkish.
PRINT_PARAMETER = "taal"


def print_language(request, default: str | None = None) -> str:
    """The language to print a sheet in: `?taal=` if the site offers it, else `default` (the
    language of the person the sheet is for), else the viewer's own. An unknown code is ignored,
    never an error. The choice changes words only: what the sheet shows is the view's business."""
    chosen = request.GET.get(PRINT_PARAMETER)
    if is_available(chosen):
        return chosen
    if default is not None:
        return usable(default)
    return usable(translation.get_language())
