"""The poll page's admin form: the questionnaire must make sense, and once voting has started it is locked.

Wagtail validates each question and choice on its own; what needs the whole questionnaire (enough choices, a
limit that fits, nothing added, removed, reordered or changed in kind after the first ballot) is checked here,
so the editor sees why in the form instead of a ballot being counted against a question that changed.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from polls.structure import KIND_MULTIPLE, KIND_RANKED, QuestionShape, load, shape

LOCKED_MESSAGE = _(
    "Voting has started, so questions and choices can no longer be added, removed or reordered, and a question's "
    "kind, its limit and its blank option cannot change: ballots already cast are counted against them. You can "
    "still correct the texts and translate them."
)
LOCKED_RULE_MESSAGE = _("Voting has started, so this can no longer change: ballots already cast were cast under it.")


def _ordered_forms(formset) -> list | None:
    """The formset's forms that are kept, in the order the editor put them; None when the formset is invalid
    (its own errors are shown, and the questionnaire cannot be judged as a whole)."""
    if formset is None or not formset.is_valid():
        return None
    return list(formset.ordered_forms)


class PollPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned = super().clean()
        question_forms = _ordered_forms(self.formsets.get("questions"))
        if question_forms is None:
            return cleaned
        shapes = []
        for form in question_forms:
            choice_forms = _ordered_forms(form.formsets.get("choices"))
            if choice_forms is None:
                return cleaned
            self._check_question(form, choice_forms)
            shapes.append(
                shape(
                    form.instance.translation_key,
                    form.cleaned_data.get("kind"),
                    form.cleaned_data.get("max_choices"),
                    form.cleaned_data.get("allow_abstain"),
                    [choice_form.instance.translation_key for choice_form in choice_forms],
                )
            )
        poll = self.instance.poll if self.instance.poll_id else None
        if poll is not None and poll.locked:
            self._check_lock(poll, shapes, cleaned)
        return cleaned

    def _check_question(self, form, choice_forms) -> None:
        # (At least two choices: the choices panel's min_num.)
        kind = form.cleaned_data.get("kind")
        limit = form.cleaned_data.get("max_choices")
        if kind == KIND_MULTIPLE and limit and limit > len(choice_forms):
            form.add_error("max_choices", _("The limit cannot be more than the number of choices."))
        if kind == KIND_RANKED and form.cleaned_data.get("max_choices"):
            form.add_error("max_choices", _("A ranked question has every choice ranked; leave the limit empty."))

    def _check_lock(self, poll, shapes: list[QuestionShape], cleaned: dict) -> None:
        if shapes != load(poll.structure):
            self.add_error(None, LOCKED_MESSAGE)
        for name in ("secret", "eligibility"):
            if name in cleaned and cleaned[name] != getattr(poll, name):
                self.add_error(name, LOCKED_RULE_MESSAGE)
