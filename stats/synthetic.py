"""A synthetic salary survey export, shaped like the survey tool's CSV: for the demo, the tests and `make bench`.

Salaries are drawn log-normally around a level set by job title, experience, people managed, sector and region
(so they are skewed to the right and the calculator has something real to find), and a few answers are rare
on purpose (data architects, Julia, North Jutland), so suppression has groups to hide."""

import csv
import math
import random
from collections.abc import Iterator
from typing import TextIO

from stats.services.catalogue import Catalogue, load_catalogue

TITLES = {  # weight, salary factor
    "Data Scientist": (22, 1.0),
    "Data Analyst": (22, 0.86),
    "Data Engineer": (16, 1.02),
    "Machine Learning Engineer": (8, 1.1),
    "Analytics Engineer": (5, 0.98),
    "BI Developer": (9, 0.9),
    "Data Architect": (0.2, 1.2),
    "Researcher": (4, 0.88),
    "Consultant": (6, 1.04),
    "Team Lead": (4, 1.22),
    "Head of Data": (2, 1.5),
    "Other": (1.5, 0.95),
}
EXPERIENCE = {
    "Less than a year": 6,
    "1 year": 8,
    "2 years": 10,
    "3-4 years": 18,
    "5-6 years": 16,
    "7-9 years": 15,
    "10-14 years": 15,
    "15+ years": 12,
}
YEARS_OF = {"Less than a year": 0.5, "1 year": 1, "2 years": 2, "3-4 years": 3.5, "5-6 years": 5.5, "7-9 years": 8}
YEARS_OF |= {"10-14 years": 12, "15+ years": 17}
MANAGED = ["None", "1-2", "3-5", "6-10", "More than 10"]
SECTORS = {"Private company": (70, 1.0), "Public sector": (20, 0.9), "University or research institution": (8, 0.84)}
SECTORS |= {"Self-employed": (2, 1.08)}
REGIONS = {"Capital Region": (62, 1.05), "Central Jutland": (16, 0.95), "Southern Denmark": (9, 0.93)}
REGIONS |= {"Zealand": (8, 0.94), "North Jutland": (5, 0.92)}
EDUCATION = {"Upper secondary": 2, "Professional bachelor": 8, "Bachelor": 12, "Master": 62, "PhD": 16}
INDUSTRIES = [
    "Finance and insurance",
    "IT and software",
    "Consulting",
    "Pharma and life science",
    "Energy and utilities",
    "Retail and consumer goods",
    "Transport and logistics",
    "Public administration",
    "Healthcare",
    "Education and research",
    "Media and telecom",
    "Other",
]
INDUSTRY_WEIGHTS = [16, 20, 12, 10, 7, 6, 5, 10, 4, 6, 1.5, 2.5]
SIZES = ["1-9", "10-49", "50-249", "250-999", "1000 or more"]
TOOLS = {  # share who tick it
    "Python": 0.85,
    "SQL": 0.8,
    "R": 0.2,
    "Spark": 0.15,
    "dbt": 0.12,
    "Power BI": 0.3,
    "Tableau": 0.1,
    "Excel": 0.4,
    "Cloud (AWS, Azure or GCP)": 0.45,
    "Julia": 0.008,
}
QUESTION_ORDER = [
    "job_title",
    "seniority",
    "experience",
    "people_managed",
    "education",
    "sector",
    "industry",
    "region",
    "company_size",
    "remote_days",
    "tools",
]


def _pick(rng: random.Random, weights: dict) -> str:
    names = list(weights)
    values = [w[0] if isinstance(w, tuple) else w for w in weights.values()]
    return rng.choices(names, values)[0]


def _seniority(years: float, title: str) -> str:
    if title in ("Head of Data",):
        return "Director or above" if years > 10 else "Manager"
    if title == "Team Lead":
        return "Manager"
    if years < 1:
        return "Student or intern" if years < 0.75 else "Junior"
    return "Junior" if years < 3 else "Mid-level" if years < 6 else "Senior" if years < 12 else "Lead or principal"


def _managed(rng: random.Random, title: str, years: float) -> str:
    if title in ("Team Lead", "Head of Data"):
        return rng.choice(MANAGED[1:] if title == "Team Lead" else MANAGED[2:])
    if years > 7 and rng.random() < 0.25:
        return rng.choice(MANAGED[1:3])
    return "None"


def _salary_text(rng: random.Random, salary: int) -> str:
    """The free-text salary as people type it: 52000, 52.000, 52000 kr., 52 000."""
    style = rng.random()
    if style < 0.6:
        return str(salary)
    if style < 0.8:
        return f"{salary:,}".replace(",", ".")
    if style < 0.9:
        return f"{salary} kr."
    return f"{salary:,}".replace(",", " ")


def respondents(year: int, count: int, seed: int) -> Iterator[dict[str, str]]:
    """`count` synthetic answers for `year` (question key -> the cell's text, plus "salary" and "consent")."""
    rng = random.Random(f"{seed}-{year}")  # noqa: S311 - demo data, not a secret
    inflation = 1.035 ** (year - 2023)
    for _number in range(count):
        title = _pick(rng, TITLES)
        experience = _pick(rng, EXPERIENCE)
        years = YEARS_OF[experience]
        managed = _managed(rng, title, years)
        sector, region = _pick(rng, SECTORS), _pick(rng, REGIONS)
        level = 36_000 * inflation * TITLES[title][1] * SECTORS[sector][1] * REGIONS[region][1]
        level *= 1 + 0.55 * math.log1p(years) / math.log1p(17)
        level *= 1 + 0.06 * MANAGED.index(managed)
        # Log-normal noise and a few bonus-heavy jobs: skewed to the right, as salaries are.
        salary = level * math.exp(rng.gauss(0, 0.16)) * (1.35 if rng.random() < 0.04 else 1)
        salary = int(round(salary / 500) * 500)
        yield {
            "consent": "Yes" if rng.random() > 0.004 else "No",
            "job_title": title,
            "seniority": _seniority(years, title),
            "experience": experience,
            "people_managed": managed,
            "education": _pick(rng, EDUCATION),
            "sector": sector,
            "industry": rng.choices(INDUSTRIES, INDUSTRY_WEIGHTS)[0],
            "region": region,
            "company_size": rng.choice(SIZES),
            "remote_days": str(rng.choice([0, 1, 1, 2, 2, 2, 3, 5])),
            "tools": ";".join(tool for tool, share in TOOLS.items() if rng.random() < share),
            "salary": _salary_text(rng, salary),
        }


def write_survey(
    out: TextIO, year: int, count: int, *, seed: int = 2026, delimiter: str = ",", catalogue: Catalogue | None = None
) -> None:
    """Write a Google Forms-like export: a Timestamp column, the questions' English wording as headers."""
    catalogue = catalogue or load_catalogue()
    headers = {key: catalogue.questions[key].text_en for key in QUESTION_ORDER}
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(["Timestamp", catalogue.consent_wording, *headers.values(), catalogue.salary_wording])
    for number, answers in enumerate(respondents(year, count, seed)):
        stamp = f"{year}/03/{1 + number % 28:02d} {8 + number % 12}:{number % 60:02d}:00 AM GMT+1"
        writer.writerow([stamp, answers["consent"], *(answers[key] for key in headers), answers["salary"]])
