"""The salary page's tables: count and percentiles of monthly salary per answer (or pair of answers) and year,
with small groups suppressed, computed in the database and cached until the next import."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Max

from stats.models import Answer, Choice, Question, Response, SurveyYear, YearQuestion
from stats.services.percentiles import grouped_percentiles
from stats.services.suppression import THRESHOLD, hidden_cells

ORDER_MEDIAN = "median"
ORDER_ANSWERS = "answers"
# Figures are shown to the nearest 100 kroner: more digits would be false precision.
ROUND_TO = -2


@dataclass(frozen=True)
class Row:
    year: int
    count: int
    p10: int
    p25: int
    median: int
    p75: int
    p90: int
    first: Choice | None = None
    second: Choice | None = None


@dataclass
class SalaryTable:
    years: list[SurveyYear]
    by: Question
    then: Question | None
    rows: list[Row]
    totals: list[Row]  # per year: everyone behind the table ("All answers"), when there are enough of them
    answers: dict[int, int]  # year -> number of respondents behind the table
    hidden: dict[int, int]  # year -> number of groups not shown
    not_asked: list[tuple[int, Question]] = field(default_factory=list)
    wordings: list[tuple[Question, list[tuple[int, str]]]] = field(default_factory=list)
    salary_wordings: list[tuple[int, str]] = field(default_factory=list)

    @property
    def total_answers(self) -> int:
        return sum(self.answers.values())

    @property
    def answers_by_year(self) -> list[tuple[int, int]]:
        return [(year.year, self.answers.get(year.year, 0)) for year in self.years]


def survey_years() -> list[SurveyYear]:
    """Years with answers, newest first."""
    return list(SurveyYear.objects.filter(response_count__gt=0).order_by("-year"))


def comparable_questions() -> list[Question]:
    """Choice questions asked in some year: what the page can compare salaries by."""
    return list(
        Question.objects.filter(kind__in=[Question.Kind.SINGLE, Question.Kind.MULTIPLE], years__isnull=False)
        .distinct()
        .order_by("position", "key")
    )


def data_version() -> str:
    """Changes with every import (and every deleted year): part of each cache key, so an import makes every
    earlier cached table unreachable in every process at once, whichever cache backend is in use."""
    summary = SurveyYear.objects.aggregate(latest=Max("imported_at"), top=Max("pk"), years=Count("pk"))
    latest = summary["latest"].timestamp() if summary["latest"] else 0
    return f"{latest}:{summary['top']}:{summary['years']}"


def salary_table(years: list[SurveyYear], by: Question, then: Question | None, order: str) -> SalaryTable:
    """Each year's groups of respondents by their answer to `by` (and `then`), side by side, with the number of
    answers and P10/P25/median/P75/P90; groups hidden by the suppression rule are left out and counted."""
    year_ids = sorted(year.pk for year in years)
    single = all(q.kind == Question.Kind.SINGLE for q in (by, then) if q)
    numbers = _cached_numbers(year_ids, by.pk, then.pk if then else None, single)
    by_year = {year.pk: year.year for year in years}
    choices = Choice.objects.in_bulk({key[1] for key in numbers["cells"]} | {key[2] for key in numbers["cells"]})
    rows = [
        _row(by_year[year_id], stats, choices.get(g1), choices.get(g2) if then else None)
        for (year_id, g1, g2), stats in numbers["cells"].items()
    ]
    totals = [_row(by_year[year_id], stats) for year_id, stats in sorted(numbers["totals"].items())]
    asked = _asked(years, [q for q in (by, then) if q])
    return SalaryTable(
        years=sorted(years, key=lambda y: y.year),
        by=by,
        then=then,
        rows=_ordered(rows, by, then, order),
        totals=sorted(totals, key=lambda row: row.year),
        answers={by_year[year_id]: count for year_id, count in numbers["answers"].items()},
        hidden={by_year[year_id]: count for year_id, count in numbers["hidden"].items()},
        not_asked=[(year.year, q) for year in years for q in (by, then) if q and (year.pk, q.pk) not in asked],
        wordings=_wordings(years, [q for q in (by, then) if q]),
        salary_wordings=[(year.year, year.salary_text) for year in sorted(years, key=lambda y: y.year)],
    )


def _row(year: int, stats, first=None, second=None) -> Row:
    count, values = stats
    p10, p25, median, p75, p90 = (int(round(value, ROUND_TO)) for value in values)
    return Row(year, count, p10, p25, median, p75, p90, first, second)


def _ordered(rows: list[Row], by: Question, then: Question | None, order: str) -> list[Row]:
    """Rows of one group (one answer, or pair of answers) stay together, years ascending; groups go by their
    median in the latest year shown (highest first), or by the answers' order in the survey."""

    def group(row):
        return (row.first.pk, row.second.pk if row.second else 0)

    latest_median: dict[tuple, tuple[int, int]] = {}
    for row in rows:
        latest_median[group(row)] = max(latest_median.get(group(row), (0, 0)), (row.year, row.median))

    def position(choice):
        return (choice.position, choice.pk) if choice else (0, 0)

    if order == ORDER_ANSWERS:
        return sorted(rows, key=lambda row: (position(row.first), position(row.second), row.year))
    return sorted(rows, key=lambda row: (-latest_median[group(row)][1], group(row), row.year))


