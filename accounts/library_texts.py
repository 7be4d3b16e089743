"""Texts of the libraries that their own catalogues lack or have wrong, listed here so that
`make messages` extracts them into the project's catalogues (locale/<lang>/) and they are
translated with the rest. Never imported: the list only has to be seen by makemessages.

Django 6.1 changed this message's placeholder; its catalogues still have the old one, so
without an entry here the sentence shows in English.
"""

from django.utils.translation import ngettext_lazy

LIBRARY_TEXTS = [
    ngettext_lazy(
        "This password is too short. It must contain at least %d character.",
        "This password is too short. It must contain at least %d characters.",
        "%d",
    ),
]
