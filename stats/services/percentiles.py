"""Salary percentiles per group, computed by the database: PostgreSQL's `percentile_cont`, and on other databases
window functions that fetch only the two ranks around each percentile. Both match Python's
`statistics.quantiles(data, n=..., method="inclusive")`; the fallback to the last bit, since it interpolates with
the same integer arithmetic."""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import connection

# P10, P25, median, P75, P90 as statistics.quantiles reaches them: the i-th cut point of n intervals.
FRACTIONS = ((1, 10), (1, 4), (1, 2), (3, 4), (9, 10))
GROUP_COLUMNS = ("g0", "g1", "g2")


@dataclass(frozen=True)
class GroupStats:
    count: int
    percentiles: tuple[float, ...]  # in the order of FRACTIONS


def grouped_percentiles(source_sql: str, params: Sequence, *, vendor: str | None = None) -> dict[tuple, GroupStats]:
    """Count and percentiles of `salary` per (g0, g1, g2) over the rows `source_sql` selects (it must name
    those four columns). `vendor` forces a method, for the tests that compare both on PostgreSQL."""
    vendor = vendor or connection.vendor
    if vendor == "postgresql":
        return _percentile_cont(source_sql, params)
    return _window_ranks(source_sql, params)


def _percentile_cont(source_sql: str, params: Sequence) -> dict[tuple, GroupStats]:
    fractions = ", ".join(f"{i / n!r}" for i, n in FRACTIONS)
    # Only constants and the caller's SQL (which passes its values as parameters) are put together here.
    sql = (
        "SELECT g0, g1, g2, COUNT(*), "  # noqa: S608 # nosec B608
        f"percentile_cont(ARRAY[{fractions}]::float8[]) WITHIN GROUP (ORDER BY salary) "
        f"FROM ({source_sql}) AS rows GROUP BY g0, g1, g2"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(g0, g1, g2): GroupStats(count, tuple(values)) for g0, g1, g2, count, values in cursor.fetchall()}


def _window_ranks(source_sql: str, params: Sequence) -> dict[tuple, GroupStats]:
    # For n values the i-th of m cut points lies between ranks j and j+1, j = i*(n-1) div m (integer division
    # in SQL as in Python); only those ranks leave the database.
    ranks = ", ".join(f"({i} * (n - 1)) / {m}, ({i} * (n - 1)) / {m} + 1" for i, m in FRACTIONS)
    sql = (
        "SELECT g0, g1, g2, n, r, salary FROM ("  # noqa: S608 # nosec B608
        " SELECT g0, g1, g2, salary,"
        " ROW_NUMBER() OVER (PARTITION BY g0, g1, g2 ORDER BY salary) - 1 AS r,"
        " COUNT(*) OVER (PARTITION BY g0, g1, g2) AS n"
        f" FROM ({source_sql}) AS rows"
        f") AS ranked WHERE r IN ({ranks})"
    )
    groups: dict[tuple, tuple[int, dict[int, int]]] = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for g0, g1, g2, n, r, salary in cursor.fetchall():
            groups.setdefault((g0, g1, g2), (n, {}))[1][r] = salary
    return {
        key: GroupStats(n, tuple(_interpolate(n, at, i, m) for i, m in FRACTIONS)) for key, (n, at) in groups.items()
    }


def _interpolate(n: int, at: dict[int, int], i: int, m: int) -> float:
    j, delta = divmod(i * (n - 1), m)
    if not delta:
        return float(at[j])
    return (at[j] * (m - delta) + at[j + 1] * delta) / m
