"""Searches are kept for the editors' statistics only when they found something, only when short, and not for long."""

import datetime

import pytest
import time_machine
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion

from home.factories import StandardPageFactory
from search.tasks import prune_search_queries
from search.views import RECORDED_QUERY_MAX_LENGTH

pytestmark = pytest.mark.django_db


def test_a_search_that_found_nothing_is_not_recorded(client, home_page):
    client.get("/da/search/?query=min-adresse-er-hemmelig")

    assert not Query.objects.exists()


def test_a_search_that_found_a_page_is_counted(client, home_page):
    StandardPageFactory(parent=home_page, title="Maskinlæring for begyndere", slug="ml")

    client.get("/da/search/?query=Maskinlæring")
    client.get("/da/search/?query=maskinlæring")

    assert Query.objects.get().query_string == "maskinlæring"
    assert Query.objects.get().hits == 2


def test_a_long_search_is_not_recorded_even_with_results(client, home_page):
    StandardPageFactory(parent=home_page, title="Maskinlæring for begyndere", slug="ml")
    long_query = "maskinlæring " + "x" * RECORDED_QUERY_MAX_LENGTH

    client.get(f"/da/search/?query=maskinlæring {long_query}")

    assert not Query.objects.exists()


def test_promotions_still_show_for_a_search_that_is_not_recorded(client, home_page):
    page = StandardPageFactory(parent=home_page, title="Bliv medlem", slug="bliv-medlem")
    SearchPromotion.objects.create(query=Query.get("kontingent"), page=page, description="Sådan bliver du medlem")

    html = client.get("/da/search/?query=kontingent").content.decode()

    assert "Sådan bliver du medlem" in html
    assert not QueryDailyHits.objects.exists()


def test_old_counts_and_queries_are_pruned_every_night(client, home_page, settings):
    settings.WAGTAILSEARCH_HITS_MAX_AGE = 30
    StandardPageFactory(parent=home_page, title="Maskinlæring for begyndere", slug="ml")
    with time_machine.travel(datetime.datetime(2026, 10, 1, 12, tzinfo=datetime.UTC), tick=False):
        client.get("/da/search/?query=maskinlæring")
    with time_machine.travel(datetime.datetime(2026, 11, 30, 12, tzinfo=datetime.UTC), tick=False):
        client.get("/da/search/?query=begyndere")
        prune_search_queries()

    assert list(Query.objects.values_list("query_string", flat=True)) == ["begyndere"]
