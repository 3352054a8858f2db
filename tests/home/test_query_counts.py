"""The main pages run a fixed number of SQL queries, however many news items the site has."""

import pytest

from home.factories import NewsPageFactory
from home.models.pages import NEWS_PER_PAGE

pytestmark = pytest.mark.django_db

# Generous enough for the site shell (site, settings, menu, switcher, footer) plus the page itself; what
# matters is that 30 news items cost exactly what 3 do.
MAX_QUERIES = 25


def _add_news(index, count: int) -> None:
    for _ in range(count):
        NewsPageFactory(parent=index, image__width_px=40, image__height_px=24, tags=["python", "data"])


def _queries(client, url: str, django_assert_max_num_queries) -> int:
    assert client.get(url).status_code == 200  # warm-up: image renditions are made on the first view
    with django_assert_max_num_queries(MAX_QUERIES) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/da/", "/da/nyheder/", "/da/nyheder/feed/", "news-page"])
def test_page_query_count_does_not_grow_with_the_number_of_news(
    client, home_page, news_index, english_home, django_assert_max_num_queries, url
):
    _add_news(news_index, NEWS_PER_PAGE + 1)  # more than the index shows on its first page
    news_page_url = news_index.get_children().live().first().url
    url = news_page_url if url == "news-page" else url

    with_a_few = _queries(client, url, django_assert_max_num_queries)
    _add_news(news_index, 19)
    with_thirty = _queries(client, url, django_assert_max_num_queries)

    assert with_thirty == with_a_few


def test_a_news_index_that_fits_on_one_page_is_not_counted(client, news_index, django_assert_max_num_queries):
    _add_news(news_index, NEWS_PER_PAGE)
    fits = _queries(client, "/da/nyheder/", django_assert_max_num_queries)
    _add_news(news_index, 1)
    assert _queries(client, "/da/nyheder/", django_assert_max_num_queries) == fits + 1  # the count for the pages


@pytest.mark.usefixtures("fragments_on")
def test_with_the_site_shell_cached_an_anonymous_visitor_costs_a_handful_of_queries(
    client, home_page, news_index, django_assert_max_num_queries
):
    """The page (one query where its URL led last time) and what it lists: nothing for the site, settings, menu,
    footer, switcher or view restrictions."""
    _add_news(news_index, 3)
    news_url = news_index.get_children().live().first().url
    for url, most in [("/da/", 5), ("/da/nyheder/", 3), (news_url, 4)]:
        client.get(url)
        with django_assert_max_num_queries(most):
            assert client.get(url).status_code == 200
