"""The salary survey's data (years, questions, answers) and the calculator's fitted models."""

from stats.models.calculator import SalaryModel
from stats.models.survey import Answer, Choice, Question, Response, SurveyYear, YearQuestion

__all__ = ["Answer", "Choice", "Question", "Response", "SalaryModel", "SurveyYear", "YearQuestion"]
