"""What a person may do, worked out once and kept in Django's cache until it changes.

Every request of a logged-in person asks the same questions: which streets are theirs and in
which role, do they need a second factor and have they set one up, may they open the Wagtail
admin. The answers are kept per person under a version token; every change that could alter
an answer (a membership, a coordinator or welzijn assignment, an authenticator app, a group,
the user row itself, a group's rights on pages) replaces that person's token through the signal handlers connected in
AccountsConfig.ready() and in the apps that own those rows (`bump`). The next request then
misses and asks the database again: a change is seen at once.

The user row itself is kept the same way (accounts.backends.AccountBackend: without the
password hash and last login), so every save or delete of a user replaces the token, and an
`update()` of the user table must call `bump` like any other.

The token is replaced now and again after the commit, so a request that read the old rows
before the commit and stores them afterwards stores them under a token nobody reads any more.
Like the anonymous page cache, this needs one cache shared by all processes (Redis in
production); with a per-process cache another worker could keep an old answer for up to
`TIMEOUT_SECONDS`. Changes made with `QuerySet.update()` send no signals: call `bump` there.
"""

from collections.abc import Callable

from django.core.cache import cache
from django.db import transaction

from ops import versions

# A bound on how long an answer can outlive a change that sent no signal.
TIMEOUT_SECONDS = 600


def _version_key(user_id: int) -> str:
    return f"user-cache:version:{user_id}"


def version(user) -> str:
    """This person's current token; a new one if the cache has none. Not kept on the user
    object: read once per GET request (ops.versions) and anew after a `bump`, so a change made
    earlier in the same request is seen."""
    return _version_by_id(user.pk)


def _version_by_id(user_id: int) -> str:
    return versions.token(_version_key(user_id))


def cached[T](user, name: str, compute: Callable[[], T]) -> T:
    """`compute()` for this person, or what it gave since their last change. Anonymous users
    are never cached."""
    if not getattr(user, "is_authenticated", False) or user.pk is None:
        return compute()
    return cached_by_id(user.pk, name, compute)


def cached_by_id[T](user_id: int, name: str, compute: Callable[[], T], keep_none=True) -> T:
    """`cached` for a person known only by their id (the user row itself, read before there is
    a user object). The version is read before computing, so a change meanwhile is never kept
    as current. With `keep_none=False` a None (no such person) is not kept."""
    key = f"user-cache:{user_id}:{_version_by_id(user_id)}:{name}"
    found = cache.get(key, _MISSING)
    if found is not _MISSING:
        return found
    value = compute()
    if value is not None or keep_none:
        cache.set(key, value, TIMEOUT_SECONDS)
    return value


_MISSING = object()


def bump(*user_ids: int) -> None:
    """Forget what is kept for these people, now and again once the change is committed."""
    keys = [_version_key(pk) for pk in user_ids if pk]
    if not keys:
        return

    def drop():
        versions.forget(keys)
        cache.delete_many(keys)

    drop()
    transaction.on_commit(drop)


def bump_for_instance(sender, instance, **kwargs) -> None:
    """Signal handler for any row with a `user_id`: that person's answers may have changed."""
    bump(getattr(instance, "user_id", None))


# A login only touches these; no answer kept here depends on them.
_UNRELATED_USER_FIELDS = frozenset({"last_login"})


def _on_user_change(sender, instance, update_fields=None, **kwargs) -> None:
    if update_fields and set(update_fields) <= _UNRELATED_USER_FIELDS:
        return
    bump(instance.pk)


def _on_user_groups_change(sender, instance, action, pk_set=None, model=None, **kwargs) -> None:
    if not action.startswith("post_"):
        return
    from django.contrib.auth import get_user_model

    if isinstance(instance, get_user_model()):
        bump(instance.pk)
    elif pk_set:
        # The change was made from the group's side: everyone named.
        bump(*pk_set)
    else:
        bump(*instance.user_set.values_list("pk", flat=True))


def _on_group_permissions_change(sender, instance, action, **kwargs) -> None:
    from django.contrib.auth.models import Group

    if action.startswith("post_") and isinstance(instance, Group):
        bump(*instance.user_set.values_list("pk", flat=True))


def _on_page_permission_change(sender, instance, **kwargs) -> None:
    """A group's rights on pages decide who sees the Wagtail user bar. By the group's id: when
    a group is deleted, its page rights go after it and `instance.group` is gone."""
    from django.contrib.auth import get_user_model

    if instance.group_id:
        users = get_user_model().objects.filter(groups__id=instance.group_id)
        bump(*users.values_list("pk", flat=True))


def connect_signals() -> None:
    """Called from AccountsConfig.ready(): the rows accounts owns or uses."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db.models.signals import m2m_changed, post_delete, post_save
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.models import TOTPDevice
    from wagtail.models import GroupPagePermission

    user_model = get_user_model()
    post_save.connect(_on_user_change, sender=user_model, dispatch_uid="usercache_user")
    post_delete.connect(_on_user_change, sender=user_model, dispatch_uid="usercache_user")
    m2m_changed.connect(
        _on_user_groups_change, sender=user_model.groups.through, dispatch_uid="usercache"
    )
    m2m_changed.connect(
        _on_group_permissions_change, sender=Group.permissions.through, dispatch_uid="usercache"
    )
    post_save.connect(
        _on_page_permission_change, sender=GroupPagePermission, dispatch_uid="usercache"
    )
    post_delete.connect(
        _on_page_permission_change, sender=GroupPagePermission, dispatch_uid="usercache"
    )
    for model in (TOTPDevice, StaticDevice):
        post_save.connect(bump_for_instance, sender=model, dispatch_uid="usercache")
        post_delete.connect(bump_for_instance, sender=model, dispatch_uid="usercache")
