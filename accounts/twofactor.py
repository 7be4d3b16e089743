"""Two-factor authentication (TOTP through django-otp): who needs it, setting it up, checking it.

Required for superusers and for whoever a registered rule names: an app that gives people a
wider view registers a rule from its AppConfig.ready() (streets: welzijn staff and
coordinators, who see more than one street). Available to everybody else, gangmakers first.
TwoFactorMiddleware enforces it.

Backup codes (django-otp's static device) let someone in whose phone is lost or flat: ten
one-time codes, shown once when the app is confirmed or when new ones are made. Only a keyed
hash of each code is stored, so the database (or a backup of it) does not hold usable codes.
"""

import math
import secrets
from base64 import b32encode
from collections.abc import Callable
from dataclasses import dataclass

import segno
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from . import usercache

DEVICE_NAME = "Authenticator-app"
BACKUP_DEVICE_NAME = "Reservecodes"
BACKUP_CODE_COUNT = 10
# Ten letters and digits a person can copy without confusion (no 0/o, 1/l/i): about 49 bits.
BACKUP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
BACKUP_CODE_LENGTH = 10
# The secret the setup page shows, kept in the session until a code confirms it: looking at
# the page stores nothing, and a reload shows the same QR code the person just scanned.
SETUP_KEY_SESSION = "two_factor_setup_key"
# Wrong codes in a row that cost no wait: a typo, or the code that changed while typing. After
# these, django-otp's wait applies (4 s, then doubling) and the page says how long it is.
FREE_WRONG_CODES = 3


type TwoFactorRule = Callable[[object], bool]

_rules: list[TwoFactorRule] = []


def register_two_factor_rule(rule: TwoFactorRule) -> None:
    """Add `rule(user)`: True when that user may not work without a second factor."""
    if rule not in _rules:
        _rules.append(rule)


def requires_two_factor(user) -> bool:
    """Superusers, and whoever a registered rule names, may not work without a second factor."""
    return user.is_superuser or any(rule(user) for rule in _rules)


def confirmed_device(user) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if they set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def two_factor_state(user) -> tuple[bool, bool]:
    """(has a confirmed app, may not work without one), as TwoFactorMiddleware asks on every
    request: kept in the per-person cache, which a device, a role or the user row replaces."""
    # The rules are part of the key: a rule registered later asks anew.
    return usercache.cached(
        user,
        f"two-factor:{hash(tuple(_rules))}",
        lambda: (confirmed_device(user) is not None, requires_two_factor(user)),
    )


def setup_key(request) -> str:
    """The secret for a new app: the one this session showed before, else the one of an
    unconfirmed device (an earlier try), else a new one. Kept in the session only."""
    key = request.session.get(SETUP_KEY_SESSION)
    if not key:
        pending = TOTPDevice.objects.filter(user=request.user, confirmed=False).first()
        key = pending.key if pending is not None else random_hex(20)
        request.session[SETUP_KEY_SESSION] = key
    return key


def unsaved_device(user, key: str) -> TOTPDevice:
    """A device to draw the QR code and the secret from, not stored."""
    return TOTPDevice(user=user, name=DEVICE_NAME, key=key, confirmed=False)


def pending_device(user, key: str | None = None) -> TOTPDevice:
    """The not yet confirmed device a code is checked against, stored when a code is sent
    (a POST) so that wrong codes are counted. With `key` it takes the secret the page showed;
    its count of wrong codes stays."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=DEVICE_NAME, confirmed=False, **({"key": key} if key else {})
        )
    elif key and device.key != key:
        device.key = key
        device.save(update_fields=["key"])
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


def _is_app_code(token: str) -> bool:
    return len(token) == 6 and token.isdigit()


def _backup_hash(code: str) -> str:
    """What is stored for a backup code: a keyed hash that fits StaticToken's 16 characters.
    Spaces, dashes and capitals are ignored, as people type codes from paper."""
    typed = "".join(ch for ch in code.lower() if ch.isalnum())
    return salted_hmac("accounts.twofactor.backup_code", typed, algorithm="sha256").hexdigest()[:16]


def backup_device(user) -> StaticDevice | None:
    return StaticDevice.objects.filter(user=user, name=BACKUP_DEVICE_NAME).first()


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__name=BACKUP_DEVICE_NAME).count()


def _new_backup_code() -> str:
    code = "".join(secrets.choice(BACKUP_ALPHABET) for _ in range(BACKUP_CODE_LENGTH))
    return f"{code[:5]}-{code[5:]}"


@transaction.atomic
def new_backup_codes(user) -> list[str]:
    """Ten new codes; every earlier code stops working. The plain codes exist only in the
    returned list, for the page that shows them once."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [_new_backup_code() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(
        StaticToken(device=device, token=_backup_hash(code)) for code in codes
    )
    return codes


@dataclass(frozen=True)
class CodeCheck:
    """The answer to a typed code: right, wrong, or not checked because the person must first
    wait `wait_seconds` after too many wrong codes."""

    ok: bool
    wait_seconds: int = 0


def _check(device, token: str) -> CodeCheck:
    """django-otp refuses every code, a right one too, for a while after a wrong one (1 s,
    then doubling) and says nothing about it. Here the first FREE_WRONG_CODES wrong codes in a
    row cost no wait, and a code inside a wait is not checked but answered with the wait."""
    allowed, info = device.verify_is_allowed()
    if not allowed:
        info = info or {}
        if info.get("failure_count", 0) < FREE_WRONG_CODES:
            # In memory only: lets verify_token check this code; a wrong one still counts.
            device.throttling_failure_timestamp = None
        else:
            left = (info["locked_until"] - timezone.now()).total_seconds()
            return CodeCheck(False, wait_seconds=max(1, math.ceil(left)))
    return CodeCheck(bool(device.verify_token(token)))


@transaction.atomic
def confirm_device(request, device: TOTPDevice, token: str) -> CodeCheck:
    """Confirm a new device with a code from the app; it replaces any earlier device, and this
    session counts as verified. Not ok (and only the wrong code counted) otherwise."""
    token = _normalised(token)
    if not token.isdigit():
        return CodeCheck(False)
    check = _check(device, token)
    if not check.ok:
        return check
    TOTPDevice.objects.filter(user=device.user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    request.session.pop(SETUP_KEY_SESSION, None)
    otp_login(request, device)
    return check


def verify(request, device: TOTPDevice, token: str) -> CodeCheck:
    """Check a code after login: six digits from the app, or else one of the backup codes
    (used up by this). On success this session counts as verified. Wrong codes make the next
    try wait (after a few free ones, see _check), so guessing backup codes slows down too."""
    token = _normalised(token)
    if _is_app_code(token):
        checked, candidate = device, token
    else:
        checked, candidate = backup_device(device.user), _backup_hash(token)
    if checked is None:
        return CodeCheck(False)
    check = _check(checked, candidate)
    if check.ok:
        otp_login(request, checked)
    return check
