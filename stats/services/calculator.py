"""The salary calculator: quantile regressions of a year's salaries fitted once after an import
(`fit_model`), stored as coefficients, and estimates for one visitor's answers computed from them
(`estimate`) without refitting, refusing combinations the data cannot support."""

import math
import random
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.errors import DomainError
from stats.models import Answer, Choice, Question, SalaryModel, SurveyYear

QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9)
# What the visitor picks: (question key, kind). Categories get one column per level; ordered answers count by
# their numeric value. Sector and region join the model only where enough people answered them.
REQUIRED_INPUTS = (("job_title", "category"), ("experience", "ordinal"), ("people_managed", "ordinal"))
OPTIONAL_INPUTS = (("sector", "category"), ("region", "category"))
# A job title, sector or region needs this many answers to be estimated at all.
MIN_LEVEL = 20
# An estimate needs this many respondents with the same job title, experience within one step of the visitor's,
# and the same side of "manages people or not": otherwise the model would only be extrapolating.
MIN_SIMILAR = 10
# The linear program behind each fit grows faster than linearly; a fixed random sample keeps the task at about
# a minute on a big year while changing the estimates far less than their own uncertainty.
MAX_TRAINING_ROWS = 4000
FOLDS = 5
SEED = 14


class CalculatorError(DomainError):
    MESSAGES = {
        "no_model": _("The calculator is not ready: no survey year has a fitted model yet."),
        "unknown_answer": _("Pick one of the answers offered."),
        "too_few_similar": _(
            "Too few people in the survey have this job title with about this much experience and this many "
            "people to manage, so we cannot give an honest estimate."
        ),
    }


@dataclass(frozen=True)
class Estimate:
    year: int
    percentiles: dict[float, int]  # quantile -> kroner a month
    similar: int  # respondents like the visitor behind the estimate
    cv_mae: int
    cv_coverage: float
    respondents: int


def current_model() -> SalaryModel | None:
    return SalaryModel.objects.select_related("year").order_by("-year__year").first()


def forget_model(year: SurveyYear) -> None:
    SalaryModel.objects.filter(year=year).delete()


# --- Fitting (in the Celery task) --------------------------------------------------------------------------------


def _training_rows(year: SurveyYear, keys: list[str]) -> list[dict]:
    """One dict per sampled response: question key -> choice id, plus "salary"."""
    ids = list(Answer.objects.filter(year=year, question__key="job_title").values_list("response_id", flat=True))
    ids.sort()
    if len(ids) > MAX_TRAINING_ROWS:
        ids = sorted(random.Random(SEED).sample(ids, MAX_TRAINING_ROWS))  # noqa: S311 - a sample, not a secret
    rows: dict[int, dict] = {}
    for start in range(0, len(ids), 1000):
        answers = Answer.objects.filter(year=year, question__key__in=keys, response_id__in=ids[start : start + 1000])
        for response_id, key, choice_id, salary in answers.values_list(
            "response_id", "question__key", "choice_id", "salary"
        ):
            row = rows.setdefault(response_id, {"salary": salary})
            row[key] = choice_id
    return [rows[pk] for pk in ids if pk in rows]


def _inputs(year: SurveyYear, rows: list[dict]) -> list[dict] | None:
    """The model's inputs with their usable levels, or None when a required input is missing."""
    questions = {q.key: q for q in Question.objects.filter(years__year=year).prefetch_related("choices")}
    inputs = []
    for key, kind in REQUIRED_INPUTS + OPTIONAL_INPUTS:
        question = questions.get(key)
        required = (key, kind) in REQUIRED_INPUTS
        if question is None or question.kind != Question.Kind.SINGLE:
            if required:
                return None
            continue
        counts: dict[int, int] = {}
        for row in rows:
            if key in row:
                counts[row[key]] = counts.get(row[key], 0) + 1
        choices = list(question.choices.all())
        if kind == "ordinal":
            values = {c.pk: c.number for c in choices if c.number is not None and counts.get(c.pk)}
            if len(values) < 2:
                if required:
                    return None
                continue
            levels = [c.pk for c in choices if c.pk in values]
            inputs.append(
                {"key": key, "kind": kind, "levels": levels, "values": {str(k): v for k, v in values.items()}}
            )
        else:
            levels = [c.pk for c in choices if counts.get(c.pk, 0) >= MIN_LEVEL]
            if len(levels) < 2:
                if required:
                    return None
                continue
            reference = max(levels, key=lambda pk: counts[pk])
            inputs.append({"key": key, "kind": kind, "levels": levels, "reference": reference})
    return inputs


def _columns(inputs: list[dict]) -> list[list]:
    columns = []
    for spec in inputs:
        if spec["kind"] == "category":
            columns += [[spec["key"], level] for level in spec["levels"] if level != spec["reference"]]
        elif spec["key"] == "experience":
            columns += [[spec["key"], "years"], [spec["key"], "log"]]
        else:
            columns += [[spec["key"], "log"]]
    return columns


