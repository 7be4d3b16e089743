"""The translation catalogues (locale/<lang>/LC_MESSAGES/django.po) are complete and correct.

(a) Up to date: what `make messages` would extract from the code and templates now is all in
    every catalogue (extracted afresh from a copy of the project into a temporary folder).
(b) Complete: every msgid has a translation in en, tr and ar, none fuzzy, and a plural entry
    has every form its language needs (Arabic six). Dutch is the language of the source: its
    msgstr stays empty (gettext shows the msgid) unless it fixes a library text.
(c) Faithful: no translation drops, adds or changes a placeholder (`%(name)s`, `%s`, `%d`,
    `{count}`) or the number of HTML tags.

These fail until the translations are in; that is the point of them.
"""

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
TRANSLATED = ["en", "tr", "ar"]
ALL = ["nl", *TRANSLATED]
# The plural forms each language needs (gettext's Plural-Forms for it).
PLURALS = {"nl": 2, "en": 2, "tr": 2, "ar": 6}
# What `make messages` leaves out (Makefile MESSAGE_IGNORE) is not copied.
NOT_COPIED = {".venv", ".git", "node_modules", "tests", "bench", "test-artifacts", "var", "media"}
NOT_COPIED |= {"static_collected", "locale", "docs", "deploy", "__pycache__"}
IGNORED = ["--ignore=demo"]

PLACEHOLDER = re.compile(
    r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdifr]|%[-#0 +]*\d*(?:\.\d+)?[sdifr]|\{\w*\}"
)
TAG = re.compile(r"</?[a-zA-Z][^>]*>")


def catalogue(language: str) -> polib.POFile:
    path = ROOT / "locale" / language / "LC_MESSAGES" / "django.po"
    assert path.exists(), f"{path.relative_to(ROOT)} is missing: run `make messages`"
    return polib.pofile(str(path))


def entries(language: str) -> list[polib.POEntry]:
    return [e for e in catalogue(language) if not e.obsolete and e.msgid]


@pytest.fixture(scope="module")
def extracted(tmp_path_factory) -> set[tuple[str, str]]:
    """(msgctxt, msgid) of everything makemessages finds in the project now."""
    copy = tmp_path_factory.mktemp("project")
    for item in ROOT.iterdir():
        if item.name in NOT_COPIED or item.name.startswith("."):
            continue
        if item.is_dir():
            shutil.copytree(item, copy / item.name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(item, copy / item.name)
    (copy / "locale").mkdir()
    done = subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [sys.executable, "manage.py", "makemessages", "-l", "nl", "--no-location", *IGNORED],
        cwd=copy,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    fresh = polib.pofile(str(copy / "locale" / "nl" / "LC_MESSAGES" / "django.po"))
    return {(e.msgctxt or "", e.msgid) for e in fresh if e.msgid and not e.obsolete}


@pytest.mark.parametrize("language", ALL)
def test_every_msgid_in_the_code_is_in_the_catalogue(extracted, language):
    present = {(e.msgctxt or "", e.msgid) for e in entries(language)}
    missing = sorted(extracted - present)
    assert not missing, (
        f"{len(missing)} msgids missing from locale/{language} (run `make messages`): "
        + "; ".join(msgid[:60] for _ctx, msgid in missing[:15])
    )


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_msgid_is_translated(language):
    problems = []
    for entry in entries(language):
        if entry.fuzzy:
            problems.append(f"fuzzy: {entry.msgid[:60]}")
        elif entry.msgid_plural:
            forms = [entry.msgstr_plural.get(i, "") for i in range(PLURALS[language])]
            if not all(form.strip() for form in forms):
                problems.append(f"plural forms missing: {entry.msgid[:60]}")
        elif not entry.msgstr.strip():
            problems.append(f"untranslated: {entry.msgid[:60]}")
    assert not problems, f"{len(problems)} in locale/{language}: " + "; ".join(problems[:15])


@pytest.mark.parametrize("language", ALL)
def test_the_catalogue_declares_its_plural_forms(language):
    header = catalogue(language).metadata.get("Plural-Forms", "")
    assert f"nplurals={PLURALS[language]};" in header.replace(" ", ""), header


def _placeholders(text: str) -> Counter:
    return Counter(m.group(0) for m in PLACEHOLDER.finditer(text))


def _positional(found: Counter) -> Counter:
    return Counter({p: n for p, n in found.items() if not p.startswith(("%(", "{"))})


def placeholder_problems(entry: polib.POEntry, nplurals: int) -> list[str]:
    problems = []
    if entry.msgid_plural:
        expected = _placeholders(entry.msgid_plural)
        allowed = set(expected) | set(_placeholders(entry.msgid))
        forms = {i: entry.msgstr_plural.get(i, "") for i in range(nplurals)}
        for index, form in forms.items():
            if not form:
                continue
            found = _placeholders(form)
            if set(found) - allowed:
                problems.append(f"adds {sorted(set(found) - allowed)}")
            # A special form may leave the number out ("one reply"), but `%d` and `%s` are
            # filled by position: leaving one out breaks the formatting.
            if _positional(found) != _positional(expected):
                problems.append(f"form {index} changes {sorted(_positional(expected))}")
            if index == nplurals - 1 and found != expected:
                problems.append(f"last form has {dict(found)}, not {dict(expected)}")
            if len(TAG.findall(form)) != len(TAG.findall(entry.msgid_plural)):
                problems.append(f"form {index} changes the HTML tags")
    elif entry.msgstr:
        if _placeholders(entry.msgstr) != _placeholders(entry.msgid):
            problems.append(
                f"{dict(_placeholders(entry.msgstr))} instead of {dict(_placeholders(entry.msgid))}"
            )
        if len(TAG.findall(entry.msgstr)) != len(TAG.findall(entry.msgid)):
            problems.append("changes the HTML tags")
    return [f"{entry.msgid[:50]!r}: {p}" for p in problems]


@pytest.mark.parametrize("language", ALL)
def test_no_translation_drops_or_changes_a_placeholder(language):
    problems = [p for e in entries(language) for p in placeholder_problems(e, PLURALS[language])]
    assert not problems, f"{len(problems)} in locale/{language}: " + "; ".join(problems[:15])


def test_the_placeholder_check_catches_a_dropped_or_renamed_placeholder():
    dropped = polib.POEntry(msgid="Hallo %(name)s", msgstr="Hello")
    renamed = polib.POEntry(msgid="Hallo %(name)s", msgstr="Hello %(naam)s")
    tags = polib.POEntry(msgid="<strong>Let op</strong>", msgstr="Note")
    kept = polib.POEntry(msgid="Hallo %(name)s, %d", msgstr="Hello %(name)s, %d")
    plural = polib.POEntry(
        msgid="%(count)s reactie",
        msgid_plural="%(count)s reacties",
        msgstr_plural={
            0: "لا ردود",
            1: "رد واحد",
            2: "ردان",
            3: "%(count)s ردود",
            4: "%(count)s ردًا",
            5: "%(count)s رد",
        },
    )
    assert placeholder_problems(dropped, 2)
    assert placeholder_problems(renamed, 2)
    assert placeholder_problems(tags, 2)
    assert not placeholder_problems(kept, 2)
    assert not placeholder_problems(plural, 6)
