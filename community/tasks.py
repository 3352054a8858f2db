"""Celery tasks of the community app: lapsing memberships at the end of the year, newsletter sync."""

import logging

from celery import shared_task

from community.models import User
from community.services import membership, newsletter

logger = logging.getLogger(__name__)


@shared_task(name="community.tasks.mark_lapsed_members", acks_late=True)
def mark_lapsed_members() -> int:
    """Beat task (daily): memberships that ended become Lapsed and get a renewal mail. Safe to run twice: a
    lapsed member is no longer Active, so a rerun finds nothing to do."""
    return membership.mark_lapsed()


@shared_task(
    name="community.tasks.sync_newsletter_subscription",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def sync_newsletter_subscription(user_id: int) -> str:
    """Send a user's newsletter choice, read fresh from the database, to the provider."""
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return "gone"
    newsletter.sync_user(user)
    return "subscribed" if user.newsletter_opt_in else "unsubscribed"


@shared_task(
    name="community.tasks.unsubscribe_newsletter",
    acks_late=True,
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def unsubscribe_newsletter(email: str) -> None:
    """Take an address off the newsletter whose account no longer exists (so there is no row to read)."""
    newsletter.get_provider().unsubscribe(email)
