"""Editing the profile: names, birth date, language, newsletter, and the profile picture's checks."""

import io
import re
from datetime import date, timedelta

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.community.accounts.conftest import PASSWORD, AdaFactory, log_in

User = get_user_model()
pytestmark = pytest.mark.django_db

PROFILE = {"first_name": "Ada", "last_name": "Lovelace", "birth_date": "", "language": "en"}


@pytest.fixture
def ada(client):
    user = AdaFactory(language="en")
    log_in(client, "ada@example.com")
    return user


def image_file(name: str, image_format: str, size=(300, 200), mode="RGB") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new(mode, size, "red").save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def save_profile(client, **changes):
    return client.post("/en/account/profile/", {**PROFILE, **changes})


def test_a_valid_picture_becomes_a_square_under_a_random_name(client, ada):
    response = save_profile(client, picture=image_file("holiday.png", "PNG", size=(300, 200)))

    assert response.status_code == 302
    ada.refresh_from_db()
    assert ada.profile_image.name.startswith("profile-images/")
    assert "holiday" not in ada.profile_image.name and "ada" not in ada.profile_image.name
    with default_storage.open(ada.profile_image.name) as stored, Image.open(stored) as picture:
        assert picture.size == (200, 200)
        assert picture.format == "WEBP"
    page = client.get("/en/account/profile/").content.decode()
    assert f'src="{ada.profile_image.url}" width="96" height="96"' in page


def test_a_large_picture_is_cut_to_400_pixels_from_the_middle(client, ada):
    buffer = io.BytesIO()
    picture = Image.new("RGB", (1200, 800), "blue")
    picture.paste((255, 0, 0), (400, 0, 800, 800))  # red middle third
    picture.save(buffer, format="JPEG")

    save_profile(client, picture=SimpleUploadedFile("photo.jpg", buffer.getvalue()))

    ada.refresh_from_db()
    with default_storage.open(ada.profile_image.name) as stored, Image.open(stored) as square:
        assert square.size == (400, 400)
        red, green, blue = square.convert("RGB").getpixel((200, 200))
        assert red > 200 and blue < 60


def test_a_png_named_jpg_is_judged_by_its_content_and_accepted(client, ada):
    response = save_profile(client, picture=image_file("picture.jpg", "PNG"))

    assert response.status_code == 302
    ada.refresh_from_db()
    assert ada.profile_image


def test_a_text_file_named_png_is_refused_and_nothing_changes(client, ada):
    upload = SimpleUploadedFile("picture.png", b"this is not a picture at all", content_type="image/png")

    response = save_profile(client, first_name="Changed", picture=upload)

    assert response.status_code == 200
    page = response.content.decode()
    assert "The file is not a picture we can read." in page
    assert re.search(r'id="id_picture"[^>]*aria-describedby="[^"]*id_picture_error', page)  # read out with the field
    ada.refresh_from_db()
    assert (ada.first_name, bool(ada.profile_image)) == ("Ada", False)


def test_a_gif_is_refused_even_though_pillow_reads_it(client, ada):
    response = save_profile(client, picture=image_file("anim.gif", "GIF"))

    assert "Only JPEG, PNG and WebP pictures can be used." in response.content.decode()
    ada.refresh_from_db()
    assert not ada.profile_image


def test_a_file_over_5_mb_is_refused(client, ada):
    png = image_file("big.png", "PNG").read()
    upload = SimpleUploadedFile("big.png", png + b"\0" * (5 * 1024 * 1024 + 1 - len(png)), content_type="image/png")

    response = save_profile(client, first_name="Changed", picture=upload)

    assert "The picture is larger than 5 MB." in response.content.decode()
    ada.refresh_from_db()
    assert (ada.first_name, bool(ada.profile_image)) == ("Ada", False)


def test_a_small_file_claiming_a_huge_canvas_is_refused(client, ada):
    buffer = io.BytesIO()
    Image.new("1", (10_000, 10_000)).save(buffer, format="PNG")  # 100 megapixels in a few kilobytes
    assert buffer.tell() < 100_000

    response = save_profile(client, picture=SimpleUploadedFile("bomb.png", buffer.getvalue()))

    assert "The picture has too many pixels." in response.content.decode()
    ada.refresh_from_db()
    assert not ada.profile_image


def test_a_truncated_image_is_refused(client, ada):
    jpeg = image_file("cut.jpg", "JPEG", size=(400, 400)).read()

    response = save_profile(client, picture=SimpleUploadedFile("cut.jpg", jpeg[: len(jpeg) // 2]))

    assert "The file is not a picture we can read." in response.content.decode()


def test_replacing_and_removing_the_picture_deletes_the_old_files(client, ada, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        save_profile(client, picture=image_file("one.webp", "WEBP"))
    ada.refresh_from_db()
    first = ada.profile_image.name

    with django_capture_on_commit_callbacks(execute=True):
        save_profile(client, picture=image_file("two.jpg", "JPEG"))
    ada.refresh_from_db()
    second = ada.profile_image.name
    assert second != first and not default_storage.exists(first) and default_storage.exists(second)

    with django_capture_on_commit_callbacks(execute=True):
        save_profile(client, remove_picture="on")
    ada.refresh_from_db()
    assert not ada.profile_image
    assert not default_storage.exists(second)


def test_a_birth_date_in_the_future_or_before_1900_is_refused(client, ada):
    tomorrow = (date.today() + timedelta(days=2)).isoformat()

    future = save_profile(client, birth_date=tomorrow).content.decode()
    ancient = save_profile(client, birth_date="1899-12-31").content.decode()

    assert "The birth date cannot be in the future." in future
    assert "Enter a birth date after 1900." in ancient
    ada.refresh_from_db()
    assert ada.birth_date is None


def test_names_birth_date_and_newsletter_are_saved(client, ada):
    response = save_profile(
        client, first_name="Augusta Ada", last_name="King", birth_date="1815-12-10", newsletter_opt_in="on"
    )
    assert "Enter a birth date after 1900." in response.content.decode()

    response = save_profile(
        client, first_name="Augusta Ada", last_name="King", birth_date="1985-12-10", newsletter_opt_in="on"
    )

    assert response.status_code == 302
    ada.refresh_from_db()
    assert (ada.first_name, ada.last_name, ada.birth_date) == ("Augusta Ada", "King", date(1985, 12, 10))
    assert ada.newsletter_opt_in and ada.newsletter_changed_at is not None
    opted_in_at = ada.newsletter_changed_at

    save_profile(client, first_name="Augusta Ada", last_name="King", birth_date="1985-12-10")
    ada.refresh_from_db()
    assert not ada.newsletter_opt_in and ada.newsletter_changed_at > opted_in_at


def test_the_chosen_language_is_the_language_of_later_mails(client, ada, deliver):
    save_profile(client, language="da")

    with deliver():
        client.post(
            "/en/account/password/",
            {"old_password": PASSWORD, "new_password1": "another-pass-2026", "new_password2": "another-pass-2026"},
        )

    assert mail.outbox[0].extra_headers["Content-Language"] == "da"
