"""The news index lists its news newest first, ten to a page, and can be narrowed to one tag."""

import re

import pytest

from home.models.pages import NEWS_PER_PAGE
from tests.home.tree import make_news

pytestmark = pytest.mark.django_db


def _titles(response) -> list[str]:
    return re.findall(r'class="stretched-link" href="[^"]+">([^<]+)</a>', response.content.decode())


@pytest.fixture
def twelve_news(news_index):
    return [make_news(news_index, 1, title=f"Nyhed nummer {n:02d}", date=f"2025-01-{n:02d}")[0] for n in range(1, 13)]


def test_first_page_shows_the_ten_newest_and_a_link_to_page_two(client, news_index, twelve_news):
    response = client.get("/da/nyheder/")

    assert _titles(response) == [f"Nyhed nummer {n:02d}" for n in range(12, 2, -1)]
    assert len(_titles(response)) == NEWS_PER_PAGE
    assert 'href="?page=2"' in response.content.decode()


def test_second_page_shows_the_rest(client, news_index, twelve_news):
    response = client.get("/da/nyheder/?page=2")

    assert response.status_code == 200
    assert _titles(response) == ["Nyhed nummer 02", "Nyhed nummer 01"]


@pytest.mark.parametrize(("page", "expected_first"), [("999", "Nyhed nummer 02"), ("abc", "Nyhed nummer 12")])
def test_a_page_number_out_of_range_or_not_a_number_shows_a_real_page(
    client, news_index, twelve_news, page, expected_first
):
    response = client.get(f"/da/nyheder/?page={page}")

    assert response.status_code == 200
    assert _titles(response)[0] == expected_first


def test_tag_filter_lists_only_news_with_that_tag_and_keeps_it_in_page_links(client, news_index):
    make_news(news_index, 11, tags=["python"])
    make_news(news_index, 1, title="Om fodbold", tags=["sport"])

    response = client.get("/da/nyheder/?tag=python")
    html = response.content.decode()

    assert len(_titles(response)) == NEWS_PER_PAGE
    assert "Om fodbold" not in html
    assert "python" in html
    assert 'href="?tag=python&amp;page=2"' in html


def test_unknown_tag_shows_an_empty_list_not_an_error(client, news_index):
    make_news(news_index, 2)

    response = client.get("/da/nyheder/?tag=findes-ikke")

    assert response.status_code == 200
    assert _titles(response) == []


def test_index_lists_only_live_news(client, news_index):
    live, draft = make_news(news_index, 2)
    draft.unpublish()

    titles = _titles(client.get("/da/nyheder/"))

    assert titles == [live.title]


def test_index_links_to_its_rss_feed(client, news_index):
    html = client.get("/da/nyheder/").content.decode()

    assert '<link rel="alternate" type="application/rss+xml" title="Nyheder" href="/da/nyheder/feed/">' in html
