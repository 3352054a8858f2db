"""The public and private storage aliases on the filesystem: private files round-trip but never get a URL."""

from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages

from cms.storage import PrivateFileError, private_storage


@pytest.fixture
def private():
    storage = storages["private"]
    saved = []
    yield storage, saved
    for name in saved:
        storage.delete(name)


def test_a_private_file_reads_back_what_was_written(private):
    storage, saved = private
    name = storage.save("tickets/ticket.png", ContentFile(b"\x89PNG ticket bytes"))
    saved.append(name)

    assert storage.exists(name)
    with storage.open(name, "rb") as stored:
        assert stored.read() == b"\x89PNG ticket bytes"


def test_a_private_file_has_no_url(private):
    storage, saved = private
    name = storage.save("tickets/ticket.png", ContentFile(b"secret"))
    saved.append(name)

    with pytest.raises(PrivateFileError):
        storage.url(name)


def test_private_files_live_outside_the_folders_the_web_server_serves(settings):
    private_root = Path(storages["private"].location).resolve()
    for served in (Path(storages["default"].location), Path(settings.STATIC_ROOT)):
        assert not private_root.is_relative_to(served.resolve())


def test_public_files_get_a_url_under_media():
    storage = storages["default"]
    name = storage.save("images/logo.png", ContentFile(b"logo"))
    try:
        assert storage.url(name) == f"/media/{name}"
    finally:
        storage.delete(name)


def test_file_fields_can_point_at_the_private_alias_without_freezing_the_backend():
    assert private_storage() is storages["private"]
