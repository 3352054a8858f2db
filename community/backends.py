"""Authentication by e-mail address, whatever its case; every attempt counted by the limiter."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from community.services import password_checks


class EmailBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, email=None, **kwargs):
        username = username or email
        if username is None or password is None:
            return None
        user_model = get_user_model()
        try:
            user = user_model._default_manager.get_by_natural_key(username)
        except user_model.DoesNotExist:

            def no_account() -> bool:
                # Hash anyway, so the answer takes as long as for an account (Django's own defence).
                user_model().set_password(password)
                return False

            password_checks.check_unknown_account(request, user_model.objects.normalize_email(username), no_account)
            return None
        # check_password goes through the limiter (User.check_password).
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