def _asked(years: list[SurveyYear], questions: list[Question]) -> set[tuple[int, int]]:
    return set(
        YearQuestion.objects.filter(year__in=years, question__in=questions).values_list("year_id", "question_id")
    )


def _wordings(years: list[SurveyYear], questions: list[Question]) -> list[tuple[Question, list[tuple[int, str]]]]:
    """Each question's wording per year; years that asked it in the same words share one entry."""
    wordings = YearQuestion.objects.filter(year__in=years, question__in=questions).select_related("year")
    result = []
    for question in questions:
        texts: dict[str, list[int]] = {}
        for wording in sorted((w for w in wordings if w.question_id == question.pk), key=lambda w: w.year.year):
            texts.setdefault(wording.text or question.text, []).append(wording.year.year)
        result.append((question, [(years_, text) for text, years_ in texts.items()]))
    return result


# --- Numbers, from the database or the cache ---------------------------------------------------------------------


def _cached_numbers(year_ids: list[int], by_id: int, then_id: int | None, single: bool) -> dict:
    timeout = settings.STATS_CACHE_SECONDS
    if not timeout:
        return _numbers(year_ids, by_id, then_id, single)
    key = f"stats:salary:{data_version()}:{','.join(map(str, year_ids))}:{by_id}:{then_id or 0}"
    numbers = cache.get(key)
    if numbers is None:
        numbers = _numbers(year_ids, by_id, then_id, single)
        cache.set(key, numbers, timeout)
    return numbers


def _numbers(year_ids: list[int], by_id: int, then_id: int | None, single: bool) -> dict:
    """Visible cells {(year id, choice id, second choice id or 0): (count, percentiles)}, totals per year, and
    how many cells each year hides. Suppression is decided per year, from that year's cells only, so a table
    shows the same cells of a year whichever other years are beside it."""
    cells = grouped_percentiles(*_cells_sql(year_ids, by_id, then_id))
    totals = grouped_percentiles(*_totals_sql(year_ids, by_id, then_id, single))
    visible, hidden = {}, {}
    for year_id in year_ids:
        mine = {key: stats for key, stats in cells.items() if key[0] == year_id}
        secret = hidden_cells({(g1, g2): stats.count for (_y, g1, g2), stats in mine.items()}, THRESHOLD)
        hidden[year_id] = len(secret)
        for (y, g1, g2), stats in mine.items():
            if (g1, g2) not in secret:
                visible[(y, g1, g2)] = (stats.count, stats.percentiles)
    answers = {key[0]: stats.count for key, stats in totals.items()}
    shown_totals = {key[0]: (s.count, s.percentiles) for key, s in totals.items() if s.count >= THRESHOLD}
    return {"cells": visible, "totals": shown_totals, "answers": answers, "hidden": hidden}


def _table(model) -> str:
    return connection.ops.quote_name(model._meta.db_table)


def _in(values: list[int]) -> str:
    return ", ".join(["%s"] * len(values))


def _cells_sql(year_ids: list[int], by_id: int, then_id: int | None) -> tuple[str, list]:
    answers = _table(Answer)
    if then_id is None:
        sql = (
            f"SELECT a.year_id AS g0, a.choice_id AS g1, 0 AS g2, a.salary AS salary FROM {answers} a "  # noqa: S608 # nosec B608
            f"WHERE a.question_id = %s AND a.year_id IN ({_in(year_ids)})"
        )
        return sql, [by_id, *year_ids]
    sql = (
        f"SELECT a.year_id AS g0, a.choice_id AS g1, b.choice_id AS g2, a.salary AS salary FROM {answers} a "  # noqa: S608 # nosec B608
        f"JOIN {answers} b ON b.response_id = a.response_id AND b.question_id = %s "
        f"WHERE a.question_id = %s AND a.year_id IN ({_in(year_ids)})"
    )
    return sql, [then_id, by_id, *year_ids]


def _totals_sql(year_ids: list[int], by_id: int, then_id: int | None, single: bool) -> tuple[str, list]:
    """Everyone who answered the question(s), once each. With single-choice questions that is every row of the
    table's own query; a multiple choice puts a person in several groups, so then each response counts once."""
    if single:
        sql, params = _cells_sql(year_ids, by_id, then_id)
        return f"SELECT g0, 0 AS g1, 0 AS g2, salary FROM ({sql}) AS cells", params  # noqa: S608 # nosec B608
    answers, responses = _table(Answer), _table(Response)
    years = _in(year_ids)
    answered = f"r.id IN (SELECT a.response_id FROM {answers} a WHERE a.year_id IN ({years}) AND a.question_id = %s)"  # noqa: S608 # nosec B608
    conditions, params = [answered], [*year_ids, by_id]
    if then_id:
        conditions.append(answered)
        params += [*year_ids, then_id]
    sql = (
        f"SELECT r.year_id AS g0, 0 AS g1, 0 AS g2, r.salary AS salary FROM {responses} r "  # noqa: S608 # nosec B608
        f"WHERE r.year_id IN ({years}) AND {' AND '.join(conditions)}"
    )
    return sql, [*year_ids, *params]
