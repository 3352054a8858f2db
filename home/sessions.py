"""Database sessions whose table holds a hash of each session key, not the key (SESSION_ENGINE = "home.sessions").

The session key is the cookie: with Django's own database backend, whoever reads the table (a backup, a dump, a
leaked replica) can present any stored key and be that person, staff included. Here the table keeps
`stored_key(key)`, a one-way hash of the 32 random characters, so a read of the database opens no session. The
browser's cookie is unchanged. Sessions made before this backend was switched on are simply not found (everyone
logs in once more).
"""

import hashlib

from django.contrib.sessions.backends import db
from django.utils import timezone

STORED_PREFIX = "h:"


def stored_key(session_key: str) -> str:
    """What the session table keeps for `session_key` (fits its 40 characters)."""
    return STORED_PREFIX + hashlib.blake2b(session_key.encode(), digest_size=19).hexdigest()


class SessionStore(db.SessionStore):
    def _get_session_from_db(self):
        if self.session_key is None:
            return None
        try:
            return self.model.objects.get(session_key=stored_key(self.session_key), expire_date__gt=timezone.now())
        except self.model.DoesNotExist:
            self._session_key = None
            return None

    async def _aget_session_from_db(self):
        raise NotImplementedError("home.sessions has no async interface")

    def exists(self, session_key):
        return self.model.objects.filter(session_key=stored_key(session_key)).exists()

    def create_model_instance(self, data):
        return self.model(
            session_key=stored_key(self._get_or_create_session_key()),
            session_data=self.encode(data),
            expire_date=self.get_expiry_date(),
        )

    def delete(self, session_key=None):
        if session_key is None:
            if self.session_key is None:
                return
            session_key = self.session_key
        self.model.objects.filter(session_key=stored_key(session_key)).delete()
