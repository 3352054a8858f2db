"""Dates and times the Danish way in Danish and the British way in English, from one place (home.dates and the
format modules), in pages and mails alike; no template writes its own time format."""

import datetime
import re
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.utils import translation

from home import dates

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
START = datetime.datetime(2026, 11, 30, 17, 0, tzinfo=COPENHAGEN)
END = datetime.datetime(2026, 11, 30, 19, 30, tzinfo=COPENHAGEN)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("da", "30. november 2026 kl. 17.00"),
        ("en", "30 November 2026, 17:00"),
    ],
)
def test_a_date_and_time_is_written_the_way_each_language_writes_it(language, expected):
    with translation.override(language):
        assert dates.format_datetime(START) == expected
        # A UTC time is shown in Copenhagen time.
        assert dates.format_datetime(START.astimezone(datetime.UTC)) == expected


@pytest.mark.parametrize(
    ("language", "same_day", "two_days"),
    [
        ("da", "30. november 2026 kl. 17.00–19.30", "30. november 2026 kl. 17.00 – 1. december 2026 kl. 19.30"),
        ("en", "30 November 2026, 17:00–19:30", "30 November 2026, 17:00 – 1 December 2026, 19:30"),
    ],
)
def test_an_event_time_range(language, same_day, two_days):
    with translation.override(language):
        assert dates.format_range(START, END) == same_day
        assert dates.format_range(START, END + datetime.timedelta(days=1)) == two_days
        assert dates.format_range(START, None) == dates.format_datetime(START)


def test_no_template_writes_a_time_format_of_its_own():
    # Named formats (DATE_FORMAT…) and machine formats (ISO "c", "Y-m-d", "U") are fine; "H:i", "l" and the like
    # are what home.dates and the format modules are for.
    allowed = {
        "c",
        "Y-m-d",
        "U",
        "Ymd",
        "DATE_FORMAT",
        "DATETIME_FORMAT",
        "SHORT_DATE_FORMAT",
        "SHORT_DATETIME_FORMAT",
    }
    found = []
    for folder in ("cms", "home", "community", "events", "search"):
        for template in (Path(settings.BASE_DIR) / folder).rglob("templates/**/*.*"):
            if template.suffix not in {".html", ".txt"}:
                continue
            for match in re.finditer(r"\|(?:date|time):[\"']([^\"']*)[\"']", template.read_text()):
                if match.group(1) not in allowed:
                    found.append(f"{template.relative_to(settings.BASE_DIR)}: {match.group(0)}")
    assert found == []
