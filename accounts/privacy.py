"""The neighbour's data rights (AVG): download one's data, delete one's account.

Every app that keeps personal data registers what belongs to a person and how to erase it:
its own `<app>/personal_data.py`, registered with `register_personal_data` in its
AppConfig.ready() (accounts' own part included). This module runs them all: an export is a
dict per source, an erasure runs every eraser, then scrubs the framework's own stores (page
revisions, log entries, the search index, task rows: scrubbing.py) and finally anonymises the
user row, which other rows (the pot's ledger, moderation logs) keep pointing to without the
person.

Erasers run in registration order, which is INSTALLED_APPS order, but none depends on
another having run: each deletes or anonymises its own app's rows, and the ORM follows the
foreign keys between apps (CASCADE or SET_NULL, nothing PROTECTed points at a person's rows).
Only the scrubbing depends on order, and erase_user runs it explicitly after every eraser.
"""

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import usercache
from .models import PersonalDataLink, User

ERASED_NAME = "Oud-lid"


@dataclass(frozen=True)
class PersonalDataSource:
    """One app's part: `exporter(user)` returns JSON-ready data, `eraser(user, identity)`
    removes or anonymises the rows (identity: the name and e-mail to scrub from free text)."""

    key: str
    exporter: Callable[[User], object]
    eraser: Callable[[User, "Identity"], None]


@dataclass(frozen=True)
class Identity:
    """What identifies the person in free text: scrubbed wherever it appears."""

    user_id: int
    full_name: str
    email: str

    def strings(self) -> list[str]:
        """The strings to find. A first name alone ("Anna") is too common to scrub from other
        people's text; the full name and the e-mail address are not."""
        found = [self.email] if self.email else []
        if " " in self.full_name:
            found.append(self.full_name)
        return found


_sources: dict[str, PersonalDataSource] = {}


def register_personal_data(key: str, exporter: Callable, eraser: Callable) -> None:
    """Register an app's exporter and eraser under `key` (the key names the export's section)."""
    _sources[key] = PersonalDataSource(key, exporter, eraser)


def export_personal_data(user: User) -> dict:
    """All of the user's rows, one section per registered source."""
    data = {
        "toelichting": _(
            "Alle gegevens die Lief & Leed over u bewaart, per onderdeel. Zorgsignalen die een "
            "ander over u maakte staan er niet in: vraag daarnaar bij de gemeente."
        ),
        "gemaakt_op": timezone.now().isoformat(),
    }
    for source in _sources.values():
        data[source.key] = source.exporter(user)
    return data


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_download_link(user: User) -> str:
    """A new one-time token for the user's download, valid PERSONAL_DATA_LINK_MINUTES."""
    token = secrets.token_urlsafe(32)
    now = timezone.now()
    PersonalDataLink.objects.create(
        user=user,
        token_hash=_token_hash(token),
        created_at=now,
        expires_at=now + timedelta(minutes=settings.PERSONAL_DATA_LINK_MINUTES),
    )
    return token


@transaction.atomic
def redeem_download_link(user: User, token: str) -> bool:
    """Use up the link `token` of `user`: True once, while it is valid; False for another
    person's link, a used or an expired one."""
    now = timezone.now()
    used = PersonalDataLink.objects.filter(
        user=user, token_hash=_token_hash(token), used_at__isnull=True, expires_at__gt=now
    ).update(used_at=now)
    return used == 1


@transaction.atomic
def erase_user(user: User) -> None:
    """Delete the person from the site: every app's eraser, the framework's stores, and the
    user row anonymised (no name, e-mail, phone or password; inactive)."""
    identity = Identity(user.pk, user.get_full_name(), user.email or "")
    for source in _sources.values():
        source.eraser(user, identity)
    # Imported here: scrubbing.py needs this module's Identity.
    from . import scrubbing

    scrubbing.erase(identity)
    User.objects.filter(pk=user.pk).update(
        email=None,
        is_offline=True,
        first_name=ERASED_NAME,
        last_name="",
        phone="",
        is_active=False,
        is_staff=False,
        is_superuser=False,
        password=f"!{secrets.token_urlsafe(30)}",
        last_login=None,
    )
    user.groups.clear()
    user.user_permissions.clear()
    # update() sends no signal: what was kept about this person goes now.
    usercache.bump(user.pk)
    user.refresh_from_db()
