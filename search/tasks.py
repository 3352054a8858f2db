"""Celery tasks of the search app: forgetting old search statistics."""

from celery import shared_task
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits


@shared_task(name="search.tasks.prune_search_queries", acks_late=True)
def prune_search_queries() -> None:
    """Beat task: drop daily search counts older than WAGTAILSEARCH_HITS_MAX_AGE days, then every recorded search
    left with no count and no promoted result."""
    QueryDailyHits.garbage_collect()
    Query.garbage_collect()
