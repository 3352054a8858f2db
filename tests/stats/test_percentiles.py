"""Percentiles come from the database and equal Python's statistics.quantiles(method="inclusive")."""

import math
import random
import statistics

import pytest
from django.db import connection

from stats.models import Choice, Question
from stats.services.percentiles import grouped_percentiles
from tests.stats.survey_files import export, people, run_import

pytestmark = pytest.mark.django_db

TITLES = ["Data Scientist", "Data Analyst", "Data Engineer", "Consultant", "Researcher", "BI Developer", "Other"]


def expected(salaries: list[int]) -> list[float]:
    deciles = statistics.quantiles(salaries, n=10, method="inclusive")
    quartiles = statistics.quantiles(salaries, n=4, method="inclusive")
    return [
        deciles[0],
        quartiles[0],
        statistics.quantiles(salaries, n=2, method="inclusive")[0],
        quartiles[2],
        deciles[8],
    ]


def random_groups(seed: int) -> dict[str, list[int]]:
    rng = random.Random(seed)
    groups = {title: [rng.randint(15_000, 150_000) for _ in range(rng.randint(2, 120))] for title in TITLES[:5]}
    groups[TITLES[5]] = [40_000, 40_000, 40_000, 52_500]  # ties
    groups[TITLES[6]] = [33_333, 77_777]  # two values: every percentile interpolates
    return groups


def by_title_sql() -> tuple[str, list]:
    question = Question.objects.get(key="job_title")
    return "SELECT year_id AS g0, choice_id AS g1, 0 AS g2, salary FROM stats_answer WHERE question_id = %s", [
        question.pk
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("method", ["database's own", "window functions"])
def test_percentiles_per_group_equal_pythons_statistics_on_random_data(seed, method):
    groups = random_groups(seed)
    run_import(export([row for title, salaries in groups.items() for row in people(title, salaries)]))
    vendor = None if method == "database's own" else "fallback"

    result = grouped_percentiles(*by_title_sql(), vendor=vendor)

    titles = dict(Choice.objects.values_list("pk", "value"))
    assert {titles[g1] for (_g0, g1, _g2) in result} == set(groups)
    for (_year, choice, _none), stats in result.items():
        salaries = groups[titles[choice]]
        assert stats.count == len(salaries)
        if connection.vendor == "postgresql" and vendor is None:
            # percentile_cont interpolates in floating point from p * (n - 1): equal to the last bits.
            assert all(
                math.isclose(a, b, rel_tol=1e-12) for a, b in zip(stats.percentiles, expected(salaries), strict=True)
            )
        else:
            assert list(stats.percentiles) == expected(salaries)


def test_a_group_of_one_has_its_only_value_as_every_percentile():
    run_import(export(people("Data Scientist", [61_000])))

    (stats,) = grouped_percentiles(*by_title_sql(), vendor="fallback").values()

    assert (stats.count, stats.percentiles) == (1, (61_000.0,) * 5)
