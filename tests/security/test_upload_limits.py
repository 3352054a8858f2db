"""Uploads are bounded: a body larger than any form takes is refused before it is read, and a decompression
bomb (a few kilobytes claiming 6300 x 6300 pixels) is refused from its header, within 0.5 s of CPU, both as a
profile picture and as an image in the Wagtail admin; only real pictures are stored."""

import struct
import time
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.images import get_image_model

from tests.community.accounts.conftest import AdaFactory, log_in

pytestmark = pytest.mark.django_db

BOMB_SIDE = 6300


def png_bomb(side: int = BOMB_SIDE) -> bytes:
    """A valid black-and-white PNG of side x side pixels, all zeros: about 5 KB that decode to 40 megapixels."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\0" * (1 + (side + 7) // 8)  # the filter byte, then one bit per pixel
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    pixels = zlib.compress(row * side, 9)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


class UnreadableBody:
    """A request body that fails the test if anything reads it."""

    def read(self, *args):
        raise AssertionError("the body was read")

    readline = read


@pytest.fixture
def ada(client):
    user = AdaFactory(language="en")
    log_in(client, "ada@example.com")
    return user


def test_the_bomb_is_a_small_file(client):
    assert len(png_bomb()) < 10_000


def test_a_profile_picture_bomb_is_refused_from_its_header_within_half_a_second_of_cpu(client, ada):
    bomb = SimpleUploadedFile("bomb.png", png_bomb(), content_type="image/png")

    started = time.process_time()
    response = client.post(
        "/en/account/profile/", {"first_name": "Ada", "last_name": "L", "language": "en", "picture": bomb}
    )
    cpu = time.process_time() - started

    assert "The picture has too many pixels." in response.content.decode()
    assert cpu < 0.5, f"{cpu:.2f} s of CPU"
    ada.refresh_from_db()
    assert not ada.profile_image


def test_a_wagtail_image_bomb_is_refused_within_half_a_second_of_cpu(client):
    admin = get_user_model().objects.create_superuser("admin@example.org", "x", is_verified=True)
    client.force_login(admin)
    bomb = SimpleUploadedFile("bomb.png", png_bomb(), content_type="image/png")

    def cpu_of_upload(title: str, upload) -> tuple[float, object]:
        started = time.process_time()
        response = client.post("/admin/images/add/", {"title": title, "file": upload, "collection": 1})
        return time.process_time() - started, response

    # The first upload of the process loads Wagtail's image machinery; that is not the bomb's cost. The second, a
    # file that is no image at all, is what any refused upload costs (the admin's form rendered again).
    cpu_of_upload("Warm-up", SimpleUploadedFile("x.png", b"x"))
    refused_cpu, _ = cpu_of_upload("Not an image", SimpleUploadedFile("y.png", b"y"))
    bomb_cpu, response = cpu_of_upload("Bomb", bomb)

    assert response.status_code == 200  # the form again, with its error
    assert "pixels" in response.content.decode()
    # Decoding it would take seconds (6300 x 6300 pixels); refused from its header it costs no more than any refusal.
    assert bomb_cpu - refused_cpu < 0.5, f"{bomb_cpu:.2f} s of CPU, {refused_cpu:.2f} s for any refused upload"
    assert not get_image_model().objects.filter(title="Bomb").exists()


def test_a_text_file_is_not_stored_as_a_wagtail_image(client):
    admin = get_user_model().objects.create_superuser("admin@example.org", "x", is_verified=True)
    client.force_login(admin)
    fake = SimpleUploadedFile("photo.png", b"<svg onload=alert(1)>", content_type="image/png")

    response = client.post("/admin/images/add/", {"title": "Fake", "file": fake, "collection": 1})

    assert response.status_code == 200
    assert not get_image_model().objects.filter(title="Fake").exists()


@pytest.mark.parametrize(
    ("path", "too_large", "message"),
    [
        ("/en/account/profile/", 6, "larger than the site accepts"),
        ("/admin/images/add/", 12, "større end sitet tager imod"),  # no language in the path: the site's, Danish
    ],
)
def test_a_body_declared_larger_than_any_form_is_refused_before_it_is_read(client, ada, path, too_large, message):
    response = client.post(
        path,
        data=b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(too_large * 1024 * 1024 + 1),
        **{"wsgi.input": UnreadableBody()},
    )

    assert response.status_code == 413
    assert message in response.content.decode()
