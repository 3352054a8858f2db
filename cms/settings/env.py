"""Typed readers for the environment variables that configure the site (listed in README.md)."""

import math
import os
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name, "").strip()
    return value if value else default


def env_required(name: str) -> str:
    value = env_str(name)
    if not value:
        raise ImproperlyConfigured(f"The environment variable {name} must be set.")
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = env_str(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    return int(value) if value is not None else default


def env_float(name: str, default: float) -> float:
    value = env_str(name)
    return float(value) if value is not None else default


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = env_str(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def redis_url_with_db(url: str, db: int) -> str:
    """The same Redis server as `url`, on database number `db` (so Celery never shares the cache's db)."""
    parsed = urlparse(url)
    return parsed._replace(path=f"/{db}").geturl()


def email_settings_from_url(url: str) -> dict:
    """Django e-mail settings from `smtp://user:password@host:port?tls=1` (or `smtps://` for SSL)."""
    parsed = urlparse(url)
    if parsed.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parsed.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfigured(f"EMAIL_URL scheme must be smtp, smtps or console, not {parsed.scheme!r}.")
    query = parse_qs(parsed.query)
    use_ssl = parsed.scheme == "smtps"
    use_tls = not use_ssl and query.get("tls", ["0"])[0].lower() in {"1", "true", "yes"}
    return {
        # Django's SMTP backend, able to tell a mail the server may have received (home.smtp.MaybeDelivered).
        "EMAIL_BACKEND": "home.smtp.EmailBackend",
        "EMAIL_HOST": parsed.hostname or "localhost",
        "EMAIL_PORT": parsed.port or (465 if use_ssl else 25),
        "EMAIL_HOST_USER": unquote(parsed.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parsed.password or ""),
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_USE_TLS": use_tls,
        # Real servers (and the virus scanning behind them) can take many seconds to confirm a message; RFC 5321
        # allows them minutes. A timeout shorter than the server's pace means mails resent (see home.smtp).
        "EMAIL_TIMEOUT": env_int("EMAIL_TIMEOUT", 60),
    }


def machine_translator(deepl_api_key: str | None, *, development: bool) -> dict | None:
    """wagtail-localize's WAGTAILLOCALIZE_MACHINE_TRANSLATOR: DeepL with a key (British English, as og:locale
    says), else in development a dummy that marks its drafts, else none (no "Machine translate" button)."""
    if deepl_api_key:
        return {"CLASS": "home.machine_translation.BritishDeepLTranslator", "OPTIONS": {"AUTH_KEY": deepl_api_key}}
    if development:
        return {"CLASS": "home.machine_translation.MarkedDraftTranslator", "OPTIONS": {}}
    return None


# Keys that were written down somewhere (Django's startproject template, our dev and test settings, examples).
KNOWN_INSECURE_KEY_PREFIXES = ("django-insecure", "dev-only", "test-only", "changeme", "change-me", "secret", "x" * 8)
SECRET_KEY_MIN_LENGTH = 50
SECRET_KEY_MIN_ENTROPY_BITS = 180
SECRET_KEY_MIN_BITS_PER_CHARACTER = 3.5


def secret_key_weakness(key: str | None) -> str | None:
    """Why `key` is not fit to sign production sessions and links, or None. The entropy is estimated from the
    key's own character frequencies: a random key of 50 characters from Django's or Python's generators scores
    above 210 bits and 4.2 bits a character; repeated words or characters score far less."""
    if not key:
        return "it is empty"
    if key.lower().startswith(KNOWN_INSECURE_KEY_PREFIXES):
        return "it starts like a published example or development key"
    if len(key) < SECRET_KEY_MIN_LENGTH:
        return f"it has fewer than {SECRET_KEY_MIN_LENGTH} characters"
    counts = [key.count(char) for char in set(key)]
    bits = -sum(count * math.log2(count / len(key)) for count in counts)
    if bits < SECRET_KEY_MIN_ENTROPY_BITS or bits / len(key) < SECRET_KEY_MIN_BITS_PER_CHARACTER:
        return f"it looks far from random (about {bits:.0f} bits, {bits / len(key):.1f} a character)"
    return None
