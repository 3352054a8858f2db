"""Newsletter choice changes, whoever saves the user: stamp the time and sync the provider (connected in ready())."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver
from django.utils import timezone

from community.models import User
from community.services.newsletter import enqueue_sync
from home.publish import publish


@receiver(pre_save, sender=User, dispatch_uid="community_newsletter_choice_changed")
def note_newsletter_change(sender, instance: User, update_fields=None, raw=False, **kwargs):
    """Notice a changed newsletter choice, whichever form or script saved it, and stamp the time of the change."""
    instance._newsletter_changed = False
    if raw or (update_fields is not None and "newsletter_opt_in" not in update_fields):
        return  # e.g. the last_login update at every log in: no extra query
    before = None
    if instance.pk is not None:
        before = User.objects.filter(pk=instance.pk).values_list("newsletter_opt_in", flat=True).first()
    # A new account counts as a change only if it opts in; an existing one whenever the choice flips.
    opted_in_now = before is None and instance.newsletter_opt_in
    if opted_in_now or (before is not None and before != instance.newsletter_opt_in):
        instance._newsletter_changed = True
        instance.newsletter_changed_at = timezone.now()


@receiver(post_save, sender=User, dispatch_uid="community_newsletter_sync")
def sync_newsletter_choice(sender, instance: User, raw=False, update_fields=None, **kwargs):
    if raw or not getattr(instance, "_newsletter_changed", False):
        return
    instance._newsletter_changed = False
    if update_fields is not None and "newsletter_changed_at" not in update_fields:
        # A save limited to some fields did not write the stamp set above.
        User.objects.filter(pk=instance.pk).update(newsletter_changed_at=instance.newsletter_changed_at)
    enqueue_sync(instance.pk)


@receiver(post_delete, sender=User, dispatch_uid="community_newsletter_unsubscribe_deleted")
def unsubscribe_deleted_account(sender, instance: User, **kwargs):
    """A deleted account leaves the newsletter too (the provider keeps its own list)."""
    if instance.newsletter_opt_in:
        from community.tasks import unsubscribe_newsletter

        email = instance.email
        transaction.on_commit(lambda: publish(unsubscribe_newsletter, email))
