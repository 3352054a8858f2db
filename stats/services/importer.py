"""Importing a year of the salary survey from the survey tool's CSV export: reading it as a stream, checking
every row, and replacing the year's answers in one transaction (`import_survey`)."""

import csv
import io
import itertools
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import IO

from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.errors import DomainError
from stats.models import Answer, Question, Response, SurveyYear
from stats.models.survey import delete_answers_of
from stats.services.catalogue import (
    IGNORE,
    Catalogue,
    Mapping,
    ensure_question,
    known_headers,
    load_catalogue,
    normalise,
    record_wording,
)
from stats.services.survey_rows import (
    Choices,
    Column,
    Parsed,
    RejectedRow,
    read_rows,
)

YEARS = range(2000, 2101)
BATCH_SIZE = 2000
# A report lists this many rejected rows; the rest are only counted (a broken 200,000-row file must not fill
# the memory with reasons).
MAX_REPORTED = 500
csv.field_size_limit(64 * 1024)


class SurveyImportError(DomainError):
    """The file as a whole cannot be imported; nothing was written."""

    MESSAGES = {
        "bad_year": _("The year must be between 2000 and 2100."),
        "empty_file": _("The file is empty."),
        "not_utf8": _("The file is not UTF-8 text. Export it again as CSV (UTF-8)."),
        "malformed_csv": _("The file is not a readable CSV file."),
        "unknown_headers": _("Some columns are not known questions. Map them to a question, or ignore them."),
        "duplicate_headers": _("Two columns have the same header."),
        "no_salary_column": _("No column holds the salary question."),
        "no_consent_column": _("No column holds the consent question."),
        "no_valid_rows": _("No row could be imported, so the year was left as it was."),
    }

    def __init__(self, code: str, headers: list[str] | None = None, line: int | None = None):
        super().__init__(code)
        self.headers = headers or []
        self.line = line


@dataclass
class ImportReport:
    year: int
    delimiter: str = ","
    rows: int = 0
    imported: int = 0
    rejected: list[RejectedRow] = field(default_factory=list)
    rejected_count: int = 0
    columns: list[tuple[str, str]] = field(default_factory=list)  # (header, question key / "salary" / ...)
    new_answers: dict[str, list[str]] = field(default_factory=dict)  # question key -> answers not seen before
    replaced: int = 0
    dry_run: bool = False

    def reject(self, row: RejectedRow) -> None:
        self.rejected_count += 1
        if len(self.rejected) < MAX_REPORTED:
            self.rejected.append(row)


def import_survey(
    source: IO[bytes],
    year: int,
    *,
    mapping: Mapping | None = None,
    dry_run: bool = False,
    progress: Callable[[int], None] | None = None,
    catalogue: Catalogue | None = None,
) -> ImportReport:
    """Read a survey export (CSV, comma or semicolon, UTF-8 with or without BOM, any line ends) and replace
    `year`'s responses with its valid rows, in one transaction. Rows that break a rule are left out and listed
    in the report with their line number and reason. `dry_run` checks everything and writes nothing.
    `progress` is called with the bytes read so far after each batch. Raises SurveyImportError when the file
    as a whole is unusable; the year's earlier answers then stay as they were."""
    if year not in YEARS:
        raise SurveyImportError("bad_year")
    catalogue = catalogue or load_catalogue()
    if mapping:
        catalogue = catalogue.with_mapping(mapping)
    report = ImportReport(year=year, dry_run=dry_run)
    text = io.TextIOWrapper(source, encoding="utf-8-sig", newline="")
    try:
        first = text.readline()
        if not first.strip():
            raise SurveyImportError("empty_file")
        report.delimiter = _delimiter(first)
        reader = csv.reader(itertools.chain([first], text), delimiter=report.delimiter)
        header = next(reader)
        columns = _plan(header, catalogue)
        report.columns = [(c.header, c.question.key if c.question else c.role) for c in columns]
        if dry_run:
            _check(reader, columns, catalogue, report, progress, source)
        else:
            _import(reader, columns, catalogue, report, progress, source, year)
    except UnicodeDecodeError as error:
        raise SurveyImportError("not_utf8") from error
    except csv.Error as error:
        raise SurveyImportError("malformed_csv", line=getattr(reader, "line_num", None)) from error
    finally:
        text.detach()
    return report


def _delimiter(first_line: str) -> str:
    """Comma or semicolon, whichever splits the header into more columns (quoted headers may hold either)."""
    counts = {d: len(next(csv.reader([first_line], delimiter=d), [])) for d in (",", ";")}
    return ";" if counts[";"] > counts[","] else ","


