"""The salary survey on PostgreSQL: percentile_cont against Python's statistics, and two imports of one year at
once leaving exactly one of them (never a mix)."""

import io
import math
import random
import statistics

import pytest
from django.db import connection

from stats.models import Response, SurveyYear
from stats.services.importer import import_survey
from stats.services.percentiles import grouped_percentiles
from tests.integration.threads import at_once
from tests.stats.survey_files import export, people

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_percentile_cont_and_the_window_fallback_both_equal_pythons_statistics():
    assert connection.vendor == "postgresql"
    rng = random.Random(11)
    salaries = {year: [rng.randint(15_000, 150_000) for _ in range(rng.randint(2, 400))] for year in range(2020, 2026)}
    for year, values in salaries.items():
        import_survey(io.BytesIO(export(people("Data Scientist", values))), year)
    sql = (
        "SELECT y.year AS g0, 0 AS g1, 0 AS g2, r.salary "
        "FROM stats_response r JOIN stats_surveyyear y ON y.id = r.year_id"
    )

    for vendor in ("postgresql", "fallback"):
        result = grouped_percentiles(sql, [], vendor=vendor)
        for (year, _g1, _g2), stats in result.items():
            data = salaries[year]
            deciles = statistics.quantiles(data, n=10, method="inclusive")
            quartiles = statistics.quantiles(data, n=4, method="inclusive")
            wanted = [deciles[0], quartiles[0], statistics.median(data), quartiles[2], deciles[8]]
            assert stats.count == len(data)
            assert all(math.isclose(a, b, rel_tol=1e-12) for a, b in zip(stats.percentiles, wanted, strict=True))


def test_two_imports_of_the_same_year_at_once_leave_exactly_one_of_them():
    first = export(people("Data Scientist", [50_000] * 40))
    second = export(people("Data Analyst", [40_000] * 25))

    outcomes = at_once(
        [
            lambda: import_survey(io.BytesIO(first), 2025).imported,
            lambda: import_survey(io.BytesIO(second), 2025).imported,
        ]
    )

    assert sorted(outcomes) == [25, 40]
    year = SurveyYear.objects.get(year=2025)
    salaries = set(Response.objects.filter(year=year).values_list("salary", flat=True))
    assert (year.response_count, salaries) in [(40, {50_000}), (25, {40_000})]
    assert Response.objects.count() == year.response_count
