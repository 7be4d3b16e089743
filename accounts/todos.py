"""What a person has to do: the to-do list on their start page, gathered from every app.

accounts owns the mechanism and knows no domain: each app registers a provider in its own
`AppConfig.ready()`, the way it registers its personal data. A provider answers for one person
and returns only what that person may act on (the view behind each link checks again)::

    from accounts.todos import Todo, register_todo_provider

    def waiting_applications(user):
        for street, count in ...:  # one grouped query, never one per street
            yield Todo(
                label=ngettext("%(count)s aanmelding wacht", "%(count)s aanmeldingen wachten", count)
                % {"count": count},
                count=count,
                url=reverse("streets:members", args=[street.pk]),
                place=street.title,
                kind="members",
            )

    register_todo_provider(waiting_applications)

A provider must be cheap (a few grouped queries whatever the number of streets) and must not
change anything: the start page is only looked at.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.functional import Promise


@dataclass(frozen=True)
class Todo:
    """One line of the to-do list: "2 aanmeldingen wachten" in Zwaanshals, with its link.

    `place` groups the list (a street's or wijk's name; "" for the whole municipality or for
    the person's own matters). `kind` is a stable English key for tests and styling. `urgent`
    lines come first within their place; `order` sorts the rest (lower first).
    """

    label: str | Promise
    url: str
    count: int | None = None
    place: str = ""
    kind: str = ""
    urgent: bool = False
    order: int = 100


TodoProvider = Callable[[object], Iterable[Todo]]

_providers: list[TodoProvider] = []


def register_todo_provider(provider: TodoProvider) -> None:
    """Adds a provider; registering the same one twice (a reloaded app) keeps one."""
    if provider not in _providers:
        _providers.append(provider)


def todos_for(user) -> list[Todo]:
    """Everything `user` has to do, grouped by place, urgent first; lines counting 0 left out."""
    if not user.is_authenticated:
        return []
    todos = [
        todo
        for provider in _providers
        for todo in provider(user)
        if todo.count is None or todo.count > 0
    ]
    return sorted(todos, key=lambda todo: (todo.place, not todo.urgent, todo.order, todo.kind))
