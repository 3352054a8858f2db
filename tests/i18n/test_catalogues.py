"""Every interface string has a Danish translation, and the committed catalogue is what the code asks for."""

import shutil
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

from tests.conftest import IN_CI

DANISH = Path(settings.BASE_DIR) / "locale" / "da" / "LC_MESSAGES" / "django.po"


def untranslated(catalogue: polib.POFile) -> list[str]:
    return [entry.msgid for entry in catalogue if not entry.obsolete and not entry.translated()]


def test_the_committed_danish_catalogue_has_no_missing_or_fuzzy_entries():
    catalogue = polib.pofile(str(DANISH))
    assert len(catalogue) > 50
    assert untranslated(catalogue) == []


def test_every_string_in_the_code_and_templates_is_in_the_danish_catalogue():
    if not shutil.which("xgettext"):
        if IN_CI:
            pytest.fail("CI must check the catalogue but GNU gettext (xgettext) is not installed", pytrace=False)
        pytest.skip("needs GNU gettext (xgettext) to extract the strings")
    # makemessages writes into the project's own catalogue; read what it extracted, then put the file back.
    original = DANISH.read_bytes()
    try:
        call_command(
            "makemessages",
            locale=["da"],
            ignore_patterns=[".venv", "tests", "static", "node_modules", ".test-media"],
            verbosity=0,
        )
        extracted = polib.pofile(str(DANISH))
    finally:
        DANISH.write_bytes(original)
    missing = untranslated(extracted)
    assert missing == [], f"run `make messages` and translate these in locale/da: {missing}"


def test_the_compiled_catalogue_is_used_for_danish_visitors():
    with translation.override("da"):
        assert translation.gettext("Skip to main content") == "Gå til hovedindhold"
    with translation.override("en"):
        assert translation.gettext("Skip to main content") == "Skip to main content"
