"""The salary page's filters: years, one or two questions to compare by, and the order of the groups. They live
in the URL, so a table can be shared as a link."""

from django import forms
from django.utils.translation import gettext_lazy as _

from stats.models import Question, SurveyYear
from stats.services.salary_tables import ORDER_ANSWERS, ORDER_MEDIAN

DEFAULT_QUESTION = "job_title"


class SalaryFilterForm(forms.Form):
    year = forms.MultipleChoiceField(
        label=_("Survey years"),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )
    by = forms.ChoiceField(label=_("Compare by"), required=False)
    then = forms.ChoiceField(label=_("and by"), required=False)
    order = forms.ChoiceField(
        label=_("Order groups"),
        required=False,
        choices=[
            ("", _("Automatic")),
            (ORDER_MEDIAN, _("By median salary")),
            (ORDER_ANSWERS, _("In the survey's order")),
        ],
    )

    def __init__(self, data, *, years: list[SurveyYear], questions: list[Question]):
        super().__init__(data)
        self.years = {str(year.year): year for year in years}
        self.questions = {question.key: question for question in questions}
        self.fields["year"].choices = [(key, key) for key in self.years]
        self.fields["by"].choices = [(q.key, q.short_name) for q in questions]
        self.fields["then"].choices = [("", _("(nothing more)")), *self.fields["by"].choices]

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        chosen = dict.fromkeys(data.get("year") or [])  # a year named twice in the URL counts once
        data["years"] = [self.years[key] for key in chosen] or list(self.years.values())[:1]
        by = data.get("by") or (DEFAULT_QUESTION if DEFAULT_QUESTION in self.questions else next(iter(self.questions)))
        data["by_question"] = self.questions[by]
        then = data.get("then")
        if then == by:
            raise forms.ValidationError(_("Pick two different questions to compare by."), code="same_question")
        data["then_question"] = self.questions[then] if then else None
        data["order"] = data.get("order") or (ORDER_ANSWERS if data["by_question"].ordinal else ORDER_MEDIAN)
        return data
