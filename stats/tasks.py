"""Celery tasks of the stats app: fitting the salary calculator after an import, and a sweep for a fit that an
import owed but never reached a worker (broker down when it committed, a worker killed mid-fit)."""

import logging

from celery import shared_task
from django.db import DatabaseError

from stats.models import SalaryModel, SurveyYear
from stats.services.calculator import fit_model

logger = logging.getLogger(__name__)


@shared_task(
    name="stats.tasks.fit_salary_model",
    acks_late=True,
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=5,
)
def fit_salary_model(year_id: int) -> bool:
    """Fit and store the calculator's model for the year, if it is the newest (the only one the calculator
    serves); running it twice stores the same model twice."""
    year = SurveyYear.objects.filter(pk=year_id).first()
    if year is None or SurveyYear.objects.filter(year__gt=year.year, response_count__gt=0).exists():
        return False
    model = fit_model(year)
    if model is None:
        logger.info("No salary model for %s: the year lacks the calculator's questions or answers", year)
        return False
    logger.info("Fitted the salary model for %s on %d respondents", year, model.respondents)
    return True


@shared_task(name="stats.tasks.fit_missing_salary_model", acks_late=True)
def fit_missing_salary_model() -> bool:
    """Beat task: fit the newest year's model if it has none. An import forgets the old model and hands the fit
    to the broker after commit; when that hand-over failed, this is what fits it."""
    newest = SurveyYear.objects.filter(response_count__gt=0).order_by("-year").first()
    if newest is None or SalaryModel.objects.filter(year=newest).exists():
        return False
    return fit_salary_model(newest.pk)
