"""Two-factor log in: an authenticator app (TOTP) with recovery codes, kept by django-otp.

Required for everyone with admin access (superusers and every group that may use the Wagtail admin) wherever
TWO_FACTOR_REQUIRED is on (always in production); any member may turn it on from My page. A session counts as
verified once a code from one of the account's devices was accepted in it (django-otp keeps the device's id in the
session). Codes are checked under the limiter's "otp" action, like a password.

django-otp's own OTPMiddleware is not used: it sets `request.user.is_verified`, which on our User is the field
that says the e-mail address was confirmed.
"""

import base64
import re
from io import BytesIO

import django_otp
import qrcode
import qrcode.image.svg
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from community.models import User
from community.services import ratelimit
from home.errors import DomainError

# Set at log in for an account with a device: this session must pass a code before anything else (kept in the
# session so that a page view costs no query).
PENDING_SESSION_KEY = "two_factor_pending"
RECOVERY_CODES = 10
APP_DEVICE_NAME = "Authenticator app"
RECOVERY_DEVICE_NAME = "Recovery codes"


class TwoFactorError(DomainError):
    MESSAGES = {
        "wrong_code": _("That code is not right. Enter the 6 digits your app shows now, or a recovery code."),
        "not_set_up": _("Two-factor log in is not set up for this account."),
        "required": _("Two-factor log in cannot be turned off for an account with admin access."),
    }


def is_required(user: User) -> bool:
    """Whether the account must use two-factor log in for the admin."""
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True) or not user.is_authenticated:
        return False
    return user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def has_device(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def is_verified(request: HttpRequest) -> bool:
    """Whether this session passed a code of one of the account's own devices."""
    persistent_id = request.session.get(django_otp.DEVICE_ID_SESSION_KEY)
    if not persistent_id:
        return False
    device = Device.from_persistent_id(persistent_id)
    return device is not None and device.user_id == request.user.pk and device.confirmed


def owe_code_if_set_up(request: HttpRequest, user: User) -> None:
    if has_device(user):
        request.session[PENDING_SESSION_KEY] = True


def code_owed(request: HttpRequest) -> bool:
    return bool(request.session.get(PENDING_SESSION_KEY))


def _passed(request: HttpRequest, device: Device) -> None:
    django_otp.login(request, device)
    request.session.pop(PENDING_SESSION_KEY, None)


def pending_device(user: User, *, create: bool = True) -> TOTPDevice | None:
    """The app device being set up (one per account, made when the set-up page is first opened; kept until it is
    confirmed). With create=False, None when no set-up was started."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None and create:
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)
    return device


def secret_in_base32(device: TOTPDevice) -> str:
    """The secret as authenticator apps take it typed in."""
    return base64.b32encode(device.bin_key).decode().rstrip("=")


def qr_code_svg(device: TOTPDevice) -> str:
    """The device's otpauth:// address as an SVG QR code, to put in the page."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = BytesIO()
    image.save(buffer)
    svg = buffer.getvalue().decode()
    # Without the XML declaration and the fixed size in millimetres, it fills its box in the page.
    svg = svg[svg.index("<svg") :]
    return re.sub(r'<svg width="[^"]+" height="[^"]+"', "<svg", svg, count=1)


def _checked(request: HttpRequest, user: User, check) -> bool:
    return ratelimit.password_attempt("otp", ip=ratelimit.client_ip(request), account=user.email, check=check)


def confirm_setup(request: HttpRequest, code: str) -> list[str]:
    """Confirm the pending app device with a code it shows; returns the new recovery codes (shown once).
    Raises TwoFactorError("wrong_code"), or ratelimit.Throttled while the limit is used up."""
    user = request.user
    device = pending_device(user, create=False)
    if device is None:
        raise TwoFactorError("not_set_up")
    if not _checked(request, user, lambda: device.verify_token(code.strip().replace(" ", ""))):
        raise TwoFactorError("wrong_code")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=True).exclude(pk=device.pk).delete()
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        codes = new_recovery_codes(user)
    _passed(request, device)
    return codes


def new_recovery_codes(user: User) -> list[str]:
    """Replace the account's recovery codes with new ones (each works once)."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def verify(request: HttpRequest, code: str) -> Device:
    """Accept a code from the account's app or one of its recovery codes for this session.
    Raises TwoFactorError("wrong_code"), or ratelimit.Throttled while the limit is used up."""
    user = request.user
    matched = []

    def check() -> bool:
        device = django_otp.match_token(user, code.strip().replace(" ", ""))
        if device is not None:
            matched.append(device)
        return device is not None

    if not _checked(request, user, check):
        raise TwoFactorError("wrong_code")
    _passed(request, matched[0])
    return matched[0]


def turn_off(user: User) -> None:
    """Remove the account's devices (only where two-factor log in is optional)."""
    if is_required(user):
        raise TwoFactorError("required")
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        StaticDevice.objects.filter(user=user).delete()
