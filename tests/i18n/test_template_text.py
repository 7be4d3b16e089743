"""Every visible text in the templates goes through a translate tag (see template_text.py)."""

from pathlib import Path

from django.conf import settings

from .template_text import runs

TEMPLATES = Path(settings.BASE_DIR) / "templates"
# Rendered when the template engine itself failed: plain Dutch, no tags, lang="nl".
WITHOUT_TAGS = {"500.html"}


def test_no_template_shows_text_outside_a_translate_tag():
    found = []
    for path in sorted(TEMPLATES.rglob("*")):
        if path.suffix not in (".html", ".txt") or path.name in WITHOUT_TAGS:
            continue
        for run in runs(path.read_text(), split_lines=path.suffix == ".txt"):
            found.append(f"{path.relative_to(TEMPLATES)}:{run.line}: {run.text.strip()[:70]!r}")
    assert not found, "Untranslated text (wrap it in {% translate %}):\n" + "\n".join(found)


def test_the_check_finds_text_and_leaves_translated_text_alone():
    source = (
        '{% load i18n %}<p>Hallo {{ name }}</p><p>{% translate "Dag" %}</p>'
        "{% blocktranslate %}Tot ziens{% endblocktranslate %}{# uitleg #}"
        "<script>let a = 'b';</script><p>Lief &amp; Leed – 12,50 · CSV</p>\n<p>Welkom</p>"
    )
    found = [(run.line, run.text) for run in runs(source)]
    assert found == [(1, "Hallo {{ name }}"), (2, "Welkom")]
