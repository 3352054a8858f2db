"""The calculator's form: one choice per input of the fitted model, offering only the answers it was fitted on."""

from django import forms
from django.utils.translation import gettext_lazy as _

from stats.models import Choice

LABELS = {
    "job_title": _("Job title"),
    "experience": _("Years of experience"),
    "people_managed": _("People you manage"),
    "sector": _("Sector"),
    "region": _("Region"),
}


class CalculatorForm(forms.Form):
    def __init__(self, data, *, inputs: dict[str, list[Choice]]):
        super().__init__(data)
        for key, choices in inputs.items():
            self.fields[key] = forms.TypedChoiceField(
                label=LABELS.get(key, key),
                choices=[("", "—"), *((str(choice.pk), choice.label) for choice in choices)],
                coerce=int,
            )
