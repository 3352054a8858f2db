"""The site shell: right language attribute, skip link, landmarks, and only local CSS and JavaScript."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

EXTERNAL_ASSET = re.compile(r"<(?:script[^>]*\ssrc|link[^>]*\shref)\s*=\s*[\"'](?:https?:)?//", re.IGNORECASE)


def _project_templates() -> list[Path]:
    return [
        path
        for path in Path(settings.BASE_DIR).glob("*/templates/**/*.html")
        if ".venv" not in path.parts and "node_modules" not in path.parts
    ]


def test_no_template_loads_css_or_javascript_from_another_host():
    templates = _project_templates()
    assert any(path.name == "base.html" for path in templates)

    offenders = [str(path) for path in templates if EXTERNAL_ASSET.search(path.read_text())]

    assert offenders == []


def test_rendered_page_loads_bootstrap_from_local_static_files(client, home_page):
    html = client.get("/da/").content.decode()

    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert "/static/vendor/bootstrap/bootstrap.bundle.min.js" in scripts
    assert "/static/vendor/bootstrap/bootstrap.min.css" in stylesheets
    assert all(url.startswith(settings.STATIC_URL) for url in scripts + stylesheets)
    assert finders.find("vendor/bootstrap/bootstrap.min.css")
    assert finders.find("vendor/bootstrap/bootstrap.bundle.min.js")


@pytest.mark.parametrize("language", ["da", "en"])
def test_html_lang_follows_the_url_language(client, home_page, language):
    html = client.get(f"/{language}/").content.decode()

    assert f'<html lang="{language}"' in html


def test_page_starts_with_a_skip_link_to_the_main_landmark(client, home_page):
    html = client.get("/da/").content.decode()

    body = html[html.index("<body") :]
    first_link = re.search(r"<a [^>]*>", body).group(0)
    assert 'href="#main-content"' in first_link
    assert '<main id="main-content"' in html
    assert re.search(r'<nav [^>]*aria-label="[^"]+"', html)
    assert "<header" in html and "<footer" in html


def test_search_form_in_the_header_is_labelled(client, home_page):
    html = client.get("/da/").content.decode()

    assert '<label class="visually-hidden" for="site-search-query">' in html
    assert 'id="site-search-query" name="query"' in html
    assert 'action="/da/search/"' in html


def test_open_graph_title_and_description_come_from_the_page(client, home_page):
    home_page.search_description = "Fællesskabet for data science"
    home_page.save_revision().publish()

    html = client.get("/da/").content.decode()

    assert f'<meta property="og:title" content="{home_page.title}">' in html
    assert '<meta property="og:description" content="Fællesskabet for data science">' in html
    assert '<meta property="og:locale" content="da_DK">' in html
