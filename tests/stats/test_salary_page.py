"""The public salary page: groups with counts and percentiles, suppression as a visitor sees it, the CSV holding
exactly the table, filters in the URL, bad filters, caching until the next import, and query counts."""

import csv
import io
import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from stats.services.salary_tables import ORDER_ANSWERS
from tests.stats.survey_files import export, people, run_import

pytestmark = pytest.mark.django_db


def url(language: str = "da", name: str = "stats:salaries") -> str:
    with translation.override(language):
        return reverse(name)


class TableReader(HTMLParser):
    """The cells of the salary table (#salary-table), row by row, as text."""

    def __init__(self):
        super().__init__()
        self.rows, self.inside, self.cell = [], False, None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and ("id", "salary-table") in attrs:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join(self.cell.split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def table_rows(html: str) -> list[list[str]]:
    reader = TableReader()
    reader.feed(html)
    return [row for row in reader.rows[1:] if row]  # without the header row


@pytest.fixture
def survey():
    rows = (
        people("Data Scientist", [50_000, 52_000, 54_000, 56_000, 58_000, 60_000], experience="3-4 years")
        + people("Data Analyst", [40_000, 41_000, 42_000, 43_000, 44_000], experience="1 year")
        + people("Data Engineer", [55_000, 57_000, 59_000, 61_000, 63_000, 65_000, 67_000], experience="15+ years")
        + people("Head of Data", [90_000, 95_000, 99_000], experience="15+ years")  # too few: hidden
    )
    run_import(export(rows))


def test_with_no_survey_the_pages_say_so_instead_of_failing(client):
    for name in ("stats:salaries", "stats:calculator"):
        response = client.get(url("en", name))
        assert response.status_code == 200
    assert "No survey results have been published yet" in client.get(url("en")).content.decode()
    assert client.get(url("en", "stats:salaries_csv")).status_code == 404


def test_each_group_shows_its_answers_median_quartiles_and_deciles_in_danish_format(client, survey):
    response = client.get(url("da"))

    rows = table_rows(response.content.decode())
    engineers = next(row for row in rows if row[0] == "Data engineer")
    # 55 000, 57 000 ... 67 000: P10 56 200, P25 58 000, median 61 000, P75 64 000, P90 65 800
    assert engineers == [
        "Data engineer",
        "2025",
        "7",
        "56.200 kr.",
        "58.000 kr.",
        "61.000 kr.",
        "64.000 kr.",
        "65.800 kr.",
    ]
    assert "Hvad er din jobtitel?" in response.content.decode()


def test_numbers_are_written_the_english_way_on_the_english_page(client, survey):
    rows = table_rows(client.get(url("en")).content.decode())

    assert ["Data Engineer", "2025", "7", "DKK 56,200", "DKK 58,000", "DKK 61,000", "DKK 64,000", "DKK 65,800"] in rows


def test_a_group_under_five_is_hidden_and_so_is_the_group_that_would_give_it_away(client, survey):
    html = client.get(url("en")).content.decode()
    rows = table_rows(html)

    names = [row[0] for row in rows]
    assert "Head of Data" not in names
    # The smallest other group goes too, or Head of Data = all answers - the groups shown.
    assert "Data Analyst" not in names
    shown = sum(int(row[2]) for row in rows if row[0] != "All answers")
    total = next(int(row[2]) for row in rows if row[0] == "All answers")
    assert total - shown == 3 + 5
    assert "2 groups are not shown" in html


def test_groups_go_by_median_or_in_the_surveys_order(client, survey):
    by_median = [row[0] for row in table_rows(client.get(url("en"), {"by": "job_title"}).content.decode())]
    assert by_median[:2] == ["Data Engineer", "Data Scientist"]

    in_order = table_rows(client.get(url("en"), {"by": "experience"}).content.decode())
    assert [row[0] for row in in_order] == ["1 year", "3-4 years", "15+ years", "All answers"]
    explicit = table_rows(client.get(url("en"), {"by": "job_title", "order": ORDER_ANSWERS}).content.decode())
    assert [row[0] for row in explicit][:2] == ["Data Scientist", "Data Engineer"]


def test_the_csv_holds_exactly_the_rows_and_numbers_the_page_shows(client, survey):
    query = {"by": "job_title", "then": "experience"}
    page_rows = table_rows(client.get(url("en"), query).content.decode())

    response = client.get(url("en", "stats:salaries_csv"), query)

    assert response["Content-Type"].startswith("text/csv")
    header, *csv_rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert header == ["Year", "Job title", "Experience", "Answers", "P10", "P25", "Median", "P75", "P90"]

    def digits(cell):
        return re.sub(r"\D", "", cell)

    as_page = [[row[0], row[1], row[2], *map(digits, row[3:])] for row in page_rows]
    as_csv = [[row[1], row[2], row[0], *row[3:]] for row in csv_rows]
    assert as_csv == as_page


def test_two_years_side_by_side_each_keep_their_own_numbers(client, survey):
    run_import(export(people("Data Scientist", [60_000] * 5) + people("Data Analyst", [45_000] * 6)), year=2026)

    rows = table_rows(client.get(url("en"), {"year": ["2025", "2026"]}).content.decode())

    scientists = [row[:3] + row[5:6] for row in rows if row[0] == "Data Scientist"]
    assert scientists == [["Data Scientist", "2025", "6", "DKK 55,000"], ["Data Scientist", "2026", "5", "DKK 60,000"]]


@pytest.mark.parametrize(
    "query",
    [
        {"year": "1999"},
        {"year": "abc"},
        {"by": "no_such_question"},
        {"by": "job_title", "then": "job_title"},
        {"order": "sideways"},
        # A NUL anywhere in the address is refused for every page alike: tests/security/test_unreadable_address.py
        {"year": "2025" * 500},
        {"then": ["experience", "region"]},
    ],
)
def test_a_bad_filter_gets_a_translated_message_and_a_400_never_an_error(client, survey, query):
    for name in ("stats:salaries", "stats:salaries_csv"):
        response = client.get(url("da", name), query)
        assert response.status_code == 400
    assert 'role="alert"' in response.content.decode()


def test_the_filters_live_in_the_url_so_a_link_shows_the_same_table(client, survey):
    link = url("en") + "?year=2025&by=experience&then=job_title&order=median"

    first = client.get(link).content.decode()
    again = client.get(link).content.decode()

    assert "Monthly salary by experience and job title" in first
    assert table_rows(first) == table_rows(again)
    assert "table.csv?year=2025&amp;by=experience&amp;then=job_title&amp;order=median" in first


def test_the_table_is_cached_until_the_next_import(client, survey, settings):
    settings.STATS_CACHE_SECONDS = 3600
    client.get(url("en"))
    with CaptureQueriesContext(connection) as queries:
        client.get(url("en"))
    assert not [q for q in queries if "stats_answer" in q["sql"]]

    run_import(export(people("Data Scientist", [70_000] * 5) + people("Data Analyst", [30_000] * 5)))

    rows = table_rows(client.get(url("en")).content.decode())
    assert rows[0][:3] + rows[0][5:6] == ["Data Scientist", "2025", "5", "DKK 70,000"]


def test_the_page_takes_the_same_number_of_queries_however_many_groups(client, settings):
    settings.STATS_CACHE_SECONDS = 0
    run_import(export(people("Data Scientist", [50_000] * 5) + people("Data Analyst", [40_000] * 5)))
    client.get(url("en"))  # the site's own first-request lookups (site root, locales) are not the table's
    with CaptureQueriesContext(connection) as few:
        client.get(url("en"))
    titles = ["Data Engineer", "Consultant", "Researcher", "BI Developer", "Team Lead", "Other"]
    run_import(export([row for title in titles for row in people(title, range(40_000, 46_000, 1000))]))
    with CaptureQueriesContext(connection) as many:
        response = client.get(url("en"))

    assert len(table_rows(response.content.decode())) == len(titles) + 1
    assert len(many) == len(few)
