"""Account rules: registering, activating, the mails about a password, and editing the profile."""

import copy
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from community.models import User
from community.tokens import TokenCheck, activation_token_generator
from home.errors import DomainError
from home.mail import queue_mail


class AccountError(DomainError):
    """An account change the rules refuse; `code` is for programs and tests, `message` for people."""

    MESSAGES = {
        "email_taken": _("An account with this e-mail address already exists. Log in, or reset your password."),
        "invalid_link": _("This activation link is not valid. It may have been copied incompletely."),
        "expired_link": _("This activation link has expired. Links work for 24 hours."),
        "already_verified": _("This account is already activated. You can log in."),
    }


def site_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def reverse_in(language: str, name: str, **kwargs) -> str:
    """A path under the language prefix of `language` (mails link to the recipient's language)."""
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


def uid_for(user: User) -> str:
    return urlsafe_base64_encode(force_bytes(user.pk))


def user_from_uid(uidb64: str) -> User | None:
    try:
        pk = int(urlsafe_base64_decode(uidb64).decode())
    except (TypeError, ValueError, OverflowError, UnicodeDecodeError):
        return None
    return User.objects.filter(pk=pk).first()


def activation_url(user: User) -> str:
    path = reverse_in(
        user.language,
        "community:activate",
        uidb64=uid_for(user),
        token=activation_token_generator.make_token(user),
    )
    return site_url(path)


@dataclass(frozen=True)
class Registration:
    email: str
    first_name: str
    last_name: str
    password: str
    language: str
    newsletter_opt_in: bool = False


def register(data: Registration) -> User:
    """Create an unverified account and owe it the activation mail, in one transaction."""
    email = User.objects.normalize_email(data.email)
    try:
        with transaction.atomic():
            if User.objects.filter(email__iexact=email).exists():
                raise AccountError("email_taken")
            user = User.objects.create_user(
                email,
                data.password,
                first_name=data.first_name.strip(),
                last_name=data.last_name.strip(),
                language=data.language,
                is_verified=False,
                newsletter_opt_in=data.newsletter_opt_in,
                newsletter_changed_at=timezone.now() if data.newsletter_opt_in else None,
            )
            queue_activation_mail(user)
    except IntegrityError as exc:  # two registrations with one address at the same moment
        raise AccountError("email_taken") from exc
    return user


def queue_activation_mail(user: User) -> None:
    queue_mail(
        to=user.email,
        template="community/mail/activation",
        context={
            "first_name": user.first_name,
            "activation_url": activation_url(user),
            "valid_hours": activation_token_generator.timeout_seconds // 3600,
        },
        language=user.language,
    )


def check_activation_link(uidb64: str, token: str) -> User:
    """The account an activation link would activate, or why it would not (nothing is changed)."""
    user = user_from_uid(uidb64)
    if user is None or not user.is_active:
        raise AccountError("invalid_link")
    if user.is_verified:
        # A used link no longer matches (the token covers is_verified). If it was this account's own link, say
        # so plainly; anything else is just a bad link, which tells a prober nothing about the account.
        as_before = copy.copy(user)
        as_before.is_verified = False
        was_its_link = activation_token_generator.check(as_before, token) is not TokenCheck.INVALID
        raise AccountError("already_verified" if was_its_link else "invalid_link")
    state = activation_token_generator.check(user, token)
    if state is TokenCheck.EXPIRED:
        raise AccountError("expired_link")
    if state is not TokenCheck.VALID:
        raise AccountError("invalid_link")
    return user


def activate(uidb64: str, token: str) -> User:
    """Mark the account the link was made for as verified, or say why the link does not do that. Only on the
    person's own POST: opening the link (a GET, which mail scanners and link previews make) only asks."""
    user = check_activation_link(uidb64, token)
    # Conditional update: two clicks on the same link at once activate the account once.
    User.objects.filter(pk=user.pk, is_verified=False).update(is_verified=True)
    user.refresh_from_db()
    return user


def resend_activation(email: str) -> None:
    """Owe a new activation mail if `email` belongs to an account that is not activated yet; else do nothing.
    The caller answers the same either way, so the form does not reveal which addresses have accounts."""
    with transaction.atomic():
        user = User.objects.filter(email__iexact=User.objects.normalize_email(email), is_active=True).first()
        if user is not None and not user.is_verified:
            queue_activation_mail(user)


def queue_password_reset_mail(user: User, uidb64: str, token: str) -> None:
    path = reverse_in(user.language, "community:password_reset_confirm", uidb64=uidb64, token=token)
    queue_mail(
        to=user.email,
        template="community/mail/password_reset",
        context={"first_name": user.first_name, "reset_url": site_url(path)},
        language=user.language,
    )


def queue_password_changed_mail(user: User) -> None:
    queue_mail(
        to=user.email,
        template="community/mail/password_changed",
        context={
            "first_name": user.first_name,
            "reset_url": site_url(reverse_in(user.language, "community:password_reset")),
        },
        language=user.language,
    )


@dataclass(frozen=True)
class ProfileChanges:
    first_name: str
    last_name: str
    birth_date: date | None
    language: str
    newsletter_opt_in: bool
    picture: ContentFile | None = None  # a prepared picture (see profile_image.prepare) to replace the current one
    remove_picture: bool = False


def update_profile(user: User, changes: ProfileChanges) -> User:
    """Save the profile, recording when the newsletter choice changed; replace or drop the picture. (The choice
    reaches the newsletter service through community.newsletter_signals, whoever saves the user.)
    A replaced picture's file is deleted once the change has committed."""
    old_picture = user.profile_image.name if user.profile_image else ""
    with transaction.atomic():
        newsletter_changed = changes.newsletter_opt_in != user.newsletter_opt_in
        user.first_name = changes.first_name.strip()
        user.last_name = changes.last_name.strip()
        user.birth_date = changes.birth_date
        user.language = changes.language
        if newsletter_changed:
            user.newsletter_opt_in = changes.newsletter_opt_in
            user.newsletter_changed_at = timezone.now()
        if changes.picture is not None:
            # The model's upload_to gives the file a random name in the public storage.
            user.profile_image.save("profile.webp", changes.picture, save=False)
        elif changes.remove_picture:
            user.profile_image = ""
        user.save()
        new_picture = user.profile_image.name if user.profile_image else ""
        if old_picture and old_picture != new_picture:
            delete_file_on_commit(old_picture)
    return user


def delete_file_on_commit(name: str) -> None:
    from django.core.files.storage import default_storage

    transaction.on_commit(lambda: default_storage.delete(name))
