"""Two-factor authentication (TOTP through django-otp): who needs it, setting it up, checking it.

Required for superusers and for whoever a registered rule names: an app that gives people a
wider view registers a rule from its AppConfig.ready() (streets: welzijn staff and
coordinators, who see more than one street). Available to everybody else, gangmakers first.
TwoFactorMiddleware enforces it.

Backup codes (django-otp's static device) let someone in whose phone is lost or flat: ten
one-time codes, shown once when the app is confirmed or when new ones are made. Only a keyed
hash of each code is stored, so the database (or a backup of it) does not hold usable codes.
"""

import secrets
from base64 import b32encode
from collections.abc import Callable

import segno
from django.db import transaction
from django.utils.crypto import salted_hmac
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import usercache

DEVICE_NAME = "Authenticator-app"
BACKUP_DEVICE_NAME = "Reservecodes"
BACKUP_CODE_COUNT = 10
# Ten letters and digits a person can copy without confusion (no 0/o, 1/l/i): about 49 bits.
BACKUP_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"
BACKUP_CODE_LENGTH = 10


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
    """Check a code after login: six digits from the app, or else one of the backup codes
    (used up by this). On success this session counts as verified. django-otp throttles
    repeated wrong codes on each device, so guessing backup codes slows down as well."""
    token = _normalised(token)
    if _is_app_code(token):
        checked, candidate = device, token
    else:
        checked, candidate = backup_device(device.user), _backup_hash(token)
    if checked is None or not checked.verify_token(candidate):
        return False
    otp_login(request, checked)
    return True
