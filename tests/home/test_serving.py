"""With the site shell cached (FRAGMENT_CACHE_SECONDS), a page is found again with one query where its URL led
last time (home.serving), and a site without view restrictions is not asked for them; a page renamed, moved,
unpublished, deleted or newly restricted is answered as Wagtail would, at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from home.factories import NewsPageFactory, StandardPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fragments_on")]


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_a_page_seen_before_is_found_with_fewer_queries(client, news_index, settings):
    news = NewsPageFactory(parent=news_index, title="Nyhed", slug="nyhed", image=None)
    client.get(news.url)
    remembered = _queries(client, news.url)
    settings.FRAGMENT_CACHE_SECONDS = 0
    client.get(news.url)
    assert _queries(client, news.url) >= remembered + 4  # locale, page, specific row, two restriction reads


def test_a_renamed_page_moves_to_its_new_url_at_once(client, news_index):
    news = NewsPageFactory(parent=news_index, title="Nyhed", slug="gammel", image=None)
    client.get("/da/nyheder/gammel/")
    publish(news, slug="ny")
    assert client.get("/da/nyheder/gammel/").status_code == 404
    assert "Nyhed" in client.get("/da/nyheder/ny/").content.decode()


@pytest.fixture
def about(home_page):
    """A page below the home page's children: publishing below it leaves the menu, and the site, as they are."""
    return StandardPageFactory(parent=home_page, title="Om", slug="om")


def test_a_page_unpublished_or_deleted_is_gone_at_once(client, about):
    history = StandardPageFactory(parent=about, title="Historie", slug="historie")
    board = StandardPageFactory(parent=about, title="Bestyrelse", slug="bestyrelse")
    assert client.get("/da/om/historie/").status_code == 200
    assert client.get("/da/om/bestyrelse/").status_code == 200
    history.unpublish()
    board.delete()
    assert client.get("/da/om/historie/").status_code == 404
    assert client.get("/da/om/bestyrelse/").status_code == 404


def test_another_page_taking_over_a_url_is_the_one_served(client, about):
    old = StandardPageFactory(parent=about, title="Gammel side", slug="side")
    client.get("/da/om/side/")
    publish(old, slug="arkiv")
    StandardPageFactory(parent=about, title="Ny side", slug="side")
    assert "Ny side" in client.get("/da/om/side/").content.decode()
    assert "Gammel side" in client.get("/da/om/arkiv/").content.decode()


def test_a_page_restricted_after_it_was_seen_asks_for_a_login_and_leaves_the_listing(client, news_index):
    news = NewsPageFactory(parent=news_index, title="Hemmelig nyhed", slug="hemmelig", image=None)
    assert client.get(news.url).status_code == 200
    assert "Hemmelig nyhed" in client.get(news_index.url).content.decode()
    PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(news.url).status_code == 302
    assert "Hemmelig nyhed" not in client.get(news_index.url).content.decode()
