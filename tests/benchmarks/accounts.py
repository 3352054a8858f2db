"""Logged-in people for the benchmarks and the load test, made in bulk in the throwaway database: sessions as a
log in would leave them, and a CSRF secret a client can send as both cookie and header (or form field)."""

import datetime


def sessions_for(users) -> list[str]:
    """A logged-in session for each of `users` (saved users), stored in bulk; returns the session cookies' values
    in the same order."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.models import Session
    from django.utils import timezone
    from django.utils.crypto import get_random_string

    from home.sessions import SessionStore, stored_key

    backend = settings.AUTHENTICATION_BACKENDS[0]
    expiry = timezone.now() + datetime.timedelta(days=1)
    sessions, keys = [], []
    for user in users:
        key = get_random_string(32, "abcdefghijklmnopqrstuvwxyz0123456789")
        data = {
            SESSION_KEY: str(user.pk),
            BACKEND_SESSION_KEY: backend,
            HASH_SESSION_KEY: user.get_session_auth_hash(),
        }
        keys.append(key)
        sessions.append(
            Session(session_key=stored_key(key), session_data=SessionStore().encode(data), expire_date=expiry)
        )
    Session.objects.bulk_create(sessions, batch_size=1000)
    return keys


def csrf_secret() -> str:
    """A CSRF cookie value Django accepts; the same string goes in the X-CSRFToken header or the form field."""
    from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH
    from django.utils.crypto import get_random_string

    return get_random_string(CSRF_SECRET_LENGTH, CSRF_ALLOWED_CHARS)
