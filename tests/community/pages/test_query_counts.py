"""The board page, the article index (and its feed) and an article run a fixed number of SQL queries, however
many profiles or articles there are; all render in Danish and English."""

import pytest

from community.models.pages import ARTICLES_PER_PAGE
from tests.community.pages.conftest import add_article, add_board_member, small_image
from tests.home.tree import publish_translation

pytestmark = pytest.mark.django_db

# Generous enough for the site shell (site, settings, menu, switcher, footer) plus the page itself; what
# matters is that 30 rows cost exactly what 3 do.
MAX_QUERIES = 25
ROLES = ["chair", "vice_chair", "board_member", "substitute"]


def _add_rows(board, articles, count: int, start: int) -> None:
    for number in range(start, start + count):
        person = add_board_member(board, f"Person {number}", ROLES[number % len(ROLES)], photo=small_image())
        add_article(
            articles,
            f"Artikel {number}",
            author_profile=person if number % 2 else None,
            author_name="" if number % 2 else "Gæst",
            image=small_image(),
            tags=("python", f"emne-{number}"),
        )


def _queries(client, url: str, django_assert_max_num_queries) -> int:
    assert client.get(url).status_code == 200  # warm-up: image renditions are made on the first view
    with django_assert_max_num_queries(MAX_QUERIES) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "url", ["/da/bestyrelsen/", "/da/artikler/", "/da/artikler/?tag=python", "/da/artikler/feed/", "article"]
)
def test_query_count_does_not_grow_with_the_number_of_profiles_or_articles(
    client, board_index, article_index, django_assert_max_num_queries, url
):
    # More articles than the index's first page shows, so that both lists are paginated (a list that fits on
    # one page is not counted: one query fewer).
    _add_rows(board_index, article_index, ARTICLES_PER_PAGE, 0)
    # The newest article (it stays the newest): by a board member, with an image and tags.
    newest = add_article(
        article_index,
        "Nyeste",
        date="2026-12-01",
        author_profile=board_index.get_children().first().specific,
        image=small_image(),
        tags=("python",),
    )
    url = newest.url if url == "article" else url

    with_a_few = _queries(client, url, django_assert_max_num_queries)
    _add_rows(board_index, article_index, 20, ARTICLES_PER_PAGE)
    with_thirty = _queries(client, url, django_assert_max_num_queries)

    assert with_thirty == with_a_few


def test_board_and_article_pages_render_in_both_languages(client, board_index, article_index, english_home):
    _add_rows(board_index, article_index, 3, 0)
    english = english_home.locale
    publish_translation(board_index, english, title="The board", slug="board")
    publish_translation(article_index, english, title="Articles", slug="articles")
    for page in [*board_index.get_children().specific(), *article_index.get_children().specific()]:
        publish_translation(page, english)

    for url, title in [
        ("/da/bestyrelsen/", "Bestyrelsen"),
        ("/en/board/", "The board"),
        ("/da/artikler/", "Artikler"),
        ("/en/articles/", "Articles"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert f"<h1>{title}</h1>" in response.content.decode()
        assert "Person 1" in response.content.decode() or "Artikel 1" in response.content.decode()
