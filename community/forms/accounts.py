"""Forms of the account pages: register, log in, resend the activation link, password reset, profile, deletion."""

from datetime import date

from django import forms
from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm, SetPasswordMixin
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from community.models import User
from community.services import accounts
from community.services.profile_image import ProfileImageError, prepare


def email_field(**kwargs) -> forms.EmailField:
    return forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autocapitalize": "none"}),
        **kwargs,
    )


def name_field(label, autocomplete: str) -> forms.CharField:
    return forms.CharField(label=label, max_length=150, widget=forms.TextInput({"autocomplete": autocomplete}))


class RegistrationForm(SetPasswordMixin, forms.Form):
    email = email_field()
    first_name = name_field(_("First name"), "given-name")
    last_name = name_field(_("Last name"), "family-name")
    password1, password2 = SetPasswordMixin.create_password_fields(label1=_("Password"), label2=_("Password again"))
    newsletter_opt_in = forms.BooleanField(
        label=_("Send me the community's newsletter"),
        required=False,
        help_text=_("You can change this on your profile at any time."),
    )

    def clean_email(self) -> str:
        email = User.objects.normalize_email(self.cleaned_data["email"])
        if User.objects.filter(email__iexact=email).exists():
            raise ValidationError(accounts.AccountError.MESSAGES["email_taken"], code="email_taken")
        return email

    def clean(self):
        cleaned = super().clean()
        self.validate_passwords()
        # The validators compare the password with the name and address the person typed.
        candidate = User(
            email=cleaned.get("email", ""),
            first_name=cleaned.get("first_name", ""),
            last_name=cleaned.get("last_name", ""),
        )
        self.validate_password_for_user(candidate)
        return cleaned

    def registration(self, language: str) -> accounts.Registration:
        data = self.cleaned_data
        return accounts.Registration(
            email=data["email"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            password=data["password1"],
            language=language,
            newsletter_opt_in=data["newsletter_opt_in"],
        )


class LoginForm(AuthenticationForm):
    """Log in by e-mail address; an account that is not activated yet is told so (and offered a new link)."""

    username = email_field()
    error_messages = {
        "invalid_login": _("The e-mail address or the password is wrong. Note that the password is case-sensitive."),
        "inactive": _("This account is closed."),
        "unverified": _("Your account is not activated yet. Follow the link in the mail we sent you."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["username"].widget.attrs["autofocus"] = True

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.is_verified:
            raise ValidationError(self.error_messages["unverified"], code="unverified")

    @property
    def is_unverified(self) -> bool:
        return any(error.code == "unverified" for error in self.errors.as_data().get("__all__", []))


class EmailForm(forms.Form):
    """One address: where to resend the activation link."""

    email = email_field()


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, with the mail owed through the outbox in the recipient's language."""

    email = email_field()

    def send_mail(self, subject_template_name, email_template_name, context, from_email, to_email, **kwargs):
        # Django's token in `context` is dropped: the outbox row must not hold it; a fresh one is minted when the
        # mail is rendered.
        accounts.queue_password_reset_mail(context["user"])


class ResetSetPasswordForm(SetPasswordForm):
    def save(self, commit: bool = True):
        # Following the link proved the address is theirs, so an account not activated yet is activated too.
        self.user.is_verified = True
        user = super().save(commit=commit)
        if commit:
            accounts.queue_password_changed_mail(user)
        return user


def validate_birth_date(value: date) -> None:
    if value > timezone.localdate():
        raise ValidationError(_("The birth date cannot be in the future."), code="future")
    if value.year < 1900:
        raise ValidationError(_("Enter a birth date after 1900."), code="too_early")


class ProfileForm(forms.Form):
    first_name = name_field(_("First name"), "given-name")
    last_name = name_field(_("Last name"), "family-name")
    birth_date = forms.DateField(
        label=_("Birth date"),
        required=False,
        validators=[validate_birth_date],
        widget=forms.DateInput(attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y", "%d/%m/%Y"],
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=settings.LANGUAGES, help_text=_("The language of the e-mails we send you.")
    )
    newsletter_opt_in = forms.BooleanField(label=_("Send me the community's newsletter"), required=False)
    picture = forms.FileField(
        label=_("Profile picture"),
        required=False,
        help_text=_("A JPEG, PNG or WebP image of at most 5 MB. It is cut to a square."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    remove_picture = forms.BooleanField(label=_("Remove my profile picture"), required=False)

    def __init__(self, *args, user: User, **kwargs):
        self.user = user
        kwargs.setdefault(
            "initial",
            {
                "first_name": user.first_name,
                "last_name": user.last_name,
                "birth_date": user.birth_date,
                "language": user.language,
                "newsletter_opt_in": user.newsletter_opt_in,
            },
        )
        super().__init__(*args, **kwargs)
        self.prepared_picture = None
        if not user.profile_image:
            del self.fields["remove_picture"]

    def clean_picture(self):
        upload = self.cleaned_data.get("picture")
        if upload:
            try:
                self.prepared_picture = prepare(upload)
            except ProfileImageError as error:
                raise ValidationError(error.message, code=error.code) from error
        return upload

    def changes(self) -> accounts.ProfileChanges:
        data = self.cleaned_data
        return accounts.ProfileChanges(
            first_name=data["first_name"],
            last_name=data["last_name"],
            birth_date=data["birth_date"],
            language=data["language"],
            newsletter_opt_in=data["newsletter_opt_in"],
            picture=self.prepared_picture,
            remove_picture=data.get("remove_picture", False),
        )


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        help_text=_("To be sure it is you."),
    )

    def __init__(self, *args, user: User, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("The password is wrong."), code="password_incorrect")
        return password
