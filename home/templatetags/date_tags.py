"""Date and time filters for templates and mails (home.dates): `when`, `when_range`, `day` and `clock`."""

from django import template

from home import dates

register = template.Library()


@register.filter
def when(value) -> str:
    return dates.format_datetime(value)


@register.filter
def when_range(start, end) -> str:
    return dates.format_range(start, end)


@register.filter
def day(value) -> str:
    return dates.format_date(value)


@register.filter
def clock(value) -> str:
    return dates.format_time(value)


@register.filter
def weekday(value) -> str:
    return dates.format_weekday(value)
