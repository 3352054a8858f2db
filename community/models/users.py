"""The site's user account: e-mail login, profile, picture, newsletter choice."""

import secrets

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def profile_image_path(user: "User", filename: str) -> str:
    # A random name: the picture's URL is public, and must not reveal or let anyone guess the account.
    return f"profile-images/{secrets.token_urlsafe(16)}.{filename.rsplit('.', 1)[-1].lower()[:5]}"


class UserManager(BaseUserManager):
    use_in_migrations = True

    @classmethod
    def normalize_email(cls, email: str | None) -> str:
        return (email or "").strip().lower()

    def get_by_natural_key(self, username):
        return self.get(email__iexact=self.normalize_email(username))

    def _create_user(self, email: str, password: str | None, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email: str, password: str | None = None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        extra_fields.setdefault("is_verified", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractBaseUser, PermissionsMixin):
    """A person with an account. The e-mail address is the login and is unique whatever its case;
    it is stored lower-cased, and a functional unique index guards rows written around the manager."""

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    first_name = models.CharField(_("first name"), max_length=150)
    last_name = models.CharField(_("last name"), max_length=150)
    is_verified = models.BooleanField(
        _("verified"), default=False, help_text=_("Whether the person has confirmed their e-mail address.")
    )
    is_active = models.BooleanField(_("active"), default=True)
    is_staff = models.BooleanField(
        _("staff status"), default=False, help_text=_("Whether the user can log into the admin.")
    )
    date_joined = models.DateTimeField(_("date joined"), default=timezone.now)
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the e-mails the site sends to this person."),
    )

    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    profile_image = models.ImageField(
        _("profile picture"),
        upload_to=profile_image_path,
        blank=True,
        help_text=_("A JPEG, PNG or WebP image of at most 5 MB."),
    )
    newsletter_opt_in = models.BooleanField(
        _("newsletter"), default=False, help_text=_("Whether the person wants the community's newsletter.")
    )
    newsletter_changed_at = models.DateTimeField(_("newsletter choice changed at"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["first_name", "last_name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["first_name", "last_name", "email"]
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                name="community_user_email_ci_unique",
                violation_error_message=_("A user with this e-mail address already exists."),
            )
        ]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    def clean(self):
        super().clean()
        self.email = User.objects.normalize_email(self.email)

    def save(self, *args, **kwargs):
        self.email = User.objects.normalize_email(self.email)
        super().save(*args, **kwargs)

    def check_password(self, raw_password: str) -> bool:
        """Django's check, counted by the limiter when made for a request (every log in door, the password change
        and account deletion forms); raises ratelimit.Throttled, without checking, while a limit is used up."""
        from community.services import password_checks

        return password_checks.check_user_password(self, lambda: super(User, self).check_password(raw_password))

    def get_full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    def get_short_name(self) -> str:
        return self.first_name
