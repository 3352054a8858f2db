"""The ballot: every question of a poll on one form, read into the answers `polls.services.cast_ballot` takes.

The form only turns what the browser sent into answers (and refuses values that are not on the form); whether
the answers are valid is the service's rule (polls.services.voting), whose messages the form shows per question.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from polls.services import Answer, BallotError, answer_problems, ranking_from_ranks
from polls.structure import KIND_MULTIPLE, KIND_RANKED, QuestionShape

ABSTAIN = "abstain"
ABSTAIN_LABEL = _("Blank / abstain")
UNKNOWN_CHOICE = BallotError.MESSAGES["unknown_choice"]


class BallotQuestion:
    """One question as the template lays it out: its text, kind, fields and the errors about it."""

    def __init__(self, form: "BallotForm", shape: QuestionShape, text: str, choice_texts: dict[str, str]):
        self.form = form
        self.shape = shape
        self.key = shape.key
        self.kind = shape.kind
        self.text = text
        self.choice_texts = choice_texts
        self.errors: list[str] = []

    @property
    def field(self):
        return self.form[f"q-{self.key}"] if self.kind != KIND_RANKED else None

    @property
    def rank_fields(self) -> list:
        if self.kind != KIND_RANKED:
            return []
        return [(self.choice_texts.get(key, "—"), self.form[f"q-{self.key}-rank-{key}"]) for key in self.shape.choices]

    @property
    def abstain_field(self):
        return self.form[f"q-{self.key}-abstain"] if self.kind == KIND_RANKED and self.shape.allow_abstain else None

    @property
    def limit(self) -> int:
        return self.shape.most_choices


class BallotForm(forms.Form):
    """Fields per question: a radio group (single choice), checkboxes (multiple choice), or a rank select per
    choice and a blank checkbox (ranked choice). Field names carry the language-neutral keys, so the same
    ballot comes from any language version of the page."""

    def __init__(self, shapes: list[QuestionShape], texts: dict[str, str], *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = []
        self.answers: dict[str, Answer] = {}
        for shape in shapes:
            choice_texts = {key: texts.get(key, "—") for key in shape.choices}
            self.questions.append(BallotQuestion(self, shape, texts.get(shape.key, "—"), choice_texts))
            self._add_fields(shape, choice_texts)

    def _add_fields(self, shape: QuestionShape, choice_texts: dict[str, str]) -> None:
        name = f"q-{shape.key}"
        options = list(choice_texts.items())
        if shape.kind == KIND_RANKED:
            ranks = [("", _("Rank…"))] + [(str(number), str(number)) for number in range(1, len(options) + 1)]
            for key, _text in options:
                self.fields[f"{name}-rank-{key}"] = forms.TypedChoiceField(
                    choices=ranks,
                    coerce=int,
                    required=False,
                    empty_value=None,
                    error_messages={"invalid_choice": _("Choose a rank from the list.")},
                )
            if shape.allow_abstain:
                self.fields[f"{name}-abstain"] = forms.BooleanField(required=False, label=ABSTAIN_LABEL)
            return
        if shape.allow_abstain:
            options.append((ABSTAIN, ABSTAIN_LABEL))
        field_class, widget = (
            (forms.MultipleChoiceField, forms.CheckboxSelectMultiple)
            if shape.kind == KIND_MULTIPLE
            else (forms.ChoiceField, forms.RadioSelect)
        )
        self.fields[name] = field_class(
            choices=options,
            widget=widget(attrs={"class": "form-check-input"}),
            required=False,
            error_messages={"invalid_choice": UNKNOWN_CHOICE},
        )

    def _answer(self, question: BallotQuestion) -> Answer | None:
        """The question's answer as the form has it (None when nothing was given)."""
        data, name = self.cleaned_data, f"q-{question.key}"
        if question.kind == KIND_RANKED:
            ranks = {
                key: data[f"{name}-rank-{key}"] for key in question.shape.choices if data.get(f"{name}-rank-{key}")
            }
            if data.get(f"{name}-abstain"):
                return Answer(choices=tuple(ranks), abstained=True)
            return Answer(choices=ranking_from_ranks(question.shape, ranks)) if ranks else None
        value = data.get(name)
        values = list(value) if isinstance(value, list) else [value] if value else []
        return Answer(choices=tuple(v for v in values if v != ABSTAIN), abstained=ABSTAIN in values)

    def _field_errors(self, question: BallotQuestion) -> list[str]:
        """What the fields of `question` refused (a value that is not on the form), each message once."""
        prefix = f"q-{question.key}"
        messages = []
        for name, errors in self.errors.items():
            if name == prefix or name.startswith(prefix + "-"):
                messages += [str(message) for message in errors if str(message) not in messages]
        return messages

    def clean(self):
        cleaned = super().clean()
        answers = {}
        for question in self.questions:
            question.errors = self._field_errors(question)
            if question.errors:
                continue
            try:
                answer = self._answer(question)
            except BallotError as error:
                question.errors.append(error.message)
                continue
            if answer is not None:
                answers[question.key] = answer
        by_key = {question.key: question for question in self.questions}
        checked = [question.shape for question in self.questions if not question.errors]
        for problem in answer_problems(checked, answers):
            by_key[problem.question].errors.append(problem.message)
        if any(question.errors for question in self.questions):
            raise forms.ValidationError(_("Some answers need your attention; see the questions marked below."))
        self.answers = answers
        return cleaned
