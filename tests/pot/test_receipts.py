import pytest

from pot.receipts import sniff_content_type
from tests.pot.conftest import EXE_BYTES, JPEG_BYTES, PDF_BYTES, PNG_BYTES


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (JPEG_BYTES, "image/jpeg"),
        (PNG_BYTES, "image/png"),
        (PDF_BYTES, "application/pdf"),
        (b"RIFF\x24\x00\x00\x00WEBPVP8 ", "image/webp"),
        (b"\x00\x00\x00\x18ftypheic\x00\x00", "image/heic"),
    ],
)
def test_photos_and_pdfs_are_recognised_by_their_first_bytes(head, expected):
    assert sniff_content_type(head[:16]) == expected


@pytest.mark.parametrize(
    "head",
    [EXE_BYTES, b"GIF89a", b"<svg xmlns=", b"<html><script>", b"PK\x03\x04", b"", b"%PD"],
)
def test_programs_archives_svg_and_text_are_not_receipts(head):
    assert sniff_content_type(head[:16]) is None
