"""The account model: e-mail is the login, unique whatever its case."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation

User = get_user_model()
pytestmark = pytest.mark.django_db


def test_email_is_stored_lower_case_and_is_the_login():
    user = User.objects.create_user("Ada.Lovelace@Example.COM", "a-long-passphrase", first_name="Ada", last_name="L")
    assert user.email == "ada.lovelace@example.com"
    assert authenticate(username="ADA.LOVELACE@example.com", password="a-long-passphrase") == user
    assert authenticate(username="ada.lovelace@example.com", password="wrong") is None


def test_a_second_account_with_the_same_email_in_another_case_is_refused():
    User.objects.create_user("grace@example.com", "pw-123456789", first_name="Grace", last_name="H")
    with pytest.raises(IntegrityError), transaction.atomic():
        User.objects.create_user("GRACE@example.com", "pw-123456789", first_name="Other", last_name="H")
    assert User.objects.count() == 1


def test_a_row_written_around_the_manager_still_cannot_duplicate_an_email_by_case():
    User.objects.create_user("linus@example.com", "pw-123456789", first_name="Linus", last_name="T")
    clash = User(email="Linus@Example.com", first_name="L", last_name="T")
    with pytest.raises(ValidationError) as excinfo, translation.override("en"):
        clash.validate_constraints()
    assert "A user with this e-mail address already exists." in str(excinfo.value)
    with pytest.raises(ValidationError) as excinfo, translation.override("da"):
        clash.validate_constraints()
    assert "Der findes allerede en bruger med denne e-mailadresse." in str(excinfo.value)


def test_new_accounts_are_unverified_and_superusers_are_verified_staff():
    user = User.objects.create_user("new@example.com", "pw-123456789", first_name="New", last_name="User")
    admin = User.objects.create_superuser("boss@example.com", "pw-123456789", first_name="Boss", last_name="B")
    assert (user.is_verified, user.is_staff, user.is_superuser) == (False, False, False)
    assert (admin.is_verified, admin.is_staff, admin.is_superuser) == (True, True, True)
    assert str(user) == "New User"
    assert user.language == "da"


def test_an_admin_can_create_a_user_in_the_wagtail_admin_and_duplicates_by_case_are_refused(client):
    admin = User.objects.create_superuser("boss@example.com", "pw-123456789", first_name="Boss", last_name="B")
    client.force_login(admin)
    form = {
        "email": "Editor@Example.com",
        "first_name": "Eddie",
        "last_name": "Tor",
        "password1": "a-very-long-passphrase-42",
        "password2": "a-very-long-passphrase-42",
    }
    response = client.post(reverse("wagtailusers_users:add"), form)
    assert response.status_code == 302
    assert User.objects.filter(email="editor@example.com").exists()

    response = client.post(reverse("wagtailusers_users:add"), {**form, "email": "EDITOR@example.com"})
    assert response.status_code == 200
    assert User.objects.filter(email__iexact="editor@example.com").count() == 1
