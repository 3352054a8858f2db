"""How the site writes dates and times, in every template, mail, calendar file and the scanner: the formats of
the active language (home/formats/<lang>/formats.py), in the site's time zone. Nothing else formats a time."""

import datetime

from django.utils import formats, timezone


def _local(value):
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def format_date(value) -> str:
    """ "30. november 2026" / "30 November 2026"."""
    return formats.date_format(_local(value), "DATE_FORMAT") if value else ""


def format_time(value) -> str:
    """ "17.00" / "17:00"."""
    return formats.time_format(_local(value), "TIME_FORMAT") if value else ""


def format_datetime(value) -> str:
    """ "30. november 2026 kl. 17.00" / "30 November 2026, 17:00"."""
    return formats.date_format(_local(value), "DATETIME_FORMAT") if value else ""


def format_short_datetime(value) -> str:
    return formats.date_format(_local(value), "SHORT_DATETIME_FORMAT") if value else ""


def format_range(start, end) -> str:
    """An event's time: "30. november 2026 kl. 17.00–19.00", or both ends in full when it spans days."""
    if not start:
        return ""
    if not end:
        return format_datetime(start)
    if _local(start).date() == _local(end).date():
        return f"{format_datetime(start)}–{format_time(end)}"
    return f"{format_datetime(start)} – {format_datetime(end)}"


def format_weekday(value) -> str:
    """ "tirsdag" / "Tuesday": mails put it before the date."""
    return formats.date_format(_local(value), "l") if value else ""
