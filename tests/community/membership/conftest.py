"""The membership tests' way to see the mails a change owed (people come from community.factories)."""

import pytest
from django.core import mail


@pytest.fixture
def sent(django_capture_on_commit_callbacks):
    """Run `action()`, commit-callbacks included (so the Celery tasks run in-process), and return the mails sent."""

    def run(action):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            result = action()
        return result, list(mail.outbox)

    return run
