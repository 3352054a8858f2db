"""The WSGI application gunicorn serves. With production settings it refuses to start while a system check reports
an error (gunicorn runs none itself): e.g. TRUSTED_PROXY_COUNT not set (community.checks)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

application = get_wsgi_application()


def refuse_to_start_on_check_errors() -> None:
    from django.conf import settings
    from django.core import checks
    from django.core.exceptions import ImproperlyConfigured

    if not getattr(settings, "REFUSE_TO_START_ON_CHECK_ERRORS", False):
        return
    errors = [
        message
        for message in checks.run_checks(include_deployment_checks=True)
        if message.is_serious() and not message.is_silenced()
    ]
    if errors:
        raise ImproperlyConfigured("Refusing to start:\n" + "\n".join(str(error) for error in errors))


refuse_to_start_on_check_errors()
