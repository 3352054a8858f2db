"""The salary calculator: fitted on a hand-made survey whose percentiles are known, refusing combinations the
data cannot support, and keeping nothing of what the visitor picks."""

import logging
import math

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from stats.models import Choice, SalaryModel, SurveyYear
from stats.services.calculator import CalculatorError, estimate, fit_model
from tests.stats.survey_files import export, run_import

pytestmark = pytest.mark.django_db

# Every cell of the survey holds the same ten salaries relative to the cell's level, so the true percentiles
# of each cell are known: the median is the level itself, P25 0.9 and P75 1.1 times it; P10 lies anywhere
# between 0.8 and 0.85 and P90 between 1.15 and 1.25 (with ten values a quantile between two is not unique).
SPREAD = [0.8, 0.85, 0.9, 0.95, 1.0, 1.0, 1.05, 1.1, 1.15, 1.25]
EXPERIENCE = {"1 year": 1, "3-4 years": 3.5, "7-9 years": 8, "15+ years": 17}
MANAGED = {"None": 0, "3-5": 4}


def level(title: str, years: float, managed: float) -> float:
    """log(level) is linear in the model's own columns: title, years, log(1 + years), log(1 + people managed)."""
    return math.exp(
        math.log(40_000)
        + (0.2 if title == "Data Scientist" else 0.0)
        + 0.01 * years
        + 0.12 * math.log1p(years)
        + 0.05 * math.log1p(managed)
    )


def hand_made_rows() -> list[dict]:
    rows = []
    for title in ("Data Scientist", "Data Analyst"):
        for experience, years in EXPERIENCE.items():
            for managed, people in MANAGED.items():
                if title == "Data Analyst" and managed != "None":
                    continue  # no analyst manages anyone: that combination has no support
                base = level(title, years, people)
                rows += [
                    {
                        "job_title": title,
                        "experience": experience,
                        "people_managed": managed,
                        "salary": str(round(base * factor)),
                    }
                    for factor in SPREAD
                ]
    return rows


@pytest.fixture
def model() -> SalaryModel:
    run_import(export(hand_made_rows()))
    return fit_model(SurveyYear.objects.get(year=2025))


def answers(title: str, experience: str, managed: str) -> dict[str, int]:
    def pk(key, value):
        return Choice.objects.get(question__key=key, value=value).pk

    return {
        "job_title": pk("job_title", title),
        "experience": pk("experience", experience),
        "people_managed": pk("people_managed", managed),
    }


def test_the_model_recovers_the_known_percentiles_of_a_hand_made_survey(model):
    result = estimate(model, answers("Data Scientist", "7-9 years", "3-5"))

    truth = level("Data Scientist", 8, 4)
    p10, p25, median, p75, p90 = (result.percentiles[q] for q in (0.1, 0.25, 0.5, 0.75, 0.9))
    assert median == pytest.approx(truth, rel=0.01)
    assert p25 == pytest.approx(0.9 * truth, rel=0.01)
    assert p75 == pytest.approx(1.1 * truth, rel=0.01)
    assert 0.8 * truth * 0.99 <= p10 <= 0.85 * truth * 1.01
    assert 1.15 * truth * 0.99 <= p90 <= 1.25 * truth * 1.01
    analyst = estimate(model, answers("Data Analyst", "1 year", "None")).percentiles[0.5]
    assert analyst == pytest.approx(level("Data Analyst", 1, 0), rel=0.01)


def test_the_model_reports_its_cross_validated_error_from_the_same_fit(model):
    # Every held-out salary is at most 25 % from its cell's level, so the median's error is small but not zero,
    # and about eight in ten held-out salaries fall between P10 and P90.
    assert 0 < model.cv_mae < 0.1 * level("Data Scientist", 17, 4)
    assert 0.6 <= model.cv_coverage <= 1.0
    assert model.respondents == len(hand_made_rows())


def test_a_combination_too_few_people_answered_is_refused(model):
    with pytest.raises(CalculatorError) as refused:
        estimate(model, answers("Data Analyst", "7-9 years", "3-5"))

    assert refused.value.code == "too_few_similar"


def test_an_answer_the_model_was_not_fitted_on_is_refused(model):
    picked = answers("Data Scientist", "7-9 years", "None")
    picked["experience"] = Choice.objects.get(question__key="experience", value="Less than a year").pk

    with pytest.raises(CalculatorError) as refused:
        estimate(model, picked)

    assert refused.value.code == "unknown_answer"


def calculator_url(language="en") -> str:
    with translation.override(language):
        return reverse("stats:calculator")


def test_the_page_shows_the_estimate_and_the_models_error_and_stores_nothing(client, model, caplog):
    picked = answers("Data Scientist", "7-9 years", "3-5")
    caplog.set_level(logging.DEBUG)
    client.get(calculator_url())  # the site's settings row is made on a first visit; not the calculator's write

    with CaptureQueriesContext(connection) as queries:
        response = client.post(calculator_url(), picked)

    html = response.content.decode()
    assert response.status_code == 200
    truth = round(level("Data Scientist", 8, 4), -2)
    assert f"DKK {truth:,.0f}" in html or f"DKK {truth + 100:,.0f}" in html or f"DKK {truth - 100:,.0f}" in html
    assert f"DKK {model.cv_mae:,}" in html
    assert "no-store" in response["Cache-Control"]
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))]
    assert writes == []
    assert "sessionid" not in response.cookies
    assert not [r for r in caplog.records if str(picked["job_title"]) in r.getMessage()]


def test_the_page_refuses_an_unsupported_combination_with_a_reason(client, model):
    response = client.post(calculator_url(), answers("Data Analyst", "7-9 years", "3-5"))

    assert response.status_code == 422
    assert "Too few people in the survey" in response.content.decode()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"job_title": "abc"},
        {"job_title": "999999", "experience": "1", "people_managed": "1"},
        {"job_title": "\x00"},
    ],
)
def test_garbage_answers_get_a_400_with_a_message(client, model, data):
    response = client.post(calculator_url("da"), data)

    assert response.status_code == 400
    assert "invalid-feedback" in response.content.decode()


def test_without_a_fitted_model_the_calculator_says_it_is_not_ready(client):
    response = client.get(calculator_url())

    assert response.status_code == 200
    assert "The calculator opens when" in response.content.decode()
    assert client.post(calculator_url(), {"job_title": "1"}).status_code == 200


def test_the_beat_sweep_fits_the_newest_years_model_when_the_imports_fit_never_ran():
    from stats.tasks import fit_missing_salary_model

    run_import(export(hand_made_rows()))  # the fit it owes goes to the broker only after a commit: never, here
    assert not SalaryModel.objects.exists()

    assert fit_missing_salary_model() is True
    assert SalaryModel.objects.filter(year__year=2025).count() == 1
    assert fit_missing_salary_model() is False  # nothing more to do
    assert SalaryModel.objects.count() == 1
