"""The admin's survey import: upload a file, read the report (rejected rows, new answers, unknown columns to map),
then confirm. The upload waits in private storage between the steps and is deleted when the import is done or
cancelled. Every view checks the import permission itself."""

import secrets

from django import forms
from django.contrib import messages
from django.core.files.storage import storages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from community.admin_views import requires
from stats.models import Question
from stats.services.catalogue import IGNORE, NEW_PREFIX, MappingError, mapping_from_choices
from stats.services.importer import YEARS, SurveyImportError, import_survey

IMPORT_PERMISSION = "stats.import_survey"
SESSION_KEY = "stats_import"
MAX_UPLOAD_BYTES = 200 * 1024 * 1024


class UploadForm(forms.Form):
    year = forms.TypedChoiceField(
        label=gettext_lazy("Survey year"), coerce=int, choices=[(year, year) for year in reversed(YEARS)]
    )
    file = forms.FileField(
        label=gettext_lazy("Export from the survey tool (CSV)"),
        help_text=gettext_lazy("Comma- or semicolon-separated, UTF-8, one row per respondent."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 200 MB."), code="too_big")
        if not upload.name.lower().endswith((".csv", ".txt")):
            raise forms.ValidationError(_("Upload the export as a .csv file."), code="not_csv")
        return upload


def _mapping_field(header: str, questions: list[Question]) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=header,
        choices=[
            ("", _("Choose…")),
            (IGNORE, _("Leave this column out")),
            (_("It is a known question"), [(q.key, q.short_name) for q in questions]),
            (
                _("It is a new question"),
                [
                    (f"{NEW_PREFIX}{kind}", _("New question: %(kind)s") % {"kind": label})
                    for kind, label in Question.Kind.choices
                ],
            ),
        ],
    )


class MappingForm(forms.Form):
    def __init__(self, data, *, headers: list[str]):
        super().__init__(data)
        questions = list(Question.objects.order_by("position", "key"))
        self.headers = headers
        for number, header in enumerate(headers):
            self.fields[f"column_{number}"] = _mapping_field(header, questions)

    def mapping(self) -> dict[str, str]:
        return {header: self.cleaned_data[f"column_{n}"] for n, header in enumerate(self.headers)}


def _storage():
    return storages["private"]


def _pending(request) -> dict | None:
    pending = request.session.get(SESSION_KEY)
    if pending and _storage().exists(pending["name"]):
        return pending
    return None


def _run(pending: dict, *, dry_run: bool):
    mapping = mapping_from_choices(pending.get("mapping", {})) if pending.get("mapping") else None
    with _storage().open(pending["name"], "rb") as stored:
        return import_survey(getattr(stored, "file", stored), pending["year"], mapping=mapping, dry_run=dry_run)


def _upload_again(request):
    messages.warning(request, _("Upload the file again: the earlier upload is gone."))
    return redirect("stats_admin:upload")


def _forget(request) -> None:
    pending = request.session.pop(SESSION_KEY, None)
    if pending:
        _storage().delete(pending["name"])


@requires(IMPORT_PERMISSION)
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        _forget(request)
        name = _storage().save(f"survey-imports/{secrets.token_urlsafe(16)}.csv", form.cleaned_data["file"])
        request.session[SESSION_KEY] = {"name": name, "year": form.cleaned_data["year"], "mapping": {}}
        return redirect("stats_admin:review")
    return render(request, "stats/admin/upload.html", {"form": form}, status=400 if form.is_bound else 200)


@requires(IMPORT_PERMISSION)
def review(request):
    """The dry run's report, or the form that maps unknown columns; POST saves that mapping."""
    pending = _pending(request)
    if pending is None:
        return _upload_again(request)
    report, error, mapping_form = None, None, None
    try:
        report = _run(pending, dry_run=True)
    except MappingError as failure:
        error = failure
        pending["mapping"] = {}
        request.session[SESSION_KEY] = pending
    except SurveyImportError as failure:
        error = failure
        if failure.code == "unknown_headers":
            mapping_form = MappingForm(request.POST or None, headers=failure.headers)
            if request.method == "POST" and mapping_form.is_valid():
                pending["mapping"] = {**pending.get("mapping", {}), **mapping_form.mapping()}
                request.session[SESSION_KEY] = pending
                return redirect("stats_admin:review")
    context = {"pending": pending, "report": report, "error": error, "mapping_form": mapping_form}
    return render(request, "stats/admin/review.html", context, status=200 if report or mapping_form else 400)


@requires(IMPORT_PERMISSION)
@require_POST
def confirm(request):
    pending = _pending(request)
    if pending is None:
        return _upload_again(request)
    try:
        report = _run(pending, dry_run=False)
    except (SurveyImportError, MappingError) as error:
        messages.error(request, error.message)
        return redirect("stats_admin:review")
    _forget(request)
    messages.success(
        request,
        _("Imported %(imported)s answers for %(year)s (%(rejected)s rows rejected). The calculator is refitted now.")
        % {"imported": report.imported, "year": report.year, "rejected": report.rejected_count},
    )
    return redirect(reverse("stats_years:index"))


@requires(IMPORT_PERMISSION)
@require_POST
def cancel(request):
    _forget(request)
    messages.info(request, _("The upload was deleted; nothing was imported."))
    return redirect("stats_admin:upload")