def _features(inputs: list[dict], columns: list[list], answers: dict) -> list[float] | None:
    """The design row for `answers` (input key -> choice id), or None if an answer is not a level of the model."""
    by_key = {spec["key"]: spec for spec in inputs}
    for key, spec in by_key.items():
        if answers.get(key) not in spec["levels"]:
            return None
    row = []
    for key, what in columns:
        spec, answer = by_key[key], answers[key]
        if spec["kind"] == "category":
            row.append(1.0 if answer == what else 0.0)
        else:
            value = spec["values"][str(answer)]
            row.append(value if what == "years" else math.log1p(value))
    return row


def _support_key(inputs: list[dict], answers: dict, experience_step: int) -> str:
    experience = next(spec for spec in inputs if spec["key"] == "experience")
    managed = next(spec for spec in inputs if spec["key"] == "people_managed")
    position = experience["levels"].index(answers["experience"]) + experience_step
    manages = int(managed["values"][str(answers["people_managed"])] > 0)
    return f"{answers['job_title']}:{position}:{manages}"


def fit_model(year: SurveyYear) -> SalaryModel | None:
    """Fit and store `year`'s model (replacing an earlier one); None when the year lacks what the calculator
    needs. Slow (seconds to a minute): run it in the task, never in a request."""
    import numpy as np
    from sklearn.linear_model import QuantileRegressor
    from sklearn.model_selection import KFold

    imported_at = year.imported_at
    keys = [key for key, _kind in REQUIRED_INPUTS + OPTIONAL_INPUTS]
    rows = _training_rows(year, keys)
    inputs = _inputs(year, rows)
    if not inputs:
        return None
    columns = _columns(inputs)
    usable = [(row, _features(inputs, columns, row)) for row in rows]
    usable = [(row, features) for row, features in usable if features is not None]
    if len(usable) < FOLDS * MIN_SIMILAR:
        return None
    X = np.array([features for _row, features in usable])
    salaries = np.array([row["salary"] for row, _row_features in usable], dtype=float)
    # Salaries are skewed: fit the logarithm. Quantiles survive a monotone transform, so exp() of the fitted
    # quantile of log salary is the quantile of salary.
    y = np.log(salaries)

    def fit(quantile, rows_x, rows_y):
        return QuantileRegressor(quantile=quantile, alpha=0.0, solver="highs").fit(rows_x, rows_y)

    coefficients = [[float(m.intercept_), *map(float, m.coef_)] for m in (fit(q, X, y) for q in QUANTILES)]
    errors, covered = [], 0
    for train, test in KFold(FOLDS, shuffle=True, random_state=SEED).split(X):
        low, mid, high = (fit(q, X[train], y[train]).predict(X[test]) for q in (0.1, 0.5, 0.9))
        errors.extend(np.abs(np.exp(mid) - salaries[test]))
        covered += int(np.sum((salaries[test] >= np.exp(low)) & (salaries[test] <= np.exp(high))))
    support: dict[str, int] = {}
    for row, _row_features in usable:
        key = _support_key(inputs, row, 0)
        support[key] = support.get(key, 0) + 1
    spec = {
        "quantiles": list(QUANTILES),
        "inputs": inputs,
        "columns": columns,
        "coefficients": coefficients,
        "support": support,
    }
    with transaction.atomic():
        # An import of the same year while this ran makes these numbers stale: its own task fits again.
        current = SurveyYear.objects.select_for_update().filter(pk=year.pk, imported_at=imported_at).first()
        if current is None:
            return None
        model, _created = SalaryModel.objects.update_or_create(
            year=current,
            defaults={
                "fitted_at": timezone.now(),
                "respondents": len(usable),
                "cv_mae": round(float(np.mean(errors))),
                "cv_coverage": covered / len(usable),
                "spec": spec,
            },
        )
    return model


# --- Answering (in the request) ----------------------------------------------------------------------------------


def input_choices(model: SalaryModel) -> dict[str, list[Choice]]:
    """The answers the calculator offers per input: only levels the model was fitted on, in survey order."""
    wanted = {spec["key"]: spec["levels"] for spec in model.spec["inputs"]}
    by_pk = Choice.objects.in_bulk([pk for levels in wanted.values() for pk in levels])
    return {key: [by_pk[pk] for pk in levels if pk in by_pk] for key, levels in wanted.items()}


def estimate(model: SalaryModel, answers: dict[str, int]) -> Estimate:
    """P10-P90 of monthly salary for people answering `answers` (input key -> choice id). Pure arithmetic on
    the stored coefficients; nothing about the visitor is stored or logged."""
    spec = model.spec
    inputs, columns = spec["inputs"], spec["columns"]
    features = _features(inputs, columns, answers)
    if features is None:
        raise CalculatorError("unknown_answer")
    similar = sum(spec["support"].get(_support_key(inputs, answers, step), 0) for step in (-1, 0, 1))
    if similar < MIN_SIMILAR:
        raise CalculatorError("too_few_similar")
    logs = [row[0] + sum(c * x for c, x in zip(row[1:], features, strict=True)) for row in spec["coefficients"]]
    # Separately fitted quantiles can cross; sorting them (monotone rearrangement) can only bring them closer to
    # the true ones.
    kroner = sorted(round(math.exp(value), -2) for value in logs)
    return Estimate(
        year=model.year.year,
        percentiles={q: int(k) for q, k in zip(spec["quantiles"], kroner, strict=True)},
        similar=similar,
        cv_mae=model.cv_mae,
        cv_coverage=model.cv_coverage,
        respondents=model.respondents,
    )
