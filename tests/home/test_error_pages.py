"""Error pages speak the visitor's language; the 500 page renders without the database or context processors."""

import pytest
from django.core.exceptions import BadRequest, PermissionDenied
from django.test import RequestFactory
from django.utils import translation

from home import views
from home.models import HomePage

pytestmark = pytest.mark.django_db


def _template_names(response) -> list[str]:
    return [template.name for template in response.templates]


def test_missing_page_under_en_shows_the_english_404_page(client, home_page):
    response = client.get("/en/nope/")

    assert response.status_code == 404
    html = response.content.decode()
    assert "404.html" in _template_names(response)
    assert '<html lang="en"' in html
    assert "Page not found" in html
    assert '<main id="main-content"' in html  # the page keeps the site's shell: menu, search, footer


def test_missing_page_under_da_shows_the_404_page_in_danish(client, home_page):
    response = client.get("/da/nope/")

    assert response.status_code == 404
    assert "404.html" in _template_names(response)
    assert '<html lang="da"' in response.content.decode()


@pytest.fixture
def home_page_raises(monkeypatch):
    def raise_on_render(error):
        def get_context(self, request, *args, **kwargs):
            raise error

        monkeypatch.setattr(HomePage, "get_context", get_context)

    return raise_on_render


def test_forbidden_shows_the_translated_403_page(client, home_page, home_page_raises):
    home_page_raises(PermissionDenied())

    response = client.get("/en/")

    assert response.status_code == 403
    assert "403.html" in _template_names(response)
    assert "Access denied" in response.content.decode()


def test_bad_request_shows_the_translated_400_page(client, home_page, home_page_raises):
    home_page_raises(BadRequest())

    response = client.get("/en/")

    assert response.status_code == 400
    assert "400.html" in _template_names(response)
    assert "Bad request" in response.content.decode()


def test_a_crash_shows_the_standalone_500_page_in_the_visitor_language(client, home_page, home_page_raises):
    home_page_raises(RuntimeError("boom"))
    client.raise_request_exception = False

    response = client.get("/en/")

    assert response.status_code == 500
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Server error" in html
    assert "boom" not in html


def test_500_page_renders_without_touching_the_database(django_assert_num_queries):
    request = RequestFactory().get("/en/")

    with translation.override("en"), django_assert_num_queries(0):
        response = views.server_error(request)

    assert response.status_code == 500
    assert "Server error" in response.content.decode()
