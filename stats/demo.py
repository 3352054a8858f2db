"""Demo survey for `manage.py load_demo`: three years of a synthetic salary survey (a few thousand respondents,
fixed seed) imported through the real importer, so the salary page, the calculator and suppression have data.
A second run changes nothing."""

import io

from django.urls import reverse
from django.utils import translation

from home.demo.context import DEMO_SEED, DemoContext
from stats.models import SurveyYear
from stats.services.importer import import_survey
from stats.synthetic import write_survey

YEARS = {2023: 1100, 2024: 1300, 2025: 1500}


def salary_survey(demo: DemoContext) -> None:
    for year, respondents in YEARS.items():
        if SurveyYear.objects.filter(year=year).exists():
            continue
        export = io.StringIO()
        write_survey(export, year, respondents, seed=DEMO_SEED, delimiter=";" if year == 2024 else ",")
        # The importer's own path (CSV parsing, validation, bulk insert); the calculator is fitted after commit.
        import_survey(io.BytesIO(("\ufeff" + export.getvalue()).encode()), year)
        demo.created.append(f"salary survey {year}")
    with translation.override("da"):
        demo.link("Salary survey", reverse("stats:salaries"))
        demo.link("Salary calculator", reverse("stats:calculator"))
        demo.link("Community numbers", reverse("stats:community"))


SECTIONS = [salary_survey]
