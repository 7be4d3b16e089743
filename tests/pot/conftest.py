"""Fixtures for the pot: a funded pot for street A, private receipt storage, sample files."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from tests.pot.factories import funded_pot

# The first bytes of real files of each kind, padded to look like a file.
JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + b"\x00" * 200
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200
PDF_BYTES = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"0" * 200
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200


@pytest.fixture(autouse=True)
def _receipt_root(settings, tmp_path):
    settings.POT_RECEIPT_ROOT = tmp_path / "receipts"


@pytest.fixture
def pot_a(world):
    return funded_pot(world.street_a)


@pytest.fixture
def pot_b(world):
    return funded_pot(world.street_b)


@pytest.fixture
def today():
    return timezone.localdate()


def upload(name: str, content: bytes, content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def jpeg(name="bon.jpg"):
    return upload(name, JPEG_BYTES)
