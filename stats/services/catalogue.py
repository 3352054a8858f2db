"""Which column of a survey export is which question: the question catalogue (stats/questions.toml), mapping
files and admin mappings for new wordings, and the questions, wordings and answer options they put in the
database."""

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from django.db.models import Max
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from home.errors import DomainError
from stats.models import Choice, Question, SurveyYear, YearQuestion

CATALOGUE_PATH = Path(__file__).resolve().parent.parent / "questions.toml"
IGNORE = "ignore"
NEW_PREFIX = "new:"


class MappingError(DomainError):
    MESSAGES = {
        "unreadable": _("The mapping file is not valid TOML."),
        "bad_mapping": _("The mapping file names a question that does not exist or has no valid kind."),
    }


def normalise(header: str) -> str:
    """Headers match whatever the spacing and case: exports differ in trailing spaces and line breaks."""
    return re.sub(r"\s+", " ", header.replace("\x00", "")).strip().casefold()


@dataclass
class QuestionSpec:
    key: str
    kind: str
    text_en: str
    text_da: str = ""
    short_en: str = ""
    short_da: str = ""
    ordinal: bool = False
    closed: bool = False
    required: bool = False
    position: int = 0
    choices: list[dict] = field(default_factory=list)


@dataclass
class Catalogue:
    """The known questions and how to recognise their columns."""

    questions: dict[str, QuestionSpec]
    headers: dict[str, str]  # normalised header -> question key, or IGNORE
    salary_headers: set[str]
    salary_text_da: str
    salary_range: tuple[int, int]
    consent_headers: set[str]
    consent_accept: set[str]
    drop: set[str]
    salary_wording: str = ""  # the current wording of the salary and consent questions, as written
    consent_wording: str = ""

    def with_mapping(self, mapping: "Mapping") -> "Catalogue":
        questions = {**self.questions, **{spec.key: spec for spec in mapping.questions}}
        headers = {**self.headers, **mapping.columns}
        for spec in mapping.questions:
            headers.setdefault(normalise(spec.text_en), spec.key)
        return Catalogue(
            questions,
            headers,
            self.salary_headers,
            self.salary_text_da,
            self.salary_range,
            self.consent_headers,
            self.consent_accept,
            self.drop,
            self.salary_wording,
            self.consent_wording,
        )


@dataclass
class Mapping:
    """Columns the catalogue does not know: header -> an existing question's key or IGNORE, and new questions."""

    columns: dict[str, str] = field(default_factory=dict)
    questions: list[QuestionSpec] = field(default_factory=list)


def _spec(entry: dict, position: int) -> QuestionSpec:
    headers = entry.get("headers") or [entry.get("header", "")]
    kind = entry.get("kind", Question.Kind.SINGLE)
    if kind not in Question.Kind.values or not entry.get("key"):
        raise MappingError("bad_mapping")
    return QuestionSpec(
        key=slugify(entry["key"])[:60],
        kind=kind,
        text_en=headers[0],
        text_da=entry.get("da", ""),
        short_en=entry.get("short", "") or headers[0][:80],
        short_da=entry.get("short_da", ""),
        ordinal=bool(entry.get("ordinal", False)),
        closed=bool(entry.get("closed", False)),
        required=bool(entry.get("required", False)),
        position=position,
        choices=list(entry.get("choices", [])),
    )


def load_catalogue(path: Path = CATALOGUE_PATH) -> Catalogue:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    questions, headers = {}, {}
    for position, entry in enumerate(data.get("questions", []), start=1):
        spec = _spec(entry, position)
        questions[spec.key] = spec
        for header in entry.get("headers", []):
            headers[normalise(header)] = spec.key
    salary, consent = data["salary"], data["consent"]
    return Catalogue(
        questions=questions,
        headers=headers,
        salary_headers={normalise(h) for h in salary["headers"]},
        salary_text_da=salary.get("da", ""),
        salary_range=(int(salary["min"]), int(salary["max"])),
        consent_headers={normalise(h) for h in consent["headers"]},
        consent_accept={value.casefold() for value in consent["accept"]},
        drop={normalise(h) for h in data.get("drop", [])},
        salary_wording=salary["headers"][0],
        consent_wording=consent["headers"][0],
    )


def read_mapping(source: IO[bytes]) -> Mapping:
    """A mapping file (TOML): `[columns]` maps headers to a question key or "ignore"; `[[questions]]` declares
    new questions in the catalogue's own shape."""
    try:
        data = tomllib.loads(source.read().decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise MappingError("unreadable") from error
    columns = {normalise(header): str(target) for header, target in data.get("columns", {}).items()}
    start = 1000 + (Question.objects.aggregate(top=Max("position"))["top"] or 0)
    questions = [_spec(entry, start + n) for n, entry in enumerate(data.get("questions", []))]
    return Mapping(columns=columns, questions=questions)


def mapping_from_choices(choices: dict[str, str]) -> Mapping:
    """The admin's answers for unknown headers: header -> an existing key, IGNORE, or "new:<kind>"."""
    mapping = Mapping()
    start = 1000 + (Question.objects.aggregate(top=Max("position"))["top"] or 0)
    for number, (header, target) in enumerate(choices.items()):
        if target.startswith(NEW_PREFIX):
            key = _free_key(header)
            kind = target.removeprefix(NEW_PREFIX)
            if kind not in Question.Kind.values:
                raise MappingError("bad_mapping")
            mapping.questions.append(
                QuestionSpec(key=key, kind=kind, text_en=header, short_en=header[:80], position=start + number)
            )
            mapping.columns[normalise(header)] = key
        else:
            mapping.columns[normalise(header)] = target
    return mapping


def _free_key(header: str) -> str:
    base = slugify(header)[:50] or "question"
    key, number = base, 2
    while Question.objects.filter(key=key).exists():
        key, number = f"{base}-{number}", number + 1
    return key


def known_headers() -> dict[str, str]:
    """Wordings of earlier years, so an export with last year's headers needs no mapping."""
    return {normalise(text): key for text, key in YearQuestion.objects.values_list("text_en", "question__key")}


def existing_keys() -> set[str]:
    return set(Question.objects.values_list("key", flat=True))


def ensure_question(spec: QuestionSpec) -> Question:
    """The question with `spec.key`, made from the spec if new. An existing question keeps what staff edited
    (wording, Danish translations); declared answer options it lacks are added."""
    question, _created = Question.objects.get_or_create(
        key=spec.key,
        defaults={
            "kind": spec.kind,
            "ordinal": spec.ordinal,
            "closed": spec.closed,
            "required": spec.required,
            "position": spec.position,
            "text_en": spec.text_en,
            "text_da": spec.text_da,
            "short_en": spec.short_en or spec.text_en[:80],
            "short_da": spec.short_da,
        },
    )
    have = set(question.choices.values_list("value", flat=True))
    new = [
        Choice(
            question=question,
            value=entry["value"],
            label_da=entry.get("da", ""),
            position=position,
            number=entry.get("number"),
        )
        for position, entry in enumerate(spec.choices, start=1)
        if entry["value"] not in have
    ]
    Choice.objects.bulk_create(new)
    return question


def record_wording(year: SurveyYear, question: Question, header: str) -> None:
    """How `question` was worded in `year`: the export's header, and the question's Danish wording."""
    wording, created = YearQuestion.objects.get_or_create(
        year=year, question=question, defaults={"text_en": header.strip(), "text_da": question.text_da}
    )
    if not created and wording.text_en != header.strip():
        wording.text_en, wording.text_da = header.strip(), question.text_da
        wording.save(update_fields=["text_en", "text_da"])
