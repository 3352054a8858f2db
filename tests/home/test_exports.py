"""The one CSV writer: formulas are written as text, everything else as it is."""

import csv
import io

import pytest

from home.exports import csv_response, spreadsheet_safe


@pytest.mark.parametrize(
    "value",
    ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"],
)
def test_a_cell_that_a_spreadsheet_would_run_is_written_as_text(value):
    assert spreadsheet_safe(value) == "'" + value


@pytest.mark.parametrize("value, expected", [("Søren", "Søren"), (None, ""), (42, "42"), ("a=b", "a=b")])
def test_ordinary_cells_are_kept(value, expected):
    assert spreadsheet_safe(value) == expected


def test_the_response_is_a_named_attachment_with_every_cell_made_safe():
    response = csv_response("members.csv", ["name", "email"], [["=cmd()", "a@example.org"], ["Åse", None]])
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="members.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows == [["name", "email"], ["'=cmd()", "a@example.org"], ["Åse", ""]]
