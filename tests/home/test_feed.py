"""Each news index has an RSS feed: valid XML, its newest live news, absolute links, intro and date."""

import xml.etree.ElementTree as ET
from email.utils import parsedate_to_datetime

import pytest

from home.factories import NewsIndexPageFactory
from tests.home.tree import make_news

pytestmark = pytest.mark.django_db


def _channel(client, url: str):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return ET.fromstring(response.content).find("channel")  # noqa: S314 - our own response


def test_feed_lists_the_index_news_with_absolute_links_intro_and_date(client, news_index):
    news = make_news(news_index, 1, title="Meetup i Aarhus", intro="Vi mødes i Aarhus", date="2025-03-14")[0]

    channel = _channel(client, "/da/nyheder/feed/")

    assert channel.findtext("title") == "Nyheder"
    assert channel.findtext("language") == "da"
    (item,) = channel.findall("item")
    assert item.findtext("title") == "Meetup i Aarhus"
    assert item.findtext("description") == "Vi mødes i Aarhus"
    link = item.findtext("link")
    assert link.startswith("http") and link.endswith(news.url)
    assert parsedate_to_datetime(item.findtext("pubDate")).date().isoformat() == "2025-03-14"


def test_feed_has_at_most_twenty_newest_items_and_no_drafts(client, news_index):
    news = [make_news(news_index, 1, date=f"2025-01-{day:02d}")[0] for day in range(1, 23)]
    news[-1].unpublish()  # the newest one is a draft again

    items = _channel(client, "/da/nyheder/feed/").findall("item")

    assert len(items) == 20
    titles = [item.findtext("title") for item in items]
    assert news[-1].title not in titles
    assert titles[0] == news[-2].title
    assert news[0].title not in titles  # the 21st newest falls off


def test_each_language_index_has_a_feed_of_its_own_news(client, news_index, english_home):
    english_index = NewsIndexPageFactory(parent=english_home, title="News", slug="news")
    make_news(english_index, 1, title="In English")
    make_news(news_index, 1, title="På dansk")

    danish = _channel(client, "/da/nyheder/feed/")
    english = _channel(client, "/en/news/feed/")

    assert [item.findtext("title") for item in danish.findall("item")] == ["På dansk"]
    assert [item.findtext("title") for item in english.findall("item")] == ["In English"]
    assert english.findtext("language") == "en"
