"""The activation link's token (valid 24 hours, for one account, until it is activated), and the password reset's
token as the reset pages keep it in the session."""

import enum

from django.conf import settings
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.http import base36_to_int

ACTIVATION_TIMEOUT_SECONDS = 24 * 60 * 60


class TokenCheck(enum.Enum):
    VALID = "valid"
    INVALID = "invalid"  # tampered with, or made for another account or another e-mail address
    EXPIRED = "expired"


class ActivationTokenGenerator(PasswordResetTokenGenerator):
    """Django's signed, timestamped token with its own salt (a password reset token never activates an account,
    nor the other way round) and its own 24-hour lifetime instead of PASSWORD_RESET_TIMEOUT.

    The hash covers the account's id and e-mail address, so a link made for one account fails on another, and
    `is_verified`, so a link stops working once it has been used."""

    key_salt = "community.tokens.ActivationTokenGenerator"
    timeout_seconds = ACTIVATION_TIMEOUT_SECONDS

    def _make_hash_value(self, user, timestamp: int) -> str:
        return f"{user.pk}:{user.email}:{user.is_verified}:{timestamp}"

    def check(self, user, token: str) -> TokenCheck:
        """Why a token is or is not good for `user`: the view tells an expired link from a bad one."""
        if not (user and token):
            return TokenCheck.INVALID
        try:
            ts_b36, _ = token.split("-")
            timestamp = base36_to_int(ts_b36)
        except ValueError:
            return TokenCheck.INVALID
        for secret in [self.secret, *self.secret_fallbacks]:
            if constant_time_compare(self._make_token_with_timestamp(user, timestamp, secret), token):
                break
        else:
            return TokenCheck.INVALID
        if self._num_seconds(self._now()) - timestamp > self.timeout_seconds:
            return TokenCheck.EXPIRED
        return TokenCheck.VALID

    def check_token(self, user, token) -> bool:
        return self.check(user, token) is TokenCheck.VALID

    def make_token_at(self, user, timestamp: int) -> str:
        """A token as if made at `timestamp` (seconds since 2001-01-01, Django's epoch for these tokens)."""
        return self._make_token_with_timestamp(user, timestamp, self.secret)

    def now_seconds(self) -> int:
        return self._num_seconds(self._now())


activation_token_generator = ActivationTokenGenerator()


class SessionSealedResetTokens(PasswordResetTokenGenerator):
    """Django's password reset tokens (the same secret and hash as `default_token_generator`), except that what
    Django's confirm view keeps in the session between opening the link and choosing the password is a seal of the
    token (its timestamp and a keyed hash of it), not the token: session data is readable by whoever reads the
    database, and the token itself would reset the password from any browser. A seal is only good from the
    session (PasswordResetConfirmView refuses one in a URL) and only as long as the token it seals."""

    SEALED = "sealed"
    seal_salt = "community.tokens.SessionSealedResetTokens"

    def seal(self, token: str) -> str:
        timestamp = token.split("-", 1)[0]
        return f"{self.SEALED}-{timestamp}-{salted_hmac(self.seal_salt, token, secret=self.secret).hexdigest()}"

    def check_token(self, user, token) -> bool:
        if not (user and token and str(token).startswith(f"{self.SEALED}-")):
            return super().check_token(user, token)
        try:
            _, ts_b36, mac = token.split("-")
            timestamp = base36_to_int(ts_b36)
        except ValueError:
            return False
        for secret in [self.secret, *self.secret_fallbacks]:
            expected = self._make_token_with_timestamp(user, timestamp, secret)
            if constant_time_compare(salted_hmac(self.seal_salt, expected, secret=self.secret).hexdigest(), mac):
                break
        else:
            return False
        return self._num_seconds(self._now()) - timestamp <= settings.PASSWORD_RESET_TIMEOUT


reset_token_generator = SessionSealedResetTokens()
