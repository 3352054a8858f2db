"""Ticket tokens leave the database: each ticket gets a salt its token is made from with the server's key
(events.models.registrations.ticket_token_for) and keeps only the keyed hash of that token. The token mailed
before stays valid through `legacy_token_hash`; the typed short code is kept as it was printed. Stored QR images
(named after the tokens) are deleted: QR codes are drawn on request now."""

import django.core.files.storage
from django.db import migrations, models

import events.models.registrations as registrations


def hash_tokens(apps, schema_editor):
    Registration = apps.get_model("events", "Registration")
    storage = django.core.files.storage.storages["private"]
    for registration in Registration.objects.only("pk", "token", "short_code", "qr_image").iterator():
        if registration.qr_image:
            try:
                storage.delete(registration.qr_image.name)
            except OSError:
                pass  # already gone, or the storage is out of reach: the name is dropped with the column
        salt = registrations.new_token_salt()
        Registration.objects.filter(pk=registration.pk).update(
            token_salt=salt,
            token_hash=registrations.ticket_token_hash(registrations.ticket_token_for(salt)),
            legacy_token_hash=registrations.ticket_token_hash(registration.token),
            short_code=registration.short_code or registrations.short_code_for(registration.token),
        )


def restore_tokens(apps, schema_editor):
    """Back to stored tokens: each ticket's token as it is made now (a token mailed before 0011 is lost)."""
    Registration = apps.get_model("events", "Registration")
    for registration in Registration.objects.only("pk", "token_salt").iterator():
        Registration.objects.filter(pk=registration.pk).update(
            token=registrations.ticket_token_for(registration.token_salt)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0010_event_cleanup"),
    ]

    operations = [
        migrations.AddField(
            model_name="registration",
            name="token_salt",
            field=models.CharField(editable=False, max_length=32, null=True, verbose_name="ticket salt"),
        ),
        migrations.AddField(
            model_name="registration",
            name="token_hash",
            field=models.CharField(editable=False, max_length=64, null=True, verbose_name="ticket code hash"),
        ),
        migrations.AddField(
            model_name="registration",
            name="legacy_token_hash",
            field=models.CharField(blank=True, editable=False, max_length=64, null=True, unique=True),
        ),
        # Nullable and not unique while it goes, so that going back can add it empty and fill it in.
        migrations.AlterField(
            model_name="registration",
            name="token",
            field=models.CharField(editable=False, max_length=64, null=True, verbose_name="ticket code"),
        ),
        migrations.RunPython(hash_tokens, restore_tokens, elidable=True),
        migrations.RemoveField(model_name="registration", name="token"),
        migrations.RemoveField(model_name="registration", name="qr_image"),
        migrations.AlterField(
            model_name="registration",
            name="token_salt",
            field=models.CharField(
                default=registrations.new_token_salt, editable=False, max_length=32, verbose_name="ticket salt"
            ),
        ),
        migrations.AlterField(
            model_name="registration",
            name="token_hash",
            field=models.CharField(editable=False, max_length=64, unique=True, verbose_name="ticket code hash"),
        ),
    ]
