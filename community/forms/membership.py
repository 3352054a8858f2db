"""Forms of the membership pages: the application, and the member's own directory profile."""

import re

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from community.models import Member

DANISH_POSTAL_CODE = re.compile(r"^\d{4}$")
# A foreign postal code: letters, digits, spaces and hyphens, as most countries write them.
FOREIGN_POSTAL_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$")


class ApplicationForm(forms.Form):
    """The application. A postal code is Danish (four digits) unless the applicant ticks "outside Denmark", which
    allows any 2–10 letters, digits, spaces or hyphens."""

    street = forms.CharField(label=_("Street and number"), max_length=200)
    postal_code = forms.CharField(label=_("Postal code"), max_length=10)
    city = forms.CharField(label=_("City"), max_length=100)
    abroad = forms.BooleanField(label=_("My address is outside Denmark"), required=False)
    job_title = forms.CharField(label=_("Job title"), max_length=200)
    accept_statutes = forms.BooleanField(
        label=_("I have read and accept the association's statutes"),
        error_messages={"required": _("You must accept the statutes to become a member.")},
    )

    def clean(self):
        cleaned = super().clean()
        code = (cleaned.get("postal_code") or "").strip()
        if code:
            if cleaned.get("abroad"):
                if not FOREIGN_POSTAL_CODE.match(code):
                    self.add_error("postal_code", _("Enter a postal code of letters, digits, spaces or hyphens."))
            elif not DANISH_POSTAL_CODE.match(code):
                self.add_error(
                    "postal_code",
                    _("A Danish postal code has four digits. Tick “outside Denmark” for a foreign address."),
                )
            cleaned["postal_code"] = code.upper()
        return cleaned


def https_url_fields(field, **kwargs):
    # A link typed without a scheme ("github.com/ada") means https.
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class DirectoryProfileForm(forms.ModelForm):
    """What a member shows on the public members page, and whether they are listed at all."""

    class Meta:
        model = Member
        formfield_callback = https_url_fields
        fields = ["public_profile", "job_title", "website", "linkedin", "github"]
