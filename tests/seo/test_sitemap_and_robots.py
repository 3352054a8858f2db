"""Search engines find every language: one sitemap.xml (an index when large) that validates against the
sitemaps schema and lists every live page in both languages with its alternates and x-default; robots.txt
names it."""

from pathlib import Path

import pytest
from lxml import etree

from home.factories import NewsPageFactory
from home.sitemaps import MultilingualSitemap

pytestmark = pytest.mark.django_db

SCHEMAS = Path(__file__).parent / "schemas"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
BASE = "http://localhost"


def _validated(content: bytes, schema: str) -> etree._Element:
    document = etree.fromstring(content)
    validator = etree.XMLSchema(etree.parse(str(SCHEMAS / schema)))
    assert validator.validate(document), validator.error_log
    return document


def _alternates(document) -> dict[str, dict[str, str]]:
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in document.findall("s:url", NS)
    }


def test_the_sitemap_validates_and_lists_both_languages_with_alternates(client, bilingual_site):
    NewsPageFactory(parent=bilingual_site.index_da, title="Kun på dansk", slug="kun-dansk", image=None)
    NewsPageFactory(parent=bilingual_site.index_da, title="Kladde", slug="kladde", image=None, live=False)

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    listed = _alternates(_validated(response.content, "urlset.xsd"))
    assert listed[f"{BASE}/en/news/annual-meeting/"] == {
        "da": f"{BASE}/da/nyheder/generalforsamling/",
        "en": f"{BASE}/en/news/annual-meeting/",
        "x-default": f"{BASE}/da/nyheder/generalforsamling/",
    }
    assert listed[f"{BASE}/da/nyheder/generalforsamling/"] == listed[f"{BASE}/en/news/annual-meeting/"]
    assert {f"{BASE}/da/", f"{BASE}/en/", f"{BASE}/en/about/", f"{BASE}/da/om/"} <= set(listed)
    # A page in one language only lists itself (and itself as x-default); drafts are not listed.
    assert listed[f"{BASE}/da/nyheder/kun-dansk/"] == {
        "da": f"{BASE}/da/nyheder/kun-dansk/",
        "x-default": f"{BASE}/da/nyheder/kun-dansk/",
    }
    assert f"{BASE}/da/nyheder/kladde/" not in listed


def test_a_large_site_gets_a_sitemap_index_of_valid_files(client, bilingual_site, monkeypatch):
    monkeypatch.setattr(MultilingualSitemap, "limit", 3)

    index = _validated(client.get("/sitemap.xml").content, "siteindex.xsd")
    files = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]

    assert len(files) == 3  # 8 pages, 3 a file
    listed = {}
    for url in files:
        response = client.get(url.removeprefix(BASE))
        assert response.status_code == 200
        listed.update(_alternates(_validated(response.content, "urlset.xsd")))
    assert len(listed) == 8
    assert client.get("/sitemap-pages.xml?p=9").status_code == 404


def test_robots_txt_names_the_sitemap_and_keeps_crawlers_out_of_the_admin(client, bilingual_site):
    response = client.get("/robots.txt")

    body = response.content.decode()
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert f"Sitemap: {BASE}/sitemap.xml" in body.splitlines()
    assert "Disallow: /admin/" in body.splitlines()
