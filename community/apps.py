from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from . import checks, signals  # noqa: F401 - checks register on import

        signals.connect()
        from . import newsletter_signals  # noqa: F401 - its receivers connect on import
