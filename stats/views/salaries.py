"""The salary page and its CSV: filters from the query string, the table from the service, nothing else."""

from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from home.exports import csv_response
from stats.forms.salaries import SalaryFilterForm
from stats.services.salary_tables import SalaryTable, comparable_questions, salary_table, survey_years


def _table(request) -> tuple[SalaryFilterForm | None, SalaryTable | None]:
    years = survey_years()
    questions = comparable_questions()
    if not years or not questions:
        return None, None
    form = SalaryFilterForm(request.GET, years=years, questions=questions)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    return form, salary_table(data["years"], data["by_question"], data["then_question"], data["order"])


@require_safe
def salaries(request):
    form, table = _table(request)
    status = 400 if form is not None and table is None else 200
    query = request.GET.urlencode()
    return render(request, "stats/salaries.html", {"form": form, "table": table, "query": query}, status=status)


@require_safe
def salaries_csv(request):
    form, table = _table(request)
    if table is None:
        return render(request, "stats/salaries.html", {"form": form, "table": None}, status=400 if form else 404)
    header = [_("Year"), table.by.short_name]
    if table.then:
        header.append(table.then.short_name)
    header += [_("Answers"), "P10", "P25", _("Median"), "P75", "P90"]
    rows = []
    for row in table.rows:
        names = [row.first.label] + ([row.second.label] if table.then else [])
        rows.append([row.year, *names, row.count, row.p10, row.p25, row.median, row.p75, row.p90])
    for row in table.totals:
        names = [_("All answers")] + ([""] if table.then else [])
        rows.append([row.year, *names, row.count, row.p10, row.p25, row.median, row.p75, row.p90])
    years = "-".join(str(year.year) for year in table.years)
    keys = "-".join(q.key for q in (table.by, table.then) if q)
    return csv_response(f"salaries-{years}-{keys}.csv", header, rows)
