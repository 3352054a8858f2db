"""The activation link's token: valid 24 hours, for one account, and only until the account is activated."""

import enum

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
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
