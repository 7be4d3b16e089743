"""What Django, Wagtail and django-q2 keep that may quote a person: run last on erasure.

- every free-text column of every model (page revisions' JSON, log entries, the Django admin
  log, a gangmaker's note that names the neighbour, ...): the full name and e-mail address
  replaced by a placeholder;
- log entries about the user account itself: their label;
- the search index: entries that mention the person are rebuilt from the scrubbed object,
  or removed when the object is gone;
- django-q2's task results and queue: rows whose arguments or results mention the person
  are deleted (tasks take ids, so this is a safety net).
"""

import re

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django_q.models import OrmQ, Task
from wagtail.models import ModelLogEntry
from wagtail.search.index import class_is_indexed, insert_or_update_object
from wagtail.search.models import IndexEntry

from .privacy import ERASED_NAME, Identity

PLACEHOLDER = "[verwijderd]"
TEXT_FIELDS = (models.CharField, models.TextField, models.JSONField)
# The user row is anonymised by erase_user (other people's rows keep their own names); the
# search index is rebuilt below rather than edited column by column.
SKIPPED_APPS = {"wagtailsearch"}


def _replace(value, pattern: re.Pattern):
    """Replace in a string, or in every string inside a JSON structure."""
    if isinstance(value, str):
        return pattern.sub(PLACEHOLDER, value)
    if isinstance(value, list):
        return [_replace(item, pattern) for item in value]
    if isinstance(value, dict):
        return {key: _replace(item, pattern) for key, item in value.items()}
    return value


def _text_fields(model) -> list[models.Field]:
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, TEXT_FIELDS) and not field.choices and not field.primary_key
    ]


def scrub_text_columns(identity: Identity) -> set[tuple[type, object]]:
    """Replace the person's full name and e-mail in every text column; returns the rows
    changed as (model, pk)."""
    strings = identity.strings()
    if not strings:
        return set()
    pattern = re.compile("|".join(re.escape(s) for s in strings), re.IGNORECASE)
    user_model = apps.get_model("accounts", "User")
    changed = set()
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or model is user_model:
            continue
        if meta.app_label in SKIPPED_APPS:
            continue
        for field in _text_fields(model):
            query = Q()
            for text in strings:
                query |= Q(**{f"{field.name}__icontains": text})
            manager = model._base_manager
            for pk, value in manager.filter(query).values_list("pk", field.attname):
                manager.filter(pk=pk).update(**{field.attname: _replace(value, pattern)})
                changed.add((model, pk))
    return changed


def relabel_log_entries(identity: Identity) -> None:
    """Wagtail's log entries about the account are labelled with the person's name."""
    user_type = ContentType.objects.get_for_model(apps.get_model("accounts", "User"))
    ModelLogEntry.objects.filter(content_type=user_type, object_id=str(identity.user_id)).update(
        label=ERASED_NAME
    )


def rebuild_search_entries(identity: Identity, changed: set[tuple[type, object]]) -> None:
    """Index entries quoting the person: rebuilt from the (scrubbed) object, or removed. On
    PostgreSQL the index holds lexemes, not text, so every scrubbed object is re-indexed too."""
    for model, pk in changed:
        if class_is_indexed(model):
            obj = model._default_manager.filter(pk=pk).first()
            if obj is not None:
                insert_or_update_object(obj)
    query = Q()
    for text in identity.strings():
        for column in ("title", "body", "autocomplete"):
            query |= Q(**{f"{column}__icontains": text})
    if not identity.strings():
        return
    for entry in IndexEntry.objects.filter(query).select_related("content_type"):
        model = entry.content_type.model_class()
        obj = model._default_manager.filter(pk=entry.object_id).first() if model else None
        entry.delete()
        if obj is not None:
            insert_or_update_object(obj)


def delete_task_rows(identity: Identity) -> None:
    """django-q2 pickles arguments and results, out of reach of a text search: unpickle them."""
    strings = [text.lower() for text in identity.strings()]
    if not strings:
        return

    def mentions(*values) -> bool:
        text = repr(values).lower()
        return any(s in text for s in strings)

    for task in Task.objects.all().iterator():
        if mentions(task.name, task.args, task.kwargs, task.result):
            task.delete()
    for queued in OrmQ.objects.all().iterator():
        try:
            package = queued.task
        except Exception:  # noqa: BLE001, S112 - an unreadable queue row names nobody
            continue
        if mentions(package):
            queued.delete()


def erase(identity: Identity) -> None:
    changed = scrub_text_columns(identity)
    relabel_log_entries(identity)
    rebuild_search_entries(identity, changed)
    delete_task_rows(identity)
