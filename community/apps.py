from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from . import checks, signals  # noqa: F401 - checks register on import

        signals.connect()
        from home.mail import register_context

        from . import newsletter_signals  # noqa: F401 - its receivers connect on import
        from .services import accounts

        # Links that open or activate an account are minted when their mail is rendered, never stored.
        register_context(accounts.ACTIVATION_MAIL, accounts.activation_mail_context)
        register_context(accounts.PASSWORD_RESET_MAIL, accounts.password_reset_mail_context)
