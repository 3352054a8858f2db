"""Importing the survey tool's export: its dialects, row validation with line numbers, unknown headers,
mappings, re-import, and what is never stored."""

import io

import pytest
from django.core.management import CommandError, call_command

from stats.models import Answer, Choice, Question, Response, SalaryModel, SurveyYear, YearQuestion
from stats.services.catalogue import Mapping, mapping_from_choices, read_mapping
from stats.services.importer import SurveyImportError
from tests.stats.survey_files import export, header_of, people, run_import

pytestmark = pytest.mark.django_db

GOOD = [
    {"job_title": "Data Scientist", "experience": "3-4 years", "people_managed": "None", "salary": "52000",
     "tools": "Python;SQL"},
    {"job_title": "Data Analyst", "experience": "1 year", "people_managed": "None", "salary": "41.500",
     "tools": "SQL; Excel ;Power BI"},
    {"job_title": "Data Engineer", "experience": "10-14 years", "people_managed": "1-2", "salary": "68 000 kr.",
     "tools": ""},
]  # fmt: skip


def test_a_semicolon_separated_export_with_a_bom_and_windows_line_ends_imports_every_row():
    report = run_import(export(GOOD, delimiter=";", bom=True, line_end="\r\n"))

    assert (report.delimiter, report.rows, report.imported, report.rejected_count) == (";", 3, 3, 0)
    assert sorted(Response.objects.values_list("salary", flat=True)) == [41500, 52000, 68000]
    assert SurveyYear.objects.get(year=2025).response_count == 3


def test_multiple_answers_joined_by_semicolons_become_one_answer_each():
    run_import(export(GOOD))

    tools = Question.objects.get(key="tools")
    ticked = Answer.objects.filter(question=tools).values_list("response__salary", "choice__value")
    assert sorted(ticked) == [
        (41500, "Excel"),
        (41500, "Power BI"),
        (41500, "SQL"),
        (52000, "Python"),
        (52000, "SQL"),
    ]


def test_the_respondents_timestamp_and_email_are_never_stored():
    data = export(GOOD, extra_headers=["Email address"])
    report = run_import(data)

    assert report.imported == 3
    assert {field.name for field in Response._meta.concrete_fields} == {"id", "year", "salary"}
    stored = [str(value) for row in Answer.objects.values_list() for value in row]
    stored += [str(value) for row in Response.objects.values_list() for value in row]
    assert not [value for value in stored if "2025/03/01" in value or value == "x"]
    assert ("Timestamp", "drop") in report.columns and ("Email address", "drop") in report.columns


def test_each_bad_row_is_reported_with_its_line_number_and_reason_and_the_good_rows_are_imported():
    rows = [
        GOOD[0],
        {**GOOD[1], "consent": "No"},  # line 3
        {**GOOD[0], "salary": "52.5"},  # line 4
        {**GOOD[0], "salary": "900000"},  # line 5
        {**GOOD[0], "job_title": ""},  # line 6: required
        {**GOOD[0], "job_title": "Wizard"},  # line 7: not an answer of a closed question
        {**GOOD[0], "salary": ""},  # line 8
        GOOD[2],
    ]
    data = export(rows, keys=["job_title", "experience", "people_managed", "tools"])
    data += b"only,three,cells\r\n"  # line 10: wrong number of columns

    report = run_import(data)

    assert report.imported == 2
    assert [(row.line, row.code) for row in report.rejected] == [
        (3, "no_consent"),
        (4, "salary_not_whole"),
        (5, "salary_out_of_range"),
        (6, "required_missing"),
        (7, "unknown_answer"),
        (8, "salary_missing"),
        (10, "wrong_columns"),
    ]
    assert "Wizard" in report.rejected[4].message and header_of("job_title") in report.rejected[4].message
    assert sorted(Response.objects.values_list("salary", flat=True)) == [52000, 68000]


def test_a_quoted_answer_spanning_two_lines_keeps_the_line_numbers_of_later_rows_right():
    rows = [{**GOOD[0], "tools": "Python;Something\nelse"}, {**GOOD[0], "consent": "No"}]

    report = run_import(export(rows))

    assert [(row.line, row.code) for row in report.rejected] == [(4, "no_consent")]


def test_an_unknown_header_stops_the_import_and_names_the_column():
    data = export(GOOD, extra_headers=["How happy are you at work?"])

    with pytest.raises(SurveyImportError) as raised:
        run_import(data)

    assert raised.value.code == "unknown_headers"
    assert raised.value.headers == ["How happy are you at work?"]
    assert not SurveyYear.objects.exists() and not Response.objects.exists()


def test_a_mapping_can_leave_an_unknown_column_out_or_read_it_as_a_new_question():
    data = export(GOOD, extra_headers=["How happy are you at work?"])

    assert run_import(data, mapping=mapping_from_choices({"How happy are you at work?": "ignore"})).imported == 3
    report = run_import(data, mapping=mapping_from_choices({"How happy are you at work?": "new:single"}))

    question = Question.objects.get(text_en="How happy are you at work?")
    assert (question.kind, report.imported) == (Question.Kind.SINGLE, 3)
    assert Answer.objects.filter(question=question, choice__value="x").count() == 3


