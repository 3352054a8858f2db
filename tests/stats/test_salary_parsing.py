"""How the free-text salary answer becomes kroner, and what is refused."""

import pytest

from stats.services.survey_rows import parse_salary


@pytest.mark.parametrize(
    "text",
    [
        "52000",
        "52.000",
        "52,000",
        "52000 kr.",
        "52.000 kr",
        "DKK 52000",
        "52 000",
        "52\u00a0000",
        " 52000 ",
        "52.000,-",
    ],
)
def test_whole_kroner_written_in_the_usual_ways_are_read(text):
    assert parse_salary(text) == 52000


@pytest.mark.parametrize(
    "text", ["52.5", "52000,50", "fifty thousand", "50-60k", "", "52.00", "5.2000", "-52000", "1e5"]
)
def test_anything_but_a_whole_number_of_kroner_is_refused(text):
    assert parse_salary(text) is None
