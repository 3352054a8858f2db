"""In a real browser: the salary page draws its box chart from the table, and changing a filter changes chart,
table and URL together (in place, so the link stays shareable); the community dashboard draws its charts."""

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from tests.home.tree import ensure_home_page
from tests.stats.survey_files import export, run_import
from tests.stats.test_calculator import hand_made_rows
from tests.stats.test_community_numbers import approved

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def survey():
    ensure_home_page()
    rows = hand_made_rows()
    for number, row in enumerate(rows):
        row["region"] = ["Capital Region", "Central Jutland", "Southern Denmark"][number % 3]
    run_import(export(rows))


def chart_labels(tab) -> list[str]:
    return tab.evaluate("() => Chart.getChart(document.getElementById('salary-chart')).data.labels")


def test_changing_a_filter_changes_the_chart_the_table_and_the_url(live_server, tab, survey):
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(f"{live_server.url}/en/stats/salaries/")

    expect(tab.locator("#salary-table tbody tr")).to_have_count(2)
    tab.wait_for_function("() => window.Chart && Chart.getChart(document.getElementById('salary-chart'))")
    assert sorted(chart_labels(tab)) == ["Data Analyst", "Data Scientist"]

    tab.get_by_label("Compare by").focus()
    tab.get_by_label("Compare by").select_option("region")

    expect(tab).to_have_url(re.compile(r"[?&]by=region"))
    expect(tab.get_by_role("heading", name="Monthly salary by region")).to_be_visible()
    expect(tab.locator("#salary-table tbody tr")).to_have_count(3)
    tab.wait_for_function(
        "() => Chart.getChart(document.getElementById('salary-chart'))?.data.labels.includes('Capital Region')"
    )
    assert sorted(chart_labels(tab)) == ["Capital Region", "Central Jutland", "Southern Denmark"]
    # The focus stayed on the filter the visitor changed, and the change was announced.
    assert tab.evaluate("() => document.activeElement.id") == "id_by"
    expect(tab.locator("#salary-status")).to_have_text("Monthly salary by region")

    # The URL is the view: opening it afresh shows the same table.
    tab.goto(tab.url)
    expect(tab.locator("#salary-table tbody tr")).to_have_count(3)
    assert errors == []


def test_the_community_dashboard_draws_a_chart_per_table(live_server, tab, survey):
    approved(date.today().replace(day=1), ends=None)
    tab.goto(f"{live_server.url}/en/stats/community/")

    tab.wait_for_function("() => window.Chart && document.querySelectorAll('canvas[data-chart]').length > 0")
    drawn = tab.evaluate(
        "() => [...document.querySelectorAll('canvas[data-chart]')].map(c => Chart.getChart(c)?.data.datasets[0].data)"
    )
    assert drawn and all(series for series in drawn)
