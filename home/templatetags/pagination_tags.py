"""The page numbers a pagination bar shows: the first, the last and a few around the current one."""

from django import template
from django.core.paginator import Page as PaginatorPage

register = template.Library()


@register.simple_tag
def page_numbers(page_obj: PaginatorPage) -> list:
    """Page numbers with `Paginator.ELLIPSIS` where a run of numbers is left out."""
    return list(page_obj.paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1))
