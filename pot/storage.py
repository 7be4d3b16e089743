"""Where receipts are kept: a private folder outside MEDIA_ROOT, with no public URL.

A receipt can show a neighbour's name or address, so it must never be reachable through
MEDIA_URL (which `runserver` and a misconfigured web server would serve to anyone). The only
way to read one is `pot.views.receipt`, which checks who is asking.
"""

import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils.deconstruct import deconstructible
from django.utils.functional import cached_property


def receipt_root() -> Path:
    """POT_RECEIPT_ROOT (var/receipts in the project unless set; never under MEDIA_ROOT)."""
    return Path(settings.POT_RECEIPT_ROOT)


@deconstructible
class ReceiptStorage(FileSystemStorage):
    """File system storage whose folder is read from the settings when used, not at import."""

    def __init__(self):
        super().__init__()

    @property
    def base_location(self):
        return receipt_root()

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @cached_property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Receipts have no public URL; serve them through pot.views.receipt.")


receipt_storage = ReceiptStorage()
