"""Member articles: a paginated index with a tag filter and an RSS feed, article pages with their author,
image, body and tags, in Danish and English, and found by the site search in their own language."""

import re
import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest
from wagtail.rich_text import RichText

from tests.community.pages.conftest import add_article, add_board_member, small_image
from tests.home.tree import publish_translation

pytestmark = pytest.mark.django_db


def card_titles(html: str) -> list[str]:
    return re.findall(r'<h2 class="h5 card-title">\s*<a href="[^"]+">(.*?)</a>', html)


def test_index_lists_newest_first_with_image_date_author_intro_and_tags(client, article_index, board_index):
    author = add_board_member(board_index, "Mette Formand", "chair")
    add_article(article_index, "Gammel artikel", date="2026-01-05", author_name="Gæst Gæstesen")
    add_article(
        article_index,
        "Ny artikel",
        date="2026-02-10",
        author_profile=author,
        image=small_image(),
        intro="Om dataetik i praksis",
        tags=("etik", "python"),
    )

    response = client.get("/da/artikler/")
    html = response.content.decode()

    assert response.status_code == 200
    assert card_titles(html) == ["Ny artikel", "Gammel artikel"]
    assert "fill-640x360" in html
    assert 'datetime="2026-02-10"' in html
    assert "Mette Formand" in html and "Gæst Gæstesen" in html
    assert "Om dataetik i praksis" in html
    assert 'href="/da/artikler/?tag=etik"' in html
    assert '<link rel="alternate" type="application/rss+xml" title="Artikler" href="/da/artikler/feed/">' in html


def test_tag_filter_shows_only_tagged_articles_the_tag_and_a_way_back(client, article_index):
    add_article(article_index, "Om python", tags=("python",))
    add_article(article_index, "Om etik", tags=("etik",))

    html = client.get("/da/artikler/?tag=python").content.decode()
    unknown = client.get("/da/artikler/?tag=findes-ikke")

    assert card_titles(html) == ["Om python"]
    assert "python" in re.search(r"<p>\s*(.*?)</p>", html.split("<h1>")[1], re.S).group(1)
    assert 'href="/da/artikler/"' in html  # the link that clears the filter
    assert unknown.status_code == 200
    assert card_titles(unknown.content.decode()) == []


@pytest.mark.parametrize("page", ["abc", "999", "-1", "0"])
def test_bad_page_numbers_show_a_page_of_articles_not_an_error(client, article_index, page):
    for number in range(12):
        add_article(article_index, f"Artikel {number}", date=f"2026-01-{number + 1:02d}")

    response = client.get(f"/da/artikler/?page={page}")

    assert response.status_code == 200
    assert len(card_titles(response.content.decode())) in {10, 2}


def test_index_shows_ten_articles_a_page_and_links_to_the_next(client, article_index):
    for number in range(12):
        add_article(article_index, f"Artikel {number}", date=f"2026-01-{number + 1:02d}")

    first = client.get("/da/artikler/").content.decode()
    second = client.get("/da/artikler/?page=2").content.decode()

    assert len(card_titles(first)) == 10
    assert "?page=2" in first
    assert card_titles(second) == ["Artikel 1", "Artikel 0"]


def test_article_page_shows_author_linked_to_profile_image_body_and_tags(client, article_index, board_index):
    author = add_board_member(board_index, "Mette Formand", "chair")
    article = add_article(
        article_index,
        "Dataetik",
        author_profile=author,
        image=small_image(),
        body=[("paragraph", RichText("<p>Etik er mere end GDPR.</p>"))],
        tags=("etik",),
    )

    response = client.get(article.url)
    html = response.content.decode()

    assert response.status_code == 200
    assert f'<a href="{author.url}" rel="author">Mette Formand</a>' in html
    assert "Etik er mere end GDPR." in html
    assert "width-1280" in html
    assert 'href="/da/artikler/?tag=etik"' in html


def test_article_author_without_profile_is_shown_by_name(client, article_index):
    article = add_article(article_index, "Gæsteindlæg", author_name="Gæst Gæstesen")

    html = client.get(article.url).content.decode()

    assert "Gæst Gæstesen" in html
    assert 'rel="author"' not in html


def test_english_article_links_to_the_english_board_profile(client, article_index, board_index, english_home):
    author = add_board_member(board_index, "Mette Formand", "chair")
    article = add_article(article_index, "Dataetik", author_profile=author)
    english = english_home.locale
    publish_translation(board_index, english, title="The board", slug="board")
    english_author = publish_translation(author, english)
    publish_translation(article_index, english, title="Articles", slug="articles")
    english_article = publish_translation(
        article, english, title="Data ethics", body=[("paragraph", RichText("<p>Ethics is more than GDPR.</p>"))]
    )

    html = client.get(english_article.url).content.decode()
    index_html = client.get("/en/articles/").content.decode()

    assert english_article.url.startswith("/en/articles/")
    assert f'<a href="{english_author.url}" rel="author">' in html
    assert "Ethics is more than GDPR." in html
    assert card_titles(index_html) == ["Data ethics"]


def _channel(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).find("channel")  # noqa: S314 - our own response


def test_feed_is_valid_rss_with_newest_live_articles_absolute_links_author_and_date(client, article_index):
    for day in range(1, 23):
        add_article(article_index, f"Artikel {day}", date=f"2026-01-{day:02d}", author_name="Gæst Gæstesen")
    draft = add_article(article_index, "Kladde", date="2026-02-01")
    draft.unpublish()

    channel = _channel(client, "/da/artikler/feed/")
    items = channel.findall("item")

    assert channel.findtext("title") == "Artikler"
    assert channel.findtext("language") == "da"
    assert len(items) == 20
    assert items[0].findtext("title") == "Artikel 22"
    assert "Kladde" not in [item.findtext("title") for item in items]
    assert items[0].findtext("link").startswith("http://")
    assert items[0].findtext("link").endswith("/da/artikler/artikel-22/")
    assert items[0].findtext("{http://purl.org/dc/elements/1.1/}creator") == "Gæst Gæstesen"
    assert parsedate_to_datetime(items[0].findtext("pubDate")).date().isoformat() == "2026-01-22"


def search_titles(html: str) -> list[str]:
    block = re.search(r'<ol class="list-unstyled search-results".*?</ol>', html, re.S)
    if not block:
        return []
    titles = re.findall(r'<h2 class="h5 mb-1"><a href="[^"]+">(.*?)</a></h2>', block.group(0))
    return [re.sub(r"</?mark>", "", title) for title in titles]


def test_search_finds_an_article_by_a_body_word_in_its_own_language(client, article_index, english_home):
    article = add_article(
        article_index, "Dansk artikel", body=[("paragraph", RichText("<p>Om gradientnedstigning i praksis.</p>"))]
    )
    publish_translation(article_index, english_home.locale, title="Articles", slug="articles")
    publish_translation(article, english_home.locale, title="English article", slug="english-article")

    danish = client.get("/da/search/?query=gradientnedstigning").content.decode()
    english = client.get("/en/search/?query=gradientnedstigning").content.decode()

    assert search_titles(danish) == ["Dansk artikel"]
    assert search_titles(english) == ["English article"]


def test_search_finds_a_board_profile_by_its_bio(client, board_index):
    add_board_member(board_index, "Mette Formand", "chair", bio="Ekspert i spatiotemporale modeller.")

    html = client.get("/da/search/?query=spatiotemporale").content.decode()

    assert search_titles(html) == ["Mette Formand"]
