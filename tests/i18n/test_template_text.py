"""Every visible text in the templates goes through a translate tag (see template_text.py)."""

from pathlib import Path

from django.conf import settings

from .template_text import attribute_runs, runs

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


def test_no_template_has_a_read_attribute_outside_a_translate_tag():
    """alt, title, placeholder, aria-label … are read aloud or shown: they are text too."""
    found = []
    for path in sorted(TEMPLATES.rglob("*.html")):
        if path.name in WITHOUT_TAGS:
            continue
        for run in attribute_runs(path.read_text()):
            found.append(f"{path.relative_to(TEMPLATES)}:{run.line}: {run.text.strip()[:90]}")
    assert not found, "Untranslated attribute (use {% translate %}):\n" + "\n".join(found)


def test_the_check_finds_text_and_leaves_translated_text_alone():
    source = (
        '{% load i18n %}<p>Hallo {{ name }}</p><p>{% translate "Dag" %}</p>'
        "{% blocktranslate %}Tot ziens{% endblocktranslate %}{# uitleg #}"
        "<script>let a = 'b';</script><p>Lief &amp; Leed – 12,50 · CSV</p>\n<p>Welkom</p>"
    )
    found = [(run.line, run.text) for run in runs(source)]
    assert found == [(1, "Hallo {{ name }}"), (2, "Welkom")]


def test_the_check_finds_an_attribute_with_literal_text_and_leaves_translated_ones_alone():
    source = (
        '{% load i18n %}<img src="/a.png" alt="Foto van de straat">\n'
        '<a href="/x" title="{% translate \'Naar boven\' %}" aria-label="{{ label }}">x</a>\n'
        "<input type=\"search\"\n placeholder='Zoek een buur'>\n"
        '<input type="submit" value="Opslaan"><input type="hidden" name="a" value="ja">\n'
        '<button {% if x %}aria-label="Sluiten"{% endif %}>{% translate "Sluit" %}</button>\n'
        '<span title="{% blocktranslate %}Nog {{ n }} dagen{% endblocktranslate %}"></span>'
        '<img alt="" title="12 · 3"><img alt="Lief &amp; Leed">\n'
        '{% blocktranslate %}<abbr title="bijvoorbeeld">bv</abbr>{% endblocktranslate %}'
        '<input type="button" value="{% if a %}{% translate "Ja" %}{% else %}Nee{% endif %}">'
    )
    found = [(run.line, run.text) for run in attribute_runs(source)]
    assert found == [
        (1, 'alt="Foto van de straat"'),
        (4, 'placeholder="Zoek een buur"'),
        (5, 'value="Opslaan"'),
        (6, 'aria-label="Sluiten"'),
        (8, 'value="{% if a %}{% translate "Ja" %}{% else %}Nee{% endif %}"'),
    ]
