"""Pages two or more levels below a home page are found in one query (HomePage.route) with Wagtail's own
answers: a listing's routes (the RSS feed) before a child page of the same slug, drafts not found, a missing
page a 404."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from home.factories import NewsPageFactory, StandardPageFactory
from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_pages_deep_in_the_tree_are_served(client, home_page):
    top = StandardPageFactory(parent=home_page, title="Om", slug="om")
    middle = StandardPageFactory(parent=top, title="Udvalg", slug="udvalg")
    deepest = StandardPageFactory(parent=middle, title="Festudvalget", slug="fest")
    assert "Festudvalget" in client.get("/da/om/udvalg/fest/").content.decode()
    assert "Udvalg" in client.get("/da/om/udvalg/").content.decode()
    assert client.get("/da/om/fest/").status_code == 404  # a grandchild's slug one level too high
    assert client.get("/da/om/udvalg/fest/mere/").status_code == 404
    deepest.unpublish()
    assert client.get("/da/om/udvalg/fest/").status_code == 404


def test_a_listing_s_feed_route_goes_before_a_news_item_with_the_same_slug(client, news_index):
    NewsPageFactory(parent=news_index, title="Nyhed om feeds", slug="feed", image=None)
    NewsPageFactory(parent=news_index, title="Almindelig nyhed", slug="almindelig", image=None)
    assert client.get("/da/nyheder/feed/")["Content-Type"].startswith("application/rss+xml")
    assert "Almindelig nyhed" in client.get("/da/nyheder/almindelig/").content.decode()


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_news_item_costs_two_queries_fewer_than_walking_the_tree(client, news_index, monkeypatch):
    news = NewsPageFactory(parent=news_index, title="Nyhed", slug="nyhed", image=None)
    client.get(news.url)
    found_at_once = _queries(client, news.url)
    monkeypatch.setattr(HomePage, "route", Page.route)
    assert _queries(client, news.url) >= found_at_once + 2
