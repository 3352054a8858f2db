"""A Danish-only page is not a dead end in English: /en/<danish-slug>/ answers 404 with a link to the Danish
page, in a paragraph that says so."""

import re

import pytest

from home.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_the_english_address_of_a_danish_only_page_is_a_404_linking_the_danish_page(client, home_page, english_home):
    page = StandardPageFactory(parent=home_page, title="Kun på dansk", slug="kun-dansk")

    response = client.get("/en/kun-dansk/")

    html = response.content.decode()
    assert response.status_code == 404
    assert "This page is only in Danish:" in html
    assert re.search(r'<a href="/da/kun-dansk/" lang="da" hreflang="da">Kun på dansk</a>', html)
    assert page.live


def test_an_address_that_exists_nowhere_is_a_plain_404(client, home_page, english_home):
    response = client.get("/en/does-not-exist/")

    assert response.status_code == 404
    assert "only in" not in response.content.decode()
