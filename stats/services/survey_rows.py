"""Reading one row of a survey export: what each column is, parsing the salary and the answers, and the reason a
row is rejected (the importer, stats.services.importer, streams the rows through these)."""

import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from stats.models import Choice, Question
from stats.services.catalogue import Catalogue

MAX_ANSWER_LENGTH = 200
MAX_NUMBER = 1_000_000
# New answers listed per question in a report (a free-text column could otherwise fill it).
MAX_NEW_LISTED = 50

ROW_MESSAGES = {
    "wrong_columns": _("The row has %(found)s columns; the header has %(expected)s."),
    "no_consent": _("Consent was not given."),
    "salary_missing": _("No salary."),
    "salary_not_whole": _("The salary “%(value)s” is not a whole number of kroner."),
    "salary_out_of_range": _(
        "The salary %(value)s is outside the plausible range %(low)s to %(high)s kroner a month."
    ),
    "required_missing": _("No answer to “%(question)s”."),
    "unknown_answer": _("“%(value)s” is not one of the answers to “%(question)s”."),
    "answer_too_long": _("An answer to “%(question)s” is longer than 200 characters."),
    "not_a_number": _("“%(value)s” is not a number (question “%(question)s”)."),
}


@dataclass(frozen=True)
class RejectedRow:
    line: int
    code: str
    params: dict

    @property
    def message(self) -> str:
        return str(ROW_MESSAGES[self.code]) % self.params


@dataclass
class Column:
    index: int
    header: str
    role: str  # "salary", "consent", "drop", "question"
    question: Question | None = None


@dataclass
class Parsed:
    salary: int
    answers: list[tuple[int, int | None, float | None]]  # (question id, choice id, number)


_WHOLE = re.compile(r"\d+")
_GROUPED = re.compile(r"\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*")
_CURRENCY = re.compile(r"^(?:dkk|kr\.?)|(?:dkk|kr\.?|,-)$", re.IGNORECASE)


def parse_salary(text: str) -> int | None:
    """Kroner a month from the survey's free-text answer: "52000", "52.000", "52,000 kr.", "DKK 52 000", "52.000,-".
    None when it is not a whole number (decimals, words, a range)."""
    cleaned = text.strip()
    for _round in range(2):
        cleaned = _CURRENCY.sub("", cleaned).strip()
    cleaned = re.sub(r"[\s\u00a0\u202f']", "", cleaned)
    if _WHOLE.fullmatch(cleaned):
        return int(cleaned)
    if _GROUPED.fullmatch(cleaned):
        return int(re.sub(r"[.,]", "", cleaned))
    return None


def parse_number(text: str) -> float | None:
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return value if 0 <= value <= MAX_NUMBER else None


class Choices:
    """Answer options by their text (any case). Declared options of a question not yet in the database get
    stand-in ids in a dry run; an open question's new answers are created (or, in a dry run, only listed)."""

    def __init__(self, columns: list[Column], catalogue: Catalogue, new_answers: dict[str, list[str]], dry_run: bool):
        self.new_answers, self.dry_run = new_answers, dry_run
        self.by_question: dict[str, dict[str, int]] = {}
        self.next_position: dict[str, int] = {}
        stand_in = itertools.count(-1, -1)
        for column in columns:
            question = column.question
            if question is None or not question.is_choice:
                continue
            known = {}
            if question.pk:
                for pk, value in question.choices.values_list("pk", "value"):
                    known[value.casefold()] = pk
            spec = catalogue.questions.get(question.key)
            for entry in spec.choices if spec else []:
                known.setdefault(entry["value"].casefold(), next(stand_in))
            self.by_question[question.key] = known
            self.next_position[question.key] = len(known) + 1

    def lookup(self, question: Question, value: str) -> int | None:
        known = self.by_question[question.key]
        found = known.get(value.casefold())
        if found is not None or question.closed:
            return found
        new_answers = self.new_answers.setdefault(question.key, [])
        if len(new_answers) < MAX_NEW_LISTED:
            new_answers.append(value)
        if self.dry_run:
            known[value.casefold()] = 0
            return 0
        position = self.next_position[question.key]
        self.next_position[question.key] += 1
        choice = Choice.objects.create(question=question, value=value, position=position)
        known[value.casefold()] = choice.pk
        return choice.pk


def read_rows(reader, columns: list[Column], catalogue: Catalogue, choices: Choices) -> Iterator[tuple[int, object]]:
    """(line number, Parsed or RejectedRow) for every data row; blank lines are skipped."""
    expected = len(columns)
    low, high = catalogue.salary_range
    line = reader.line_num
    for cells in reader:
        start, line = line + 1, reader.line_num
        if not any(cell.strip() for cell in cells):
            continue
        if len(cells) != expected:
            yield start, RejectedRow(start, "wrong_columns", {"found": len(cells), "expected": expected})
            continue
        yield start, _parse_row(start, cells, columns, catalogue, choices, low, high)


def _parse_row(line, cells, columns, catalogue, choices, low, high) -> "Parsed | RejectedRow":
    # Without consent nothing else of the row is read.
    consent = next(c for c in columns if c.role == "consent")
    if cells[consent.index].strip().casefold() not in catalogue.consent_accept:
        return RejectedRow(line, "no_consent", {})
    salary, answers = None, []
    for column in columns:
        value = cells[column.index].replace("\x00", "").strip()
        if column.role == "salary":
            if not value:
                return RejectedRow(line, "salary_missing", {})
            salary = parse_salary(value)
            if salary is None:
                return RejectedRow(line, "salary_not_whole", {"value": value[:40]})
            if not low <= salary <= high:
                return RejectedRow(line, "salary_out_of_range", {"value": salary, "low": low, "high": high})
        elif column.role == "question":
            rejected = _answers(line, value, column, choices, answers)
            if rejected:
                return rejected
    return Parsed(salary=salary, answers=answers)


def _answers(line, value, column, choices, answers) -> RejectedRow | None:
    question = column.question
    about = {"question": column.header.strip()[:120]}
    if question.kind == Question.Kind.MULTIPLE:
        values = list(dict.fromkeys(part.strip() for part in value.split(";") if part.strip()))
    else:
        values = [value] if value else []
    if not values:
        return RejectedRow(line, "required_missing", about) if question.required else None
    for item in values:
        if len(item) > MAX_ANSWER_LENGTH:
            return RejectedRow(line, "answer_too_long", about)
        if question.kind == Question.Kind.NUMBER:
            number = parse_number(item)
            if number is None:
                return RejectedRow(line, "not_a_number", {**about, "value": item[:40]})
            answers.append((question, None, number))
            continue
        choice = choices.lookup(question, item)
        if choice is None:
            return RejectedRow(line, "unknown_answer", {**about, "value": item[:40]})
        answers.append((question, choice, None))
    return None
