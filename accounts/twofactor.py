"""Two-factor authentication (TOTP through django-otp): who needs it, setting it up, checking it.

Required for the people who see more than one street (welzijn staff, coordinators) and for
superusers; available to everybody else, gangmakers first. TwoFactorMiddleware enforces it.
"""

from base64 import b32encode

import segno
from django.db import transaction
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from streets.models import CoordinatorAssignment, WelzijnAssignment

DEVICE_NAME = "Authenticator-app"


def requires_two_factor(user) -> bool:
    """Welzijn staff, coordinators and superusers may not work without a second factor."""
    return (
        user.is_superuser
        or WelzijnAssignment.objects.filter(user=user).exists()
        or CoordinatorAssignment.objects.filter(user=user).exists()
    )


def confirmed_device(user) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if they set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def pending_device(user) -> TOTPDevice:
    """The not yet confirmed device a setup shows; the same one until it is confirmed, so a
    reload of the page does not change the code the user just scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_text(device: TOTPDevice) -> str:
    """The secret as people type it into an app: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_svg(device: TOTPDevice) -> str:
    """The otpauth:// link as an inline SVG QR code (no inline styles: the CSP forbids them)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=5, border=2)


def _normalised(token: str) -> str:
    return "".join(token.split())


@transaction.atomic
def confirm_device(request, device: TOTPDevice, token: str) -> bool:
    """Confirm a new device with a code from the app; it replaces any earlier device, and this
    session counts as verified. False (and nothing changed) for a wrong code."""
    token = _normalised(token)
    if not token.isdigit() or not device.verify_token(token):
        return False
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    otp_login(request, device)
    return True


def verify(request, device: TOTPDevice, token: str) -> bool:
    """Check a code after login; on success this session counts as verified. django-otp
    throttles repeated wrong codes on the device itself."""
    token = _normalised(token)
    if not token.isdigit() or not device.verify_token(token):
        return False
    otp_login(request, device)
    return True
