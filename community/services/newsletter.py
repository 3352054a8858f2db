"""The newsletter adapter: one small interface to the external newsletter service, chosen by a setting.

NEWSLETTER_PROVIDER is the dotted path of a `NewsletterProvider` class; the default, `NullProvider`, only logs.
A user's choice reaches the provider through the Celery task `community.tasks.sync_newsletter_subscription`,
enqueued after the transaction that changed the choice commits.
"""

import logging
from typing import Protocol

from django.conf import settings
from django.db import transaction
from django.utils.module_loading import import_string

from home.publish import publish

logger = logging.getLogger(__name__)

DEFAULT_PROVIDER = "community.services.newsletter.NullProvider"


class NewsletterProvider(Protocol):
    def subscribe(self, email: str, name: str, language: str) -> None: ...

    def unsubscribe(self, email: str) -> None: ...


class NullProvider:
    """No newsletter service configured: record what would have been sent."""

    def subscribe(self, email: str, name: str, language: str) -> None:
        logger.info("Newsletter (no provider): subscribe %s (%s)", email, language)

    def unsubscribe(self, email: str) -> None:
        logger.info("Newsletter (no provider): unsubscribe %s", email)


def get_provider() -> NewsletterProvider:
    return import_string(getattr(settings, "NEWSLETTER_PROVIDER", DEFAULT_PROVIDER))()


def sync_user(user) -> None:
    """Tell the provider the user's current choice (called by the task, with a fresh user row)."""
    provider = get_provider()
    if user.newsletter_opt_in and user.is_active:
        provider.subscribe(user.email, user.get_full_name(), user.language)
    else:
        provider.unsubscribe(user.email)


def enqueue_sync(user_id: int) -> None:
    """Sync the user's choice once the current transaction commits (never if it rolls back)."""
    from community.tasks import sync_newsletter_subscription

    transaction.on_commit(lambda: publish(sync_newsletter_subscription, user_id))
