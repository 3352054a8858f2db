"""Site search: live pages in the visitor's language, paginated, highlighted, with promoted results."""

import re

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.rich_text import RichText

from home.factories import StandardPageFactory
from home.templatetags.highlight_tags import highlight
from search.views import RESULTS_PER_PAGE
from tests.home.tree import publish_translation

pytestmark = pytest.mark.django_db


def _result_titles(html: str) -> list[str]:
    block = re.search(r'<ol class="list-unstyled search-results".*?</ol>', html, re.S)
    if not block:
        return []
    titles = re.findall(r'<h2 class="h5 mb-1"><a href="[^"]+">(.*?)</a></h2>', block.group(0))
    return [re.sub(r"</?mark>", "", title) for title in titles]


def _page_with_body_word(parent, title: str, word: str, **kwargs):
    return StandardPageFactory(
        parent=parent,
        title=title,
        intro="",
        body=[("paragraph", RichText(f"<p>Her står ordet {word} i brødteksten.</p>"))],
        **kwargs,
    )


def test_finds_a_page_by_a_word_in_its_body_only_in_the_visitor_language(client, home_page, english_home):
    danish = _page_with_body_word(home_page, "Dansk side", "kvantefeltteori", slug="dansk-side")
    publish_translation(danish, english_home.locale, title="English page", slug="english-page")

    danish_html = client.get("/da/search/?query=kvantefeltteori").content.decode()
    english_html = client.get("/en/search/?query=kvantefeltteori").content.decode()

    assert _result_titles(danish_html) == ["Dansk side"]
    assert _result_titles(english_html) == ["English page"]


def test_draft_pages_are_not_found(client, home_page):
    page = _page_with_body_word(home_page, "Kladde", "hemmeligord", slug="kladde")
    page.unpublish()

    html = client.get("/da/search/?query=hemmeligord").content.decode()

    assert _result_titles(html) == []


def test_results_are_paginated_and_page_links_keep_the_query(client, home_page):
    for number in range(RESULTS_PER_PAGE + 2):
        _page_with_body_word(home_page, f"Side {number:02d}", "regressionsanalyse", slug=f"side-{number}")

    first = client.get("/da/search/?query=regressionsanalyse").content.decode()
    second = client.get("/da/search/?query=regressionsanalyse&page=2").content.decode()

    assert len(_result_titles(first)) == RESULTS_PER_PAGE
    assert len(_result_titles(second)) == 2
    assert set(_result_titles(first)).isdisjoint(_result_titles(second))
    assert 'href="?query=regressionsanalyse&amp;page=2"' in first
    for bad_page in ("999", "abc"):
        assert client.get(f"/da/search/?query=regressionsanalyse&page={bad_page}").status_code == 200


def test_empty_query_shows_a_prompt_and_no_results(client, home_page):
    response = client.get("/da/search/?query=")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="search-empty-query"' in html
    assert "search-no-results" not in html
    assert _result_titles(html) == []


def test_a_query_without_matches_says_so(client, home_page):
    html = client.get("/en/search/?query=xylofonorkester").content.decode()

    assert 'class="search-no-results"' in html
    assert "xylofonorkester" in html


def test_matching_words_in_result_titles_are_highlighted(client, home_page):
    StandardPageFactory(parent=home_page, title="Maskinlæring for begyndere", slug="ml")

    html = client.get("/da/search/?query=maskinlæring").content.decode()

    assert "<mark>Maskinlæring</mark> for begyndere" in html


def test_promoted_result_is_shown_first_in_the_visitor_language(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Bliv medlem", slug="bliv-medlem")
    SearchPromotion.objects.create(query=Query.get("medlemskab"), page=page, description="Sådan bliver du medlem")

    html = client.get("/da/search/?query=medlemskab").content.decode()

    assert 'class="card mb-2 border-success-subtle search-promotion"' in html
    assert "Sådan bliver du medlem" in html
    assert 'href="/da/bliv-medlem/"' in html


def test_highlight_escapes_the_text_and_marks_each_word_case_insensitively():
    result = highlight('<script>alert("x")</script> Data & data SCIENCE', 'data "science"')

    assert result == (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; "
        "<mark>Data</mark> &amp; <mark>data</mark> <mark>SCIENCE</mark>"
    )


def test_highlight_never_marks_inside_an_escaped_entity():
    assert highlight("R&D", "amp") == "R&amp;D"


def test_highlight_without_query_only_escapes():
    assert highlight("<b>bold</b>", "") == "&lt;b&gt;bold&lt;/b&gt;"


def test_search_query_count_does_not_grow_with_the_number_of_results(client, home_page, django_assert_max_num_queries):
    def count() -> int:
        client.get("/da/search/?query=tidsserie")
        with django_assert_max_num_queries(20) as captured:
            assert client.get("/da/search/?query=tidsserie").status_code == 200
        return len(captured)

    for number in range(3):
        _page_with_body_word(home_page, f"Tidsserie {number}", "tidsserie", slug=f"ts-{number}")
    with_three = count()
    for number in range(3, 30):
        _page_with_body_word(home_page, f"Tidsserie {number}", "tidsserie", slug=f"ts-{number}")
    with_thirty = count()

    assert with_thirty == with_three


@pytest.mark.parametrize(
    ("query", "found"), [('"maskinlæring', ["Om maskinlæring"]), ('maskinlæring" OR NEAR(a b) "', []), ('""', [])]
)
def test_quotes_and_search_operators_are_plain_text_not_a_server_error(client, home_page, query, found):
    _page_with_body_word(home_page, "Om maskinlæring", "maskinlæring")

    response = client.get("/da/search/", {"query": query})

    assert response.status_code == 200
    assert _result_titles(response.content.decode()) == found
