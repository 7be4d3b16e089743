"""Site-wide preferences a visitor can set without an account or JavaScript."""

import datetime

from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

LETTERS_COOKIE = "letters"
LARGE_LETTERS = "groot"
# A year: someone who needs larger letters should not have to ask again every visit.
LETTERS_COOKIE_AGE = datetime.timedelta(days=365)


def _safe_next(request) -> str:
    """Back to the page the button was on, but never to another site."""
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@require_POST
def set_letter_size(request):
    """Switch "grotere letters" on or off; base.html reads the cookie on every page."""
    response = HttpResponseRedirect(_safe_next(request))
    if request.POST.get(LETTERS_COOKIE) == LARGE_LETTERS:
        response.set_cookie(
            LETTERS_COOKIE,
            LARGE_LETTERS,
            max_age=LETTERS_COOKIE_AGE,
            secure=request.is_secure(),
            httponly=True,
            samesite="Lax",
        )
    else:
        response.delete_cookie(LETTERS_COOKIE, samesite="Lax")
    return response
