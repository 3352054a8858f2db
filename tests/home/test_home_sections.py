"""Feature apps add their sections to the home page through home.sections; the home app imports none of them."""

import ast
from pathlib import Path

import pytest

from home import sections

HOME_APP = Path(sections.__file__).parent
FEATURE_APPS = {"events", "polls", "stats", "search"}


def imported_modules(source: str) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
    return modules


def test_the_home_app_imports_no_feature_app():
    offenders = [
        f"{path.relative_to(HOME_APP.parent)}: {module}"
        for path in sorted(HOME_APP.rglob("*.py"))
        for module in imported_modules(path.read_text())
        if module.split(".")[0] in FEATURE_APPS
    ]

    assert offenders == []


def test_the_home_templates_include_no_feature_app_template():
    offenders = [
        str(path.relative_to(HOME_APP.parent))
        for path in sorted(HOME_APP.rglob("*.html"))
        if any(f'"{app}/' in path.read_text() or f"'{app}/" in path.read_text() for app in FEATURE_APPS)
    ]

    assert offenders == []


def test_the_events_app_registers_its_next_events_section():
    assert "events/includes/next_events.html" in sections.home_sections()


@pytest.mark.django_db
def test_registered_sections_show_on_the_home_page_in_order_above_the_news(
    client, home_page, monkeypatch, settings, tmp_path
):
    (tmp_path / "first_section.html").write_text('<section id="first">First on {{ page.title }}</section>')
    (tmp_path / "second_section.html").write_text('<section id="second">Second</section>')
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}]
    monkeypatch.setattr(sections, "_sections", [])
    sections.register_home_section("first_section.html")
    sections.register_home_section("second_section.html")
    sections.register_home_section("first_section.html")  # a second registration changes nothing

    page = client.get("/da/").content.decode()

    assert page.count('<section id="first">') == 1
    assert page.index(f'<section id="first">First on {home_page.title}</section>') < page.index(
        '<section id="second">'
    )
    assert page.index('<section id="second">') < page.index('id="latest-news-title"')
