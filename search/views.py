"""Site search over the live pages in the visitor's language."""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest
from django.template.response import TemplateResponse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

from home.locales import active_locale

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# Searches are counted for the editors' "popular searches" (and promoted results) only when they found something
# and are at most this long: whatever else a visitor types (an address, a pasted text) is not kept.
RECORDED_QUERY_MAX_LENGTH = 80


def search(request: HttpRequest) -> TemplateResponse:
    query = request.GET.get("query", "").strip()[:MAX_QUERY_LENGTH]
    locale = active_locale()
    promotions = []
    if query:  # a quote is searched as text (search.backend)
        results = Page.objects.live().public().filter(locale=locale).specific().search(query)
        promotions = SearchPromotion.objects.filter(
            query__query_string=normalise_query_string(query), page__live=True, page__locale=locale
        ).select_related("page")
    else:
        results = Page.objects.none()

    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    if query and len(query) <= RECORDED_QUERY_MAX_LENGTH and paginator.count:
        Query.get(query).add_hit()

    return TemplateResponse(
        request,
        "search/search.html",
        {"search_query": query, "search_results": page, "promotions": promotions},
    )
