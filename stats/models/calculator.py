"""The salary calculator's fitted model for a survey year, stored as data (coefficients), never as a pickle."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class SalaryModel(models.Model):
    """Quantile regressions of one year's salaries, fitted by `stats.tasks.fit_salary_model` after an import.

    `spec` holds everything needed to answer without refitting: the inputs and their levels, the columns of the
    design matrix, one coefficient vector per quantile, and how many respondents back each combination (so
    combinations the data cannot support are refused). `cv_mae` is the cross-validated mean absolute error of
    the median estimate in kroner and `cv_coverage` the share of held-out salaries that fell between the P10
    and P90 estimates, both from the same fit."""

    year = models.OneToOneField("stats.SurveyYear", on_delete=models.CASCADE, related_name="salary_model")
    fitted_at = models.DateTimeField(_("fitted at"))
    respondents = models.PositiveIntegerField(_("respondents used"))
    cv_mae = models.PositiveIntegerField(_("cross-validated mean absolute error (DKK)"))
    cv_coverage = models.FloatField(_("share of held-out salaries between P10 and P90"))
    spec = models.JSONField(_("fitted model"))

    class Meta:
        verbose_name = _("salary model")
        verbose_name_plural = _("salary models")

    def __str__(self) -> str:
        return f"{self.year}"
