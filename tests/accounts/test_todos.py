"""The to-do registry itself: accounts owns it, the apps fill it (their tests check their lines)."""

from types import SimpleNamespace

import pytest

from accounts import todos
from accounts.todos import Todo, register_todo_provider, todos_for

PERSON = SimpleNamespace(is_authenticated=True)


@pytest.fixture
def providers(monkeypatch):
    registered = []
    monkeypatch.setattr(todos, "_providers", registered)
    return registered


def test_lines_are_grouped_by_place_urgent_first_and_empty_counts_left_out(providers):
    def provider(user):
        yield Todo(label="tips", url="/b/tips", count=2, place="B", order=40)
        yield Todo(label="aanmeldingen", url="/b/leden", count=1, place="B", urgent=True)
        yield Todo(label="niets", url="/b/niets", count=0, place="B")
        yield Todo(label="signalen", url="/signalen", count=3, place="", urgent=True)

    register_todo_provider(provider)

    assert [t.label for t in todos_for(PERSON)] == ["signalen", "aanmeldingen", "tips"]


def test_a_provider_registered_twice_gives_its_lines_once(providers):
    def provider(user):
        yield Todo(label="één", url="/", count=1)

    register_todo_provider(provider)
    register_todo_provider(provider)

    assert len(todos_for(PERSON)) == 1


def test_someone_not_logged_in_has_nothing_to_do(providers):
    register_todo_provider(lambda user: [Todo(label="x", url="/", count=1)])
    assert todos_for(SimpleNamespace(is_authenticated=False)) == []
