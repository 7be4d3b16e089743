"""The interface language is Dutch unless a visitor chose another one in the footer.

Django's LocaleMiddleware also follows the browser's Accept-Language, which gave visitors with
an English browser a page half in Dutch (our texts) and half in English (Django's own form
errors). Here only an explicit choice, kept in the language cookie, changes the language.
"""

from django.conf import settings
from django.utils import translation


class ChosenLanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request):
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response
