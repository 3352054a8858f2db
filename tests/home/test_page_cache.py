"""The page cache (home.page_cache): anonymous visitors get stored pages without a query; publishing,
unpublishing, moving, deleting and site-wide edits make exactly the affected pages fresh again; logged-in
visitors, forms, previews and anything but a plain anonymous GET are never stored or answered from it."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction, Site

from community.models import User
from home.cache import reset_pauses
from home.factories import NewsPageFactory, StandardPageFactory
from home.models import FooterText, NewsPage, SiteSettings
from home.page_cache import HIT_HEADER

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


def get(client, url: str, **extra):
    response = client.get(url, **extra)
    assert response.status_code == 200, (url, response.status_code)
    return response


def is_hit(response) -> bool:
    return response.get(HIT_HEADER) == "hit"


def publish(page, **changes):
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.fixture
def news(news_index):
    return NewsPageFactory(parent=news_index, title="Første nyhed", slug="forste", image=None)


def test_the_second_anonymous_view_is_served_without_a_query(client, news):
    assert not is_hit(get(client, news.url))
    with CaptureQueriesContext(connection) as queries:
        response = get(client, news.url)
    assert is_hit(response)
    assert len(queries) == 0
    assert "Første nyhed" in response.content.decode()


def test_a_stored_page_tells_proxies_it_is_public_but_must_be_asked_again(client, news, settings):
    first = get(client, news.url)
    assert first["Cache-Control"] == "public, max-age=0"
    assert "Cookie" in first["Vary"]
    assert get(client, news.url)["Cache-Control"] == "public, max-age=0"

    settings.PAGE_CACHE_CDN_SECONDS = 30
    cache.clear()
    assert sorted(get(client, news.url)["Cache-Control"].split(", ")) == ["max-age=0", "public", "s-maxage=30"]


def test_publishing_a_page_shows_the_new_version_at_once(client, news):
    get(client, news.url)
    publish(news, title="Rettet nyhed")
    response = get(client, news.url)
    assert not is_hit(response)
    assert "Rettet nyhed" in response.content.decode()


def test_publishing_a_news_item_refreshes_its_index_and_the_home_page_but_not_other_pages(
    client, home_page, news_index, news
):
    other = StandardPageFactory(parent=home_page, title="Om os", slug="om-os")
    sibling = NewsPageFactory(parent=news_index, title="Anden nyhed", slug="anden", image=None)
    for url in (news_index.url, home_page.url, other.url, sibling.url):
        get(client, url)

    fresh = NewsPageFactory.build(title="Helt ny nyhed", slug="helt-ny", image=None)
    news_index.add_child(instance=fresh)
    publish(NewsPage.objects.get(pk=fresh.pk))

    index = get(client, news_index.url)
    assert not is_hit(index) and "Helt ny nyhed" in index.content.decode()
    home = get(client, home_page.url)
    assert not is_hit(home) and "Helt ny nyhed" in home.content.decode()
    assert is_hit(get(client, other.url))
    assert is_hit(get(client, sibling.url))


def test_unpublishing_a_page_removes_it_and_its_card_at_once(client, news_index, news):
    assert "Første nyhed" in get(client, news_index.url).content.decode()
    get(client, news.url)
    news.unpublish()
    assert client.get(news.url).status_code == 404
    assert "Første nyhed" not in get(client, news_index.url).content.decode()


def test_publishing_a_translation_refreshes_the_other_language_s_switcher(client, bilingual_site, english):
    danish = StandardPageFactory(parent=bilingual_site.home_da, title="Kun dansk", slug="kun-dansk")
    before = get(client, danish.url).content.decode()
    assert is_hit(get(client, danish.url))

    english_version = danish.copy_for_translation(english)
    english_version.title = "Only Danish no more"
    english_version.slug = "not-only-danish"
    english_version.save_revision().publish()

    after = get(client, danish.url)
    assert not is_hit(after)
    assert "/en/not-only-danish/" in after.content.decode() and "/en/not-only-danish/" not in before


def test_editing_the_footer_snippet_or_the_site_settings_refreshes_every_page(client, home_page, news):
    site = Site.objects.get(is_default_site=True)
    footer = FooterText.objects.create(title="Footer", body="<p>Gammel sidefod</p>", locale=home_page.locale)
    site_settings = SiteSettings.for_site(site)
    site_settings.footer = footer
    site_settings.save()
    assert "Gammel sidefod" in get(client, news.url).content.decode()
    get(client, home_page.url)

    footer.body = "<p>Ny sidefod</p>"
    footer.save()
    assert "Ny sidefod" in get(client, news.url).content.decode()

    site_settings.contact_email = "kontakt@ddsc.example"
    site_settings.save()
    assert "kontakt@ddsc.example" in get(client, news.url).content.decode()
    assert "kontakt@ddsc.example" in get(client, home_page.url).content.decode()


def test_a_page_in_the_menu_changing_its_title_refreshes_every_page(client, home_page, news):
    top = StandardPageFactory(parent=home_page, title="Om foreningen", slug="om", show_in_menus=True)
    assert "Om foreningen" in get(client, news.url).content.decode()
    publish(top, title="Foreningen")
    assert ">Foreningen<" in get(client, news.url).content.decode()


def test_moving_or_deleting_a_page_refreshes_every_page(client, home_page, news_index, news):
    other_parent = StandardPageFactory(parent=home_page, title="Arkiv", slug="arkiv")
    linked = StandardPageFactory(parent=home_page, title="Flyttes", slug="flyttes", show_in_menus=True)
    get(client, news.url)
    linked.move(other_parent, pos="last-child")
    assert not is_hit(get(client, news.url))

    get(client, news.url)
    other_parent.delete()
    assert not is_hit(get(client, news.url))


def test_a_logged_in_visitor_is_never_answered_from_the_cache_nor_fills_it(client, news):
    get(client, news.url)
    assert is_hit(get(client, news.url))

    member = User.objects.create_user(email="ada@example.com", password="correct horse battery", is_verified=True)
    client.force_login(member)
    response = get(client, news.url)
    assert not is_hit(response)
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]

    cache.clear()
    get(client, news.url)  # the logged-in view is not stored for anyone
    client.logout()
    assert not is_hit(get(client, news.url))


def test_a_page_with_a_form_needing_a_csrf_token_is_never_stored(client, home_page):
    private = StandardPageFactory(parent=home_page, title="Kun med kodeord", slug="kodeord")
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="hemmelig")
    first = get(client, private.url)
    assert "csrfmiddlewaretoken" in first.content.decode()
    client.cookies.clear()
    assert not is_hit(get(client, private.url))


def test_only_allowed_query_parameters_share_a_stored_page(client, news_index, news):
    get(client, news_index.url + "?page=1")
    assert is_hit(get(client, news_index.url + "?page=1"))
    assert not is_hit(get(client, news_index.url + "?page=2"))
    get(client, news_index.url + "?utm_source=x")
    assert not is_hit(get(client, news_index.url + "?utm_source=x"))


def test_a_visitor_with_a_session_or_a_waiting_message_is_not_answered_from_the_cache(client, news, settings):
    get(client, news.url)
    client.cookies[settings.SESSION_COOKIE_NAME] = "whatever"
    assert not is_hit(get(client, news.url))
    client.cookies.clear()
    client.cookies["messages"] = "something"
    assert not is_hit(get(client, news.url))


def test_non_page_views_and_other_methods_are_not_stored(client, news):
    search = "/da/search/?query=nyhed"
    get(client, search)
    assert not is_hit(get(client, search))
    client.head(news.url)
    assert not is_hit(get(client, news.url))


def test_with_the_cache_off_nothing_is_stored(client, news, settings):
    settings.PAGE_CACHE_SECONDS = 0
    get(client, news.url)
    assert not is_hit(get(client, news.url))
    assert "Cache-Control" not in get(client, news.url)


def test_a_stopped_redis_leaves_pages_served_uncached(client, news, settings):
    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "home.cache.TolerantRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # the discard port: nothing listens
            "OPTIONS": {"socket_connect_timeout": 0.1, "socket_timeout": 0.1},
        },
    }
    reset_pauses()
    try:
        assert "Første nyhed" in get(client, news.url).content.decode()
        assert not is_hit(get(client, news.url))
    finally:
        reset_pauses()


def _query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    return len(queries)


def test_menu_footer_and_settings_are_kept_as_fragments_and_refreshed_with_the_site(client, home_page, news, settings):
    settings.PAGE_CACHE_SECONDS = 0  # every view renders; only the site shell is kept
    StandardPageFactory(parent=home_page, title="Om foreningen", slug="om", show_in_menus=True)
    site_settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    site_settings.footer = FooterText.objects.create(title="Footer", body="<p>Gammel</p>", locale=home_page.locale)
    site_settings.contact_email = "kontakt@ddsc.example"
    site_settings.save()

    settings.FRAGMENT_CACHE_SECONDS = 0
    get(client, news.url)
    uncached = _query_count(client, news.url)
    settings.FRAGMENT_CACHE_SECONDS = 600
    get(client, news.url)
    assert _query_count(client, news.url) <= uncached - 4  # site, settings, menu, footer, social links

    footer = site_settings.footer
    footer.body = "<p>Ny sidefod</p>"
    footer.save()
    page = get(client, news.url).content.decode()
    assert "Ny sidefod" in page and "kontakt@ddsc.example" in page and "Om foreningen" in page
