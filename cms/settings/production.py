"""Production settings: the same code, configured by the environment; refuses to start half-configured."""

from .base import *  # noqa: F403
from .env import env_bool, env_int, env_list, env_required, secret_key_weakness

DEBUG = False
DJANGO_ADMIN_ENABLED = False
SECRET_KEY = env_required("SECRET_KEY")
if _weakness := secret_key_weakness(SECRET_KEY):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        f"SECRET_KEY is not fit for production: {_weakness}. Make one with "
        "python3 -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )
# No default here: behind the TLS proxy this file expects, a silent 0 would make the proxy's address every client's,
# and one address's log-in limit would lock out everyone (community.checks refuses to start without it).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", None)
# cms/wsgi.py refuses to serve while a system check reports an error (gunicorn runs no checks by itself).
REFUSE_TO_START_ON_CHECK_ERRORS = True
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("The environment variable ALLOWED_HOSTS must list the site's host names.")

# TLS is terminated by the proxy in front of gunicorn, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# The preload directive only allows submission to the browsers' preload list; submitting is a separate, manual step.
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", True)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", True)
