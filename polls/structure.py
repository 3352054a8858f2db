"""A poll's questionnaire by language-neutral keys (`Poll.structure`): built from a page's questions or from the
admin's formsets, and compared when voting has started and the questionnaire is locked."""

from dataclasses import dataclass

KIND_SINGLE, KIND_MULTIPLE, KIND_RANKED = "single", "multiple", "ranked"


@dataclass(frozen=True)
class QuestionShape:
    """One question as ballots see it: its key, kind, limit, whether blank/abstain is offered, and its choices'
    keys in the order they are shown."""

    key: str
    kind: str
    max_choices: int | None
    allow_abstain: bool
    choices: tuple[str, ...]

    def as_json(self) -> dict:
        return {
            "key": self.key,
            "kind": self.kind,
            "max_choices": self.max_choices,
            "allow_abstain": self.allow_abstain,
            "choices": list(self.choices),
        }

    @classmethod
    def from_json(cls, data: dict) -> "QuestionShape":
        return cls(
            key=data["key"],
            kind=data["kind"],
            max_choices=data.get("max_choices"),
            allow_abstain=bool(data.get("allow_abstain")),
            choices=tuple(data.get("choices", ())),
        )

    @property
    def most_choices(self) -> int:
        """How many choices one ballot may name: 1, the maximum of a multiple-choice question, or all (ranked)."""
        if self.kind == KIND_SINGLE:
            return 1
        if self.kind == KIND_MULTIPLE and self.max_choices:
            return min(self.max_choices, len(self.choices))
        return len(self.choices)


def shape(key, kind: str, max_choices: int | None, allow_abstain: bool, choice_keys) -> QuestionShape:
    return QuestionShape(
        key=str(key),
        kind=kind,
        # Only a multiple-choice question has a limit of its own; a leftover value in another kind means nothing.
        max_choices=max_choices if kind == KIND_MULTIPLE else None,
        allow_abstain=bool(allow_abstain),
        choices=tuple(str(choice_key) for choice_key in choice_keys),
    )


def shape_of_questions(questions) -> list[QuestionShape]:
    """The shapes of saved (or in-memory, for previews) PollQuestion objects with their choices, in order."""
    return [
        shape(
            question.translation_key,
            question.kind,
            question.max_choices,
            question.allow_abstain,
            [choice.translation_key for choice in question.choices.all()],
        )
        for question in questions
    ]


def load(structure: list) -> list[QuestionShape]:
    return [QuestionShape.from_json(item) for item in structure or []]


def dump(shapes: list[QuestionShape]) -> list[dict]:
    return [question.as_json() for question in shapes]
