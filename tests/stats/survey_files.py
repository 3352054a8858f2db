"""Survey exports and survey data for the stats tests: CSV files shaped like the survey tool's, made from rows
of answers by question key, and imported through the real importer."""

import csv
import io

from stats.services.catalogue import load_catalogue
from stats.services.importer import import_survey

CATALOGUE = load_catalogue()
CONSENT = CATALOGUE.consent_wording
SALARY = CATALOGUE.salary_wording


def header_of(key: str) -> str:
    return CATALOGUE.questions[key].text_en


def export(rows: list[dict], *, keys=None, delimiter=",", bom=False, line_end="\r\n", extra_headers=()) -> bytes:
    """A survey export: Timestamp, consent, the questions `keys` (default: those the rows answer), salary.
    Each row is {question key: text, "salary": text, optionally "consent": text}."""
    keys = keys or sorted({key for row in rows for key in row} - {"salary", "consent"})
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator=line_end)
    writer.writerow(["Timestamp", CONSENT, *(header_of(k) for k in keys), *extra_headers, SALARY])
    for number, row in enumerate(rows):
        cells = [row.get(k, "") for k in keys] + ["x"] * len(extra_headers)
        writer.writerow([f"2025/03/01 10:{number % 60:02d}:00", row.get("consent", "Yes"), *cells, row["salary"]])
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def run_import(data: bytes, year: int = 2025, **options):
    return import_survey(io.BytesIO(data), year, **options)


def people(title: str, salaries, **answers) -> list[dict]:
    """One row per salary, all with job title `title` and the same other answers."""
    return [{"job_title": title, "salary": str(salary), **answers} for salary in salaries]
