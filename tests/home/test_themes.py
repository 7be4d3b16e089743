"""The toolkit by theme, and the document and video-link blocks of an article."""

import json
import re

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from tests.home.factories import ArticleIndexPageFactory, ArticlePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def toolkit(home):
    return ArticleIndexPageFactory(parent=home, slug="toolkit", title="Toolkit")


def _with_themes(article, *themes):
    article.themes.set(themes)
    article.save_revision().publish()
    return article


def _title(response) -> str:
    return " ".join(re.search(r"<title>(.*?)</title>", response.text, re.DOTALL).group(1).split())


def test_a_theme_index_lists_only_its_own_articles(client, toolkit):
    money = ThemeFactory(name="geld en potje", slug="geld-en-potje")
    finding = ThemeFactory(name="gangmakers vinden", slug="gangmakers-vinden")
    unused = ThemeFactory(name="samenwerken met welzijn", slug="samenwerken-met-welzijn")
    _with_themes(ArticlePageFactory(parent=toolkit, title="Het potje beheren"), money)
    _with_themes(ArticlePageFactory(parent=toolkit, title="Een tweede gangmaker"), finding)
    _with_themes(
        ArticlePageFactory(parent=toolkit, title="Geld voor een nieuwe gangmaker"), money, finding
    )

    index = client.get(toolkit.url)
    assert index.status_code == 200
    assert f"{toolkit.url}thema/geld-en-potje/" in index.text
    assert f"{toolkit.url}thema/gangmakers-vinden/" in index.text
    # A theme without articles in this toolkit is not offered.
    assert "samenwerken met welzijn" not in index.text

    response = client.get(f"{toolkit.url}thema/geld-en-potje/")

    assert response.status_code == 200
    assert "Het potje beheren" in response.text
    assert "Geld voor een nieuwe gangmaker" in response.text
    assert "Een tweede gangmaker" not in response.text
    assert _title(response) == "geld en potje – Toolkit – Lief &amp; Leed"
    assert '<meta name="description" content="Artikelen over geld en potje' in response.text
    empty = client.get(f"{toolkit.url}thema/{unused.slug}/")
    assert empty.status_code == 200
    assert "Nog geen artikelen over dit thema" in empty.text


def test_an_unknown_theme_is_not_found(client, toolkit):
    assert client.get(f"{toolkit.url}thema/bestaat-niet/").status_code == 404


def test_an_article_links_to_its_themes_index(client, toolkit):
    money = ThemeFactory(name="geld en potje", slug="geld-en-potje")
    article = _with_themes(ArticlePageFactory(parent=toolkit, title="Het potje"), money)

    response = client.get(article.url)

    assert f'href="{toolkit.url}thema/geld-en-potje/"' in response.text


def test_unpublished_articles_stay_out_of_the_theme_index(client, toolkit):
    money = ThemeFactory(name="geld en potje", slug="geld-en-potje")
    draft = _with_themes(ArticlePageFactory(parent=toolkit, title="Nog niet af"), money)
    draft.unpublish()

    response = client.get(f"{toolkit.url}thema/geld-en-potje/")

    assert "Nog niet af" not in response.text


def _document(title="Voorbeeldbrief aan de buren"):
    document = get_document_model()(title=title)
    document.file.save("voorbeeldbrief.pdf", ContentFile(b"%PDF-1.4\n" + b"x" * 2048))
    document.save()
    return document


def test_the_document_and_video_blocks_render_as_links_and_print_their_address(client, toolkit):
    document = _document()
    article = ArticlePageFactory(
        parent=toolkit,
        title="Zo begin je",
        body=json.dumps(
            [
                {"type": "document", "value": {"document": document.pk, "title": ""}},
                {
                    "type": "video_link",
                    "value": {
                        "url": "https://video.example/watch/gangmakers",
                        "title": "Gangmakers vertellen",
                        "description": "Drie gangmakers over hun eerste jaar.",
                    },
                },
            ]
        ),
    )

    response = client.get(article.url)

    assert response.status_code == 200
    text = response.text
    assert "Voorbeeldbrief aan de buren" in text
    assert document.url in text
    assert "(PDF, 2,0" in text or "(PDF, 2.0" in text
    assert "Gangmakers vertellen" in text
    assert "Drie gangmakers over hun eerste jaar." in text
    assert 'href="https://video.example/watch/gangmakers"' in text
    # Nothing of the video site is loaded with the page: a link, no embed.
    assert "<iframe" not in text
    assert not re.search(r'src="https?://video\.example', text)
    # On paper the addresses are printed.
    assert text.count('class="print-only ltr"') == 2  # addresses stay left to right
    assert "https://video.example/watch/gangmakers</p>" in text


def test_the_print_stylesheet_shows_the_addresses(client):
    from pathlib import Path

    from django.contrib.staticfiles import finders

    css = Path(finders.find("css/site.css")).read_text(encoding="utf-8")
    assert ".print-only { display: none; }" in css
    assert "@media print { .print-only { display: block;" in css