def _plan(header: list[str], catalogue: Catalogue) -> list[Column]:
    """What each column is. Questions are looked up (not created) here, so a dry run writes nothing."""
    names = [normalise(h) for h in header]
    if len({n for n in names if n}) != len([n for n in names if n]):
        raise SurveyImportError("duplicate_headers")
    earlier = known_headers()
    existing = {q.key: q for q in Question.objects.all()}
    columns, unknown = [], []
    for index, (raw, name) in enumerate(zip(header, names, strict=True)):
        if not name or name in catalogue.drop:
            columns.append(Column(index, raw, "drop"))
        elif name in catalogue.salary_headers:
            columns.append(Column(index, raw, "salary"))
        elif name in catalogue.consent_headers:
            columns.append(Column(index, raw, "consent"))
        else:
            key = catalogue.headers.get(name) or earlier.get(name)
            if key == IGNORE:
                columns.append(Column(index, raw, "drop"))
            elif key and (key in catalogue.questions or key in existing):
                question = existing.get(key) or _unsaved(catalogue.questions[key])
                columns.append(Column(index, raw, "question", question))
            else:
                unknown.append(raw.strip())
    if unknown:
        raise SurveyImportError("unknown_headers", headers=unknown)
    roles = [c.role for c in columns]
    if "salary" not in roles:
        raise SurveyImportError("no_salary_column")
    if "consent" not in roles:
        raise SurveyImportError("no_consent_column")
    return columns


def _unsaved(spec) -> Question:
    return Question(key=spec.key, kind=spec.kind, closed=spec.closed, required=spec.required, text_en=spec.text_en)


def _check(reader, columns, catalogue, report, progress, source) -> None:
    choices = Choices(columns, catalogue, report.new_answers, dry_run=True)
    for count, (_line, outcome) in enumerate(read_rows(reader, columns, catalogue, choices), start=1):
        report.rows += 1
        if isinstance(outcome, RejectedRow):
            report.reject(outcome)
        else:
            report.imported += 1
        if progress and count % BATCH_SIZE == 0:
            progress(_position(source))
    existing = SurveyYear.objects.filter(year=report.year).first()
    report.replaced = existing.response_count if existing else 0


def _import(reader, columns, catalogue, report, progress, source, year_number) -> None:
    with transaction.atomic():
        year, _created = SurveyYear.objects.select_for_update().get_or_create(
            year=year_number, defaults={"imported_at": timezone.now()}
        )
        report.replaced = year.response_count
        delete_answers_of(year)
        asked = []
        for column in columns:
            if column.role == "question":
                spec = catalogue.questions.get(column.question.key)
                column.question = ensure_question(spec) if spec else column.question
                record_wording(year, column.question, column.header)
                asked.append(column.question.pk)
            elif column.role == "salary":
                year.salary_text_en, year.salary_text_da = column.header.strip(), catalogue.salary_text_da
        year.questions.exclude(question__in=asked).delete()
        choices = Choices(columns, catalogue, report.new_answers, dry_run=False)
        batch: list[Parsed] = []
        for _line, outcome in read_rows(reader, columns, catalogue, choices):
            report.rows += 1
            if isinstance(outcome, RejectedRow):
                report.reject(outcome)
                continue
            batch.append(outcome)
            if len(batch) >= BATCH_SIZE:
                report.imported += _write(year, batch)
                batch = []
                if progress:
                    progress(_position(source))
        report.imported += _write(year, batch)
        if not report.imported:
            raise SurveyImportError("no_valid_rows")
        year.response_count = report.imported
        year.imported_at = timezone.now()
        year.save()
        if connection.vendor == "postgresql":
            transaction.on_commit(_vacuum)
        # The calculator of this year is refitted from the new answers; until then it has none.
        from home.publish import publish
        from stats.services.calculator import forget_model
        from stats.tasks import fit_salary_model

        forget_model(year)
        # Never blocks on the broker; a fit that was not handed over is left to the beat sweep.
        transaction.on_commit(lambda: publish(fit_salary_model, year.pk))


def _write(year: SurveyYear, batch: list[Parsed]) -> int:
    if not batch:
        return 0
    responses = Response.objects.bulk_create([Response(year=year, salary=row.salary) for row in batch])
    _insert_answers(
        [
            (response.pk, question.pk, choice, number, year.pk, row.salary)
            for response, row in zip(responses, batch, strict=True)
            for question, choice, number in row.answers
        ]
    )
    return len(batch)


def _insert_answers(rows: list[tuple]) -> None:
    """Answers as plain tuples, not model instances (a big year has millions, and they have no save() logic or
    signals): PostgreSQL takes them by COPY, other databases by a multi-row INSERT."""
    table = connection.ops.quote_name(Answer._meta.db_table)
    columns = "response_id, question_id, choice_id, number, year_id, salary"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # CSV without quotes: every value is a number, and an empty field is NULL.
            buffer = io.StringIO()
            for row in rows:
                buffer.write(",".join("" if value is None else str(value) for value in row))
                buffer.write("\n")
            buffer.seek(0)
            cursor.cursor.copy_expert(f"COPY {table} ({columns}) FROM STDIN WITH (FORMAT csv)", buffer)
        else:
            cursor.executemany(f"INSERT INTO {table} ({columns}) VALUES (%s, %s, %s, %s, %s, %s)", rows)  # noqa: S608 # nosec B608


def _vacuum() -> None:
    """After a big import on PostgreSQL: fresh planner statistics, and a visibility map so that the tables'
    percentiles are read from the index alone (VACUUM cannot run in a transaction, hence after the commit)."""
    if connection.in_atomic_block:
        return  # still inside a transaction (a test running the commit callbacks early): VACUUM would fail
    with connection.cursor() as cursor:
        for model in (Response, Answer):
            cursor.execute(f"VACUUM (ANALYZE) {connection.ops.quote_name(model._meta.db_table)}")


def _position(source) -> int:
    try:
        return source.tell()
    except (OSError, ValueError):
        return 0
