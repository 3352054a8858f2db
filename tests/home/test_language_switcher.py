"""The language switcher keeps the visitor on the same page in the other language, or the nearest thing to it."""

import re

import pytest

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def switch_url(html: str, language: str) -> str:
    match = re.search(rf'<a class="nav-link" href="([^"]*)"[^>]*data-language-switch="{language}"', html)
    assert match, f"no switcher link to {language}"
    return match.group(1).replace("&amp;", "&")


def alternates(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]*)">', html))


def canonical(html: str) -> str:
    match = re.search(r'<link rel="canonical" href="([^"]*)">', html)
    assert match, "no canonical link"
    return match.group(1)


def test_danish_news_page_links_to_its_english_translation(client, bilingual_site):
    html = client.get(bilingual_site.news_da.url).content.decode()

    assert switch_url(html, "en") == bilingual_site.news_en.url == "/en/news/annual-meeting/"
    # Absolute, the page itself included, and x-default (the Danish original).
    assert alternates(html) == {
        "da": "http://localhost/da/nyheder/generalforsamling/",
        "en": "http://localhost/en/news/annual-meeting/",
        "x-default": "http://localhost/da/nyheder/generalforsamling/",
    }
    assert canonical(html) == "http://localhost/da/nyheder/generalforsamling/"
    assert '<meta property="og:locale" content="da_DK">' in html
    assert '<meta property="og:locale:alternate" content="en_GB">' in html


def test_english_page_links_back_to_the_danish_original(client, bilingual_site):
    html = client.get(bilingual_site.standard_en.url).content.decode()

    assert switch_url(html, "da") == bilingual_site.standard_da.url == "/da/om/"


def test_home_page_links_to_the_other_language_home_page(client, bilingual_site):
    assert switch_url(client.get("/da/").content.decode(), "en") == "/en/"
    assert switch_url(client.get("/en/").content.decode(), "da") == "/da/"


def test_untranslated_page_links_to_the_other_language_home_page_without_claiming_a_translation(
    client, home_page, english_home
):
    page = StandardPageFactory(parent=home_page, title="Kun på dansk", slug="kun-dansk")

    html = client.get(page.url).content.decode()

    assert switch_url(html, "en") == "/en/"
    assert alternates(html) == {"da": "http://localhost/da/kun-dansk/", "x-default": "http://localhost/da/kun-dansk/"}
    # The English link says, in English, that this page exists only in Danish.
    assert re.search(
        r'<p class="language-switcher__note[^"]*" lang="en" data-only-in="da">This page is only in Danish</p>', html
    )


def test_a_draft_translation_is_not_offered(client, bilingual_site):
    bilingual_site.standard_en.unpublish()

    html = client.get(bilingual_site.standard_da.url).content.decode()

    assert switch_url(html, "en") == "/en/"


def test_search_page_switches_language_and_keeps_the_query(client, home_page):
    html = client.get("/da/search/?query=data+science&page=1").content.decode()

    assert switch_url(html, "en") == "/en/search/?query=data+science&page=1"


def test_missing_page_offers_the_other_language_home_page(client, home_page, english_home):
    response = client.get("/da/findes-ikke/")

    assert response.status_code == 404
    assert switch_url(response.content.decode(), "en") == "/en/"


def test_current_language_is_marked_and_named_in_its_own_language(client, bilingual_site):
    html = client.get("/en/").content.decode()

    assert re.search(r'<a class="nav-link active" href="/en/" lang="en" aria-current="true">English</a>', html)
    assert re.search(r'data-language-switch="da">Dansk</a>', html)


@pytest.mark.usefixtures("fragments_on")
def test_with_the_shell_cached_the_switcher_follows_a_translation_unpublished_or_renamed(client, bilingual_site):
    news_da, news_en = bilingual_site.news_da, bilingual_site.news_en
    assert switch_url(client.get(news_da.url).content.decode(), "en") == "/en/news/annual-meeting/"

    news_en.unpublish()
    assert switch_url(client.get(news_da.url).content.decode(), "en") == "/en/"

    news_en.slug = "general-assembly"
    news_en.save_revision().publish()
    assert switch_url(client.get(news_da.url).content.decode(), "en") == "/en/news/general-assembly/"
