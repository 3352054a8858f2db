"""Registration terms are moderated like pages: drafts, revisions and the "Moderators approval" workflow.

A new translation of the terms (or an edit) is a draft until a moderator approves it; existing terms stay live.
Moderators and Event editors (who publish event pages) publish terms; Translators may edit and submit them.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from home.moderation_migrations import grant, moderate_snippet, revoke, unmoderate_snippet

TERMS = ("events", "registrationterms")
EDITING = ["add_registrationterms", "change_registrationterms", "view_registrationterms"]


def moderate_terms(apps, schema_editor):
    grant(apps, "Moderators", *TERMS, [*EDITING, "publish_registrationterms"])
    grant(apps, "Event editors", *TERMS, ["publish_registrationterms"])
    grant(apps, "Translators", *TERMS, ["change_registrationterms", "view_registrationterms"])
    moderate_snippet(apps, *TERMS)


def unmoderate_terms(apps, schema_editor):
    revoke(apps, "Moderators", *TERMS, [*EDITING, "publish_registrationterms"])
    revoke(apps, "Event editors", *TERMS, ["publish_registrationterms"])
    revoke(apps, "Translators", *TERMS, ["change_registrationterms", "view_registrationterms"])
    unmoderate_snippet(apps, *TERMS)


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0005_volunteers'),
        ('community', '0006_translations_reviewed'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='registrationterms',
            name='expire_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='expiry date/time'),
        ),
        migrations.AddField(
            model_name='registrationterms',
            name='expired',
            field=models.BooleanField(default=False, editable=False, verbose_name='expired'),
        ),
        migrations.AddField(
            model_name='registrationterms',
            name='first_published_at',
            field=models.DateTimeField(blank=True, db_index=True, null=True, verbose_name='first published at'),
        ),
        migrations.AddField(
            model_name='registrationterms',
            name='go_live_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='go live date/time'),
        ),
        migrations.AddField(
            model_name='registrationterms',
            name='has_unpublished_changes',
            field=models.BooleanField(default=False, editable=False, verbose_name='has unpublished changes'),
        ),
        migrations.AddField(
            model_name='registrationterms',
            name='last_published_at',
            field=models.DateTimeField(editable=False, null=True, verbose_name='last published at'),
        ),
        migrations.AddField(
            model_name='registrationterms',
            name='latest_revision',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='latest revision'),
        ),
        migrations.AddField(
            model_name='registrationterms',
            name='live',
            field=models.BooleanField(default=True, editable=False, verbose_name='live'),
        ),
        migrations.AddField(
            model_name='registrationterms',
            name='live_revision',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision', verbose_name='live revision'),
        ),
        migrations.AddField(
            model_name='registrationterms',
            name='locked',
            field=models.BooleanField(default=False, editable=False, verbose_name='locked'),
        ),
        migrations.AddField(
            model_name='registrationterms',
            name='locked_at',
            field=models.DateTimeField(editable=False, null=True, verbose_name='locked at'),
        ),
        migrations.AddField(
            model_name='registrationterms',
            name='locked_by',
            field=models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='locked_%(class)ss', to=settings.AUTH_USER_MODEL, verbose_name='locked by'),
        ),
        migrations.RunPython(moderate_terms, unmoderate_terms),
    ]
