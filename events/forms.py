"""The event page's admin form: the page's own fields, plus the settings of its language-neutral Event (seats,
sign-up window, members only, waiting list, terms), which every language version shows and shares."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.snippets.widgets import AdminSnippetChooser

from events.models.event import SETTINGS_FIELDS, Event
from events.models.terms import RegistrationTerms

_event_fields = forms.fields_for_model(Event, fields=[name for name in SETTINGS_FIELDS if name != "terms"])


class EventPageForm(WagtailAdminPageForm):
    capacity = _event_fields["capacity"]
    registration_opens = _event_fields["registration_opens"]
    registration_closes = _event_fields["registration_closes"]
    members_only = _event_fields["members_only"]
    waiting_list = _event_fields["waiting_list"]
    terms = forms.ModelChoiceField(
        queryset=RegistrationTerms.objects.all(),
        required=False,
        label=_("registration terms"),
        widget=AdminSnippetChooser(RegistrationTerms),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        event = self.instance.event if self.instance.event_id else None
        if event is not None and not self.is_bound:
            for name in SETTINGS_FIELDS:
                self.initial[name] = getattr(event, name + "_id" if name == "terms" else name)
        elif event is None and not self.is_bound:
            self.initial.setdefault("waiting_list", True)

    def clean(self):
        cleaned = super().clean()
        opens, closes = cleaned.get("registration_opens"), cleaned.get("registration_closes")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes", _("Registration must close after it opens."))
        return cleaned

    def save(self, commit=True):
        page = super().save(commit=commit)
        # Applied to the Event when the page's revision is saved (EventPage.save_revision), never on a preview.
        page.event_settings = {name: self.cleaned_data.get(name) for name in SETTINGS_FIELDS}
        return page


def apply_event_settings(page) -> None:
    """Write the settings the page form collected to the page's Event (shared by every language version)."""
    values = getattr(page, "event_settings", None)
    if values is None:
        return
    Event.objects.filter(pk=page.event_id).update(**values)
    del page.event_settings
