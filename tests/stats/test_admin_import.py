"""Staff import a survey year from the Wagtail admin: upload, read the report, map unknown columns, confirm or
cancel. Only people with the import permission may, and the upload never leaves private storage."""

import pytest
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from community.factories import StaffFactory, UserFactory
from stats.admin_views import SESSION_KEY
from stats.models import Question, Response, SurveyYear
from tests.stats.survey_files import export, people

pytestmark = pytest.mark.django_db

ROWS = people("Data Scientist", [50_000, 52_000]) + [{"job_title": "Data Analyst", "salary": "4O.000"}]


@pytest.fixture
def importer(client):
    client.force_login(StaffFactory(permissions=["stats.import_survey", "stats.view_surveyyear"]))
    return client


def upload(client, data: bytes, year: int = 2025):
    return client.post(
        reverse("stats_admin:upload"), {"year": year, "file": SimpleUploadedFile("survey.csv", data, "text/csv")}
    )


def test_staff_upload_see_the_report_and_confirm(importer):
    response = upload(importer, export(ROWS))
    assert response.status_code == 302 and response.url == reverse("stats_admin:review")

    report = importer.get(reverse("stats_admin:review")).content.decode()
    assert "Rækker til import: 2" in report and "Rækker afvist: 1" in report
    assert "4O.000" in report  # the reason names the bad salary, line 4
    assert not Response.objects.exists()

    stored = importer.session[SESSION_KEY]["name"]
    assert storages["private"].exists(stored)
    response = importer.post(reverse("stats_admin:confirm"))

    assert response.status_code == 302
    assert SurveyYear.objects.get(year=2025).response_count == 2
    assert not storages["private"].exists(stored)


def test_unknown_columns_are_mapped_on_a_form_and_then_imported(importer):
    upload(importer, export(ROWS, extra_headers=["How did you hear about the survey?"]))

    page = importer.get(reverse("stats_admin:review"))
    assert page.status_code == 200
    assert "How did you hear about the survey?" in page.content.decode()

    importer.post(reverse("stats_admin:review"), {"column_0": "new:single"})
    assert "Rækker til import: 2" in importer.get(reverse("stats_admin:review")).content.decode()
    importer.post(reverse("stats_admin:confirm"))

    question = Question.objects.get(text_en="How did you hear about the survey?")
    assert question.years.filter(year__year=2025).exists()


def test_cancelling_deletes_the_upload_and_imports_nothing(importer):
    upload(importer, export(ROWS))
    stored = importer.session[SESSION_KEY]["name"]

    importer.post(reverse("stats_admin:cancel"))

    assert not storages["private"].exists(stored)
    assert not Response.objects.exists()


@pytest.mark.parametrize(
    ("data", "name", "year"),
    [
        (b"not,a\nsurvey", "survey.exe", 2025),
        (b"", "survey.csv", 2025),
        (b"a,b", "survey.csv", 1700),
    ],
)
def test_a_bad_upload_gets_a_message_not_an_error(importer, data, name, year):
    response = importer.post(
        reverse("stats_admin:upload"), {"year": year, "file": SimpleUploadedFile(name, data, "text/csv")}
    )

    assert response.status_code == 400
    assert "error-message" in response.content.decode()


def test_a_file_that_is_not_an_export_is_reported_on_the_review_page(importer):
    upload(importer, b"\xff\xfe\x00\x01garbage")

    response = importer.get(reverse("stats_admin:review"))

    assert response.status_code == 400
    assert "ikke UTF-8-tekst" in response.content.decode()


def test_confirming_without_an_upload_sends_back_to_the_upload_form(importer):
    response = importer.post(reverse("stats_admin:confirm"))

    assert response.status_code == 302 and response.url == reverse("stats_admin:upload")


def test_people_without_the_import_permission_get_403(client):
    client.force_login(StaffFactory(permissions=["stats.view_surveyyear"]))
    for name in ("upload", "review"):
        assert client.get(reverse(f"stats_admin:{name}")).status_code == 403
    for name in ("confirm", "cancel"):
        assert client.post(reverse(f"stats_admin:{name}")).status_code == 403
    client.force_login(UserFactory())
    assert client.get(reverse("stats_admin:upload")).status_code == 403


def test_deleting_a_year_in_the_admin_deletes_its_answers(client):
    from tests.stats.survey_files import run_import

    run_import(export(people("Data Scientist", [50_000] * 6)))
    year = SurveyYear.objects.get(year=2025)
    client.force_login(StaffFactory(permissions=["stats.delete_surveyyear", "stats.view_surveyyear"]))

    response = client.post(reverse("stats_years:delete", args=[year.pk]))

    assert response.status_code == 302
    assert not SurveyYear.objects.exists() and not Response.objects.exists()


def test_years_questions_and_options_cannot_be_added_by_hand(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    for viewset in ("stats_years", "stats_questions", "stats_choices"):
        assert client.get(reverse(f"{viewset}:index")).status_code == 200
        assert client.get(reverse(f"{viewset}:add")).status_code in (302, 403)