def test_a_reworded_question_mapped_to_its_key_keeps_the_years_comparable():
    run_import(export(GOOD), year=2024)
    reworded = export(GOOD).replace(header_of("job_title").encode(), b"What is your role called?")
    mapping = read_mapping(io.BytesIO(b'[columns]\n"What is your role called?" = "job_title"\n'))

    run_import(reworded, year=2025, mapping=mapping)

    wordings = dict(YearQuestion.objects.filter(question__key="job_title").values_list("year__year", "text_en"))
    assert wordings == {2024: header_of("job_title"), 2025: "What is your role called?"}
    assert Answer.objects.filter(question__key="job_title", year__year=2025).count() == 3
    # Next year the new wording is known without a mapping.
    assert run_import(reworded, year=2026).imported == 3


def test_importing_a_year_again_replaces_its_answers():
    run_import(export(people("Data Scientist", [50000] * 6)))
    first_year = SurveyYear.objects.get(year=2025)

    report = run_import(export(people("Data Analyst", [40000, 42000])))

    assert report.replaced == 6
    assert SurveyYear.objects.get(year=2025).pk == first_year.pk
    assert sorted(Response.objects.values_list("salary", flat=True)) == [40000, 42000]
    assert set(Answer.objects.values_list("choice__value", flat=True)) == {"Data Analyst"}


def test_a_file_with_no_valid_row_leaves_the_year_as_it_was():
    run_import(export(people("Data Scientist", [50000] * 6)))

    with pytest.raises(SurveyImportError) as raised:
        run_import(export([{**GOOD[0], "consent": "No"}]))

    assert raised.value.code == "no_valid_rows"
    assert Response.objects.count() == 6


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "empty_file"),
        (b"\xff\xfe\x00T\x00i\x00m\x00e", "not_utf8"),
        (b"Timestamp,Salary?\r\n1,2\r\n", "unknown_headers"),
        (f"Timestamp,{header_of('job_title')}\r\n".encode(), "no_salary_column"),
    ],
)
def test_a_file_that_is_not_a_survey_export_is_refused_whole(data, code):
    with pytest.raises(SurveyImportError) as raised:
        run_import(data)

    assert raised.value.code == code
    assert not Response.objects.exists()


def test_a_dry_run_reports_the_same_and_writes_nothing():
    rows = [*GOOD, {**GOOD[0], "consent": "No"}, {**GOOD[0], "tools": "Python;Rust"}]

    report = run_import(export(rows), dry_run=True)

    assert (report.imported, report.rejected_count) == (4, 1)
    assert report.new_answers == {"tools": ["Rust"]}
    assert not SurveyYear.objects.exists() and not Question.objects.exists() and not Choice.objects.exists()


def test_an_import_refits_the_calculator_after_it_commits(django_capture_on_commit_callbacks):
    rows = [
        row
        for title in ("Data Scientist", "Data Analyst")
        for experience in ("1 year", "3-4 years", "7-9 years")
        for managed in ("None", "1-2")
        for row in people(title, range(40000, 52000, 1000), experience=experience, people_managed=managed)
    ]

    with django_capture_on_commit_callbacks(execute=True):
        run_import(export(rows))

    model = SalaryModel.objects.get(year__year=2025)
    assert model.respondents == len(rows) and model.cv_mae > 0


def test_the_command_imports_prints_each_rejected_row_and_a_summary(tmp_path, capsys):
    path = tmp_path / "survey.csv"
    path.write_bytes(export([*GOOD, {**GOOD[0], "salary": "lots"}]))

    call_command("import_survey", str(path), year=2025)

    out = capsys.readouterr().out
    assert "line 5:" in out and "lots" in out
    assert "2025: 4 rows read, imported 3, rejected 1" in out
    assert Response.objects.count() == 3


def test_the_command_names_unknown_columns_and_imports_nothing(tmp_path):
    path = tmp_path / "survey.csv"
    path.write_bytes(export(GOOD, extra_headers=["Favourite colour"]))

    with pytest.raises(CommandError, match="Favourite colour"):
        call_command("import_survey", str(path), year=2025)

    assert not Response.objects.exists()


def test_the_command_reads_a_mapping_file_and_can_only_check(tmp_path, capsys):
    path, mapping = tmp_path / "survey.csv", tmp_path / "mapping.toml"
    path.write_bytes(export(GOOD, extra_headers=["Favourite colour"]))
    mapping.write_text('[columns]\n"Favourite colour" = "ignore"\n')

    call_command("import_survey", str(path), year=2025, mapping=str(mapping), dry_run=True)

    assert "would import 3" in capsys.readouterr().out
    assert not Response.objects.exists()


def test_a_mapping_to_a_question_that_does_not_exist_is_reported_as_unknown():
    data = export(GOOD, extra_headers=["Favourite colour"])

    with pytest.raises(SurveyImportError) as raised:
        run_import(data, mapping=Mapping(columns={"favourite colour": "no_such_question"}))

    assert raised.value.headers == ["Favourite colour"]
